package org.lumbung.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.lumbung.testing.BrowserStage;
import org.lumbung.testing.Chromium;
import org.lumbung.testing.KnownRecords;
import org.lumbung.testing.LumbungServer;

/**
 * The search page as a reader uses it, in Debian's headless Chromium against a serving Lumbung: search, choose a
 * facet value, open a record; and a record whose every value is markup and script shows that text and runs nothing.
 * The screenshot of the results lands in target/screenshots/search-page.png (docs/search-page.png is a copy of it).
 */
@Tag("browser")
class SearchPageBrowserIT {

    private static BrowserStage stage;
    private static LumbungServer server;
    private static Chromium browser;

    @BeforeAll
    static void start() throws Exception {
        stage = BrowserStage.start(SearchPageBrowserIT.class, "The search page's browser test", "chromium", (prefix, started) -> {
            KnownRecords.index(prefix + "-records");
            KnownRecords.sources().forEach(started::define);
        });
        server = stage.server();
        browser = stage.browser();
    }

    @AfterAll
    static void stop() throws Exception {
        if (stage != null) {
            stage.close();
        }
    }

    private List<String> texts(String css) throws Exception {
        return browser.texts(css);
    }

    private void awaitSummary(String expected) throws Exception {
        long deadline = System.nanoTime() + 20_000_000_000L;
        String summary = "";
        while (System.nanoTime() < deadline) {
            summary = browser.text(browser.await("#summary").get(0));
            if (summary.equals(expected)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("summary '" + summary + "', expected '" + expected + "'");
    }

    @Test
    void searchesFiltersByAFacetAndOpensARecordWhileInjectedScriptStaysText() throws Exception {
        browser.open(server.base() + "/?q=diplomasi");
        awaitSummary("4 works for “diplomasi”");
        // Relevance: the two titles with the word (titles weigh most), then a subject and an abstract with it.
        assertThat(texts(".hit h2")).containsExactly("Diplomasi maritim Indonesia", KnownRecords.HOSTILE_TITLE,
                "Kebijakan luar negeri Indonesia terhadap Turki", "Climate diplomacy of small island states");
        assertThat(texts(".hit h2 mark")).as("matches marked by the page itself").contains("Diplomasi");
        assertThat(texts(".facet[data-facet=source] li")).containsExactly("Jurnal Hubungan Internasional A\n2",
                "Repositori Universitas B\n2");
        assertThat(texts(".facet[data-facet=language] li")).containsExactly("Indonesian / Bahasa Indonesia\n2",
                "English / Inggris\n1");
        assertInert();
        browser.screenshot(Path.of("target", "screenshots", "search-page.png"));

        browser.click(browser.find(".facet[data-facet=source] a[data-value=repo-b]").get(0));
        awaitSummary("2 works for “diplomasi”");
        assertThat(browser.url()).endsWith("/?q=diplomasi&source=repo-b");
        assertThat(texts(".hit h2")).containsExactly("Diplomasi maritim Indonesia", KnownRecords.HOSTILE_TITLE);
        assertThat(browser.attribute(browser.find(".facet[data-facet=source] a.selected").get(0), "data-value"))
                .isEqualTo("repo-b");

        browser.click(browser.find(".hit h2 a").get(0));
        assertThat(browser.text(browser.await(".record h1").get(0))).isEqualTo("Diplomasi maritim Indonesia Indonesian");
        browser.click(browser.find("#metadata summary").get(0));
        String page = browser.text(browser.find("#record").get(0));
        assertThat(page).contains("dc:title", "dc:subject\ndiplomasi", "journal article", "oai:repo-b:11",
                "oai:lumbung:repo-b:oai:repo-b:11");
        // The other Indonesian article on diplomacy, as a link to its page; a record of one version lists none.
        assertThat(texts(".similar li a")).contains("Kebijakan luar negeri Indonesia terhadap Turki");
        assertThat(browser.find(".versions")).isEmpty();
        assertInert();
    }

    @Test
    void aRecordMadeOfMarkupAndScriptIsShownAsTextAndRunsNothing() throws Exception {
        browser.open(server.base() + "/record?id=" + URLEncoder.encode(KnownRecords.HOSTILE_ID, StandardCharsets.UTF_8));
        assertThat(browser.text(browser.await(".record h1").get(0))).isEqualTo(KnownRecords.HOSTILE_TITLE);
        assertThat(browser.text(browser.find(".record .author").get(0))).as("the creator's markup, as text")
                .isEqualTo("<b onmouseover=\"document.body.dataset.pwned='creator'\">Mallory</b>");
        browser.click(browser.find("#metadata summary").get(0));
        assertThat(browser.text(browser.find("#record").get(0)))
                .contains("<b onmouseover=", "javascript:document.body.dataset.pwned='link'");
        assertThat(browser.find("a[href^='javascript']")).as("no javascript: link").isEmpty();
        assertThat(browser.find(".original")).as("no original offered for a javascript: address").isEmpty();
        assertInert();
    }

    @Test
    void saysWhenAPageIsPastTheLastAQueryCannotBeReadOrAFilterLeavesNothing() throws Exception {
        browser.open(server.base() + "/?q=diplomasi&size=2&page=26");
        awaitSummary("4 works for “diplomasi”");
        assertThat(texts("#notice")).containsExactly("Page 26 is past the last page (2). Go to page 2");
        assertThat(texts("#pager a")).as("no pager leading further astray").isEmpty();
        assertThat(texts(".cite")).containsExactly("Cite these: BibTeX · RIS · CSL-JSON");
        browser.screenshot(Path.of("target", "screenshots", "search-past-end.png"));
        browser.click(browser.find("#notice a[rel=last]").get(0));
        awaitSummary("4 works for “diplomasi”");
        assertThat(browser.url()).endsWith("/?q=diplomasi&size=2&page=2");
        assertThat(texts(".hit")).hasSize(2);

        browser.open(server.base() + "/?q=" + URLEncoder.encode("a AND (b", StandardCharsets.UTF_8));
        awaitSummary("The query cannot be read: unbalanced parenthesis: the '(' at character 7 is never closed.");
        assertThat(browser.find("#summary.problem")).hasSize(1);
        browser.screenshot(Path.of("target", "screenshots", "search-bad-query.png"));

        browser.open(server.base() + "/?q=diplomasi&source=repo-b&year=2021");
        awaitSummary("0 works for “diplomasi”");
        assertThat(texts("#notice")).containsExactly(
                "Nothing matches all the filters. Remove one: Source: Repositori Universitas B ✕ · Year: 2021 ✕");
        browser.click(browser.find("#notice a[data-facet=year]").get(0));
        awaitSummary("2 works for “diplomasi”");
        assertThat(browser.url()).endsWith("/?q=diplomasi&source=repo-b");
    }

    @Test
    void fitsA360PixelPhoneWithTheFirstResultAboveTheFoldedFacets() throws Exception {
        browser.viewport(360, 740);
        try {
            browser.open(server.base() + "/?q=diplomasi");
            awaitSummary("4 works for “diplomasi”");
            assertThat(browser.script("return window.innerWidth;").asInt()).isEqualTo(360);
            assertThat(browser.script("return document.documentElement.scrollWidth;").asInt())
                    .as("no sideways scrolling").isLessThanOrEqualTo(360);
            assertThat(browser.script("const hit = document.querySelector('.hit').getBoundingClientRect();"
                    + " return hit.top >= 0 && hit.bottom <= window.innerHeight"
                    + " && hit.bottom <= document.getElementById('facets').getBoundingClientRect().top;").asBoolean())
                    .as("the first result is in view, above the facets").isTrue();
            assertThat(browser.script("return [...document.querySelectorAll('.facet')].some(f => f.open);")
                    .asBoolean()).as("facets start folded").isFalse();
            assertInert();
            browser.screenshot(Path.of("target", "screenshots", "search-360.png"));

            browser.click(browser.find(".facet[data-facet=language] summary").get(0));
            assertThat(browser.script("return document.querySelector('.facet[data-facet=language]').open;")
                    .asBoolean()).as("a facet opens on a tap").isTrue();
            assertThat(texts(".facet[data-facet=language] li")).contains("Indonesian / Bahasa Indonesia\n2");
            assertThat(browser.script("return document.documentElement.scrollWidth;").asInt()).isLessThanOrEqualTo(360);
        } finally {
            browser.viewport(1280, 960);
        }
    }

    /** Nothing from a record became an element, and no injected code ran. */
    private void assertInert() throws Exception {
        assertThat(browser.script("return document.body.dataset.pwned || null;").isNull())
                .as("no injected handler or script ran").isTrue();
        assertThat(browser.script("return document.querySelectorAll('main img, main script, main b, main i').length;")
                .asInt()).isZero();
    }
}
