package org.lumbung.landing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.lumbung.dc.DcElement;
import org.lumbung.dc.DcRecord;
import org.lumbung.ingest.PageIngester;
import org.lumbung.language.LanguageDetector;
import org.lumbung.pipeline.Delivery;
import org.lumbung.pipeline.Outcome;
import org.lumbung.pipeline.RecordFailure;

/**
 * The shared corpus of real landing pages ({@code ../shared/fixtures/landing} beside the project, where CI clones it),
 * ingested as saved files are: no page throws or fails, and every page yields a title, save a page that carries no
 * title in any form, which is checked here from the page itself rather than assumed. Skipped, saying so, where the
 * corpus is absent.
 */
class LandingConformanceTest {

    private static final Path CORPUS = Path.of(System.getProperty("basedir", "."))
            .resolve("../shared/fixtures/landing").toAbsolutePath().normalize();

    @Test
    void everyPageOfTheSharedCorpusIsReadAndYieldsATitle() throws IOException {
        assumeTrue(Files.isDirectory(CORPUS), "skipped: no shared landing-page corpus at " + CORPUS);
        List<Path> pages;
        try (Stream<Path> files = Files.walk(CORPUS)) {
            pages = files.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).matches(".*\\.(html?|txt)"))
                    .sorted().toList();
        }
        List<Path> untitled = new ArrayList<>();
        for (Path page : pages) {
            if (!hasATitleAnywhere(page)) {
                untitled.add(page);
            }
        }
        List<DcRecord> records = new ArrayList<>();
        PageIngester ingester = new PageIngester(null, new LanguageDetector(List.of("id", "en", "ms"), 400), batch -> {
            records.addAll(batch.records());
            return Delivery.done(new Outcome(batch.records().size(), 0, List.of()));
        }, batch -> {
            throw new AssertionError("a landing page was taken for an OAI-PMH response: " + batch.origin());
        });
        IngestReport report = ingester.ingest(new IngestRequest("conformance",
                pages.stream().map(p -> new PageInput(p.toString(), null)).toList()));

        System.out.printf(Locale.ROOT, "landing conformance over %s: %d pages read, %d yielded a title, %d carry"
                + " none in any form %s%n", CORPUS, report.documents(), records.size(), untitled.size(), untitled);
        assertThat(pages).isNotEmpty();
        assertThat(report.documents()).isEqualTo(pages.size());
        assertThat(records).allSatisfy(r -> assertThat(r.values(DcElement.TITLE)).isNotEmpty());
        // The only failures allowed are "no title found" for the pages that have no title to find.
        assertThat(report.failures()).extracting(RecordFailure::reason).allMatch(r -> r.startsWith("no title found"));
        assertThat(report.failures()).extracting(f -> Path.of(f.recordId()))
                .containsExactlyInAnyOrderElementsOf(untitled);
        assertThat(records).hasSize(pages.size() - untitled.size());
    }

    /** A non-blank title element, heading, or meta tag named for a title: a title a reader could find. */
    private static boolean hasATitleAnywhere(Path page) throws IOException {
        Document html = Jsoup.parse(new String(Files.readAllBytes(page), StandardCharsets.UTF_8));
        return !html.title().isBlank() || !html.select("h1, h2, h3, h4, h5, h6").text().isBlank()
                || html.select("meta[content]").stream().anyMatch(m -> !m.attr("content").isBlank()
                        && (m.attr("name") + m.attr("property")).toLowerCase(Locale.ROOT).contains("title"));
    }
}
