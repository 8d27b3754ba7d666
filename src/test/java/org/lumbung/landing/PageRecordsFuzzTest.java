package org.lumbung.landing;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lumbung.dc.DcElement;
import org.lumbung.dc.DcRecord;
import org.lumbung.language.LanguageDetector;
import org.lumbung.testing.FuzzSeeds;

/**
 * Fuzz targets for the landing page extractors, through {@link PageRecords#read} as ingest calls it: an HTML page, a
 * text dump, and a JSON-LD block inside a page. The contract: the page becomes a record with a title, or it is
 * refused with the IllegalArgumentException {@code read} documents (no title found); no other exception, within
 * bounded time and memory. Seeds: the landing fixtures (pages, text dumps, their JSON-LD blocks); inputs found:
 * {@code PageRecordsFuzzTestInputs/<method>/}.
 */
class PageRecordsFuzzTest {

    private static final String URL = "https://journal.example.ac.id/index.php/j/article/view/1";
    private static final PageRecords PAGES = new PageRecords(new LanguageDetector(List.of("id", "en", "ms"), 400));

    static Stream<Arguments> htmlPages() {
        return FuzzSeeds.fixtures("landing", ".html");
    }

    static Stream<Arguments> textDumps() {
        return FuzzSeeds.fixtures("landing/text", ".txt");
    }

    /** The JSON-LD blocks of the pages that have them. */
    static Stream<Arguments> jsonLdBlocks() {
        return FuzzSeeds.fixtures("landing", ".html").flatMap(page -> Jsoup.parse(new String((byte[]) page.get()[0],
                StandardCharsets.UTF_8)).select("script[type^=application/ld+json]").stream()
                .map(block -> Arguments.of((Object) block.data().getBytes(StandardCharsets.UTF_8))));
    }

    @Timeout(FuzzSeeds.TIMEOUT_SECONDS)
    @MethodSource("htmlPages")
    @FuzzTest
    void html(byte[] page) {
        read(PageCharset.decode(page, null), true);
    }

    @Timeout(FuzzSeeds.TIMEOUT_SECONDS)
    @MethodSource("textDumps")
    @FuzzTest
    void text(byte[] page) {
        read(PageCharset.decode(page, null), false);
    }

    @Timeout(FuzzSeeds.TIMEOUT_SECONDS)
    @MethodSource("jsonLdBlocks")
    @FuzzTest
    void jsonLd(byte[] block) {
        read("<html><head><script type=\"application/ld+json\">" + new String(block, StandardCharsets.UTF_8)
                + "</script></head></html>", true);
    }

    private static void read(String content, boolean html) {
        try {
            DcRecord record = PAGES.read(URL, content, html, "fuzz", "fuzz");
            assertThat(record.values(DcElement.TITLE)).isNotEmpty();
        } catch (IllegalArgumentException e) {
            assertThat(e.getMessage()).startsWith("no title found in the " + (html ? "html" : "text") + " page");
        }
    }
}
