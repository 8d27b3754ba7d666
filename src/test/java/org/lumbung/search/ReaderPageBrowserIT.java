package org.lumbung.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.lumbung.testing.BrowserStage;
import org.lumbung.testing.Chromium;
import org.lumbung.testing.LumbungServer;
import org.lumbung.testing.ReaderRecords;
import org.lumbung.testing.SeedPage;

/**
 * Issue 18's reader, in Debian's headless Chromium: searching "kebijakan luar negeri" or "foreign policy" finds the
 * seed article and shows who wrote it, where, in which language and whether it is open, with a link to the article
 * and a citation one click away; a record with everything shows its ORCID, open-access and licence badges and its
 * full text, its title in the reader's language first; the record page shows the seed's Indonesian title and English
 * abstract each as what it is; the year range, open access only and the author facet narrow the list.
 * Screenshots land in target/screenshots/ (docs/search-seed.png, docs/record-page.png and docs/record-360.png are
 * copies).
 */
@Tag("browser")
class ReaderPageBrowserIT {

    private static final String SEED = "[data-id='" + SeedPage.URL + "']";
    private static final String FULL = "[data-id='" + ReaderRecords.FULL_ID + "']";
    private static BrowserStage stage;
    private static LumbungServer server;
    private static Chromium browser;

    @BeforeAll
    static void start() throws Exception {
        stage = BrowserStage.start(ReaderPageBrowserIT.class, "The reader's browser test", "chromium-reader", ReaderRecords::index);
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

    private String text(String css) throws Exception {
        return browser.text(browser.await(css).get(0));
    }

    private String href(String css) throws Exception {
        return browser.attribute(browser.await(css).get(0), "href");
    }

    private void search(String query) throws Exception {
        browser.open(server.base() + "/?" + query);
        browser.await(".hit, #summary.problem");
    }

    @Test
    void aReaderFindsTheSeedArticleSeesWhoWhereWhichLanguageAndAccessOpensItAndCitesItInOneClick() throws Exception {
        for (String query : List.of("kebijakan luar negeri", "foreign policy")) {
            search("q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
            assertThat(text(SEED + " h2")).as(query).isEqualTo(ReaderRecords.SEED_TITLE);
            assertThat(browser.attribute(browser.find(SEED + " h2").get(0), "lang")).isEqualTo("id");
            assertThat(text(SEED + " .authors"))
                    .isEqualTo("Wiku, Falentinoris Yubilio; Putranti, Ika Riswanti; Hanura, Marten");
            assertThat(text(SEED + " .meta")).isEqualTo("Journal of International Relations, Universitas Diponegoro"
                    + " (article pages) · journal article · Indonesian");
            assertThat(text(SEED + " .badges")).as("the page states no access rights").isEqualTo("Access not stated");
            assertThat(href(SEED + " a[data-link=landing]")).isEqualTo(SeedPage.URL);
            String export = href(SEED + " a[data-format=bibtex]");
            assertThat(export).startsWith("/api/record/export?");
            HttpResponse<String> bibtex = server.get(export);
            assertThat(bibtex.statusCode()).isEqualTo(200);
            assertThat(bibtex.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment");
            assertThat(bibtex.body()).startsWith("@article{").contains("Kesepakatan Turki kepada Rusia");
        }
        assertThat(texts(SEED + " .snippet mark")).as("the English abstract's matches, marked")
                .contains("Foreign", "Policy");
        browser.open(server.base() + "/?q=" + URLEncoder.encode("kebijakan luar negeri", StandardCharsets.UTF_8)
                + "&lang=id");
        assertThat(text(SEED + " .meta")).as("the language named in Indonesian").endsWith(" · Bahasa Indonesia");
        assertThat(texts(SEED + " h2 mark")).containsExactly("Kebijakan", "Luar", "Negeri");
        browser.screenshot(Path.of("target", "screenshots", "search-seed.png"));
    }

    @Test
    void aStemmedMatchIsMarkedWhereItWasFound() throws Exception {
        search("q=sepakat");
        assertThat(texts(SEED + " h2 mark")).containsExactly("Kesepakatan");
    }

    @Test
    void aHitShowsItsOrcidBadgesFullTextAndTitleInTheReadersLanguageFirst() throws Exception {
        search("q=tariff&lang=en");
        assertThat(text(FULL + " h2")).isEqualTo("The ASEAN trade agreement and tariff policy");
        assertThat(texts(FULL + " h2 mark")).containsExactly("tariff");
        assertThat(text(FULL + " .other-title")).isEqualTo("Perjanjian dagang ASEAN dan kebijakan tarif Indonesian");
        assertThat(href(FULL + " .authors a.orcid")).isEqualTo("https://orcid.org/0000-0002-1825-0097");
        assertThat(text(FULL + " .meta"))
                .isEqualTo("2023 · Jurnal Ekonomi C · journal article · Indonesian");
        assertThat(text(FULL + " .badges")).isEqualTo("Open access CC BY 4.0");
        assertThat(href(FULL + " a[data-badge=licence]")).isEqualTo("https://creativecommons.org/licenses/by/4.0/");
        assertThat(href(FULL + " a[data-link=full-text]")).isEqualTo(ReaderRecords.FULL_GALLEY);
        assertThat(text(FULL + " a[data-link=full-text]")).isEqualTo("Full text");
        assertThat(text(FULL + " .snippet")).as("no match in the abstracts: the reader's language's one")
                .isEqualTo("This article discusses the ASEAN trade agreement.");

        browser.click(browser.find(".lang-switch a[data-lang=id]").get(0));
        assertThat(browser.url()).endsWith("lang=id");
        assertThat(text(FULL + " h2")).isEqualTo("Perjanjian dagang ASEAN dan kebijakan tarif");
        assertThat(text(FULL + " .other-title")).isEqualTo("The ASEAN trade agreement and tariff policy Inggris");
        assertThat(texts(FULL + " .other-title mark")).containsExactly("tariff");
        assertThat(texts(FULL + " h2 mark")).as("the Indonesian title did not match").isEmpty();
    }

    @Test
    void theYearRangeOpenAccessOnlyAndTheAuthorFacetNarrowTheList() throws Exception {
        search("q=*");
        browser.type(browser.find("input[name=year_from]").get(0), "2020");
        browser.type(browser.find("input[name=year_to]").get(0), "2021");
        browser.click(browser.find(".narrow button[type=submit]").get(0));
        awaitUrl("year_to=2021");
        assertThat(browser.url()).contains("q=*", "year_from=2020", "year_to=2021");
        assertThat(texts(".hit h2")).containsExactlyInAnyOrder("Kebijakan luar negeri Indonesia terhadap Turki",
                "Sejarah perpustakaan di Jawa", "Diplomasi maritim Indonesia");
        browser.click(browser.find("input[data-filter=open]").get(0));
        awaitUrl("open=true");
        assertThat(texts(".hit h2")).containsExactly("Kebijakan luar negeri Indonesia terhadap Turki");

        search("q=*");
        browser.click(browser.find(".facet[data-facet=author] a[data-value='Wibowo, Sri']").get(0));
        awaitUrl("author=");
        assertThat(texts(".hit h2")).containsExactlyInAnyOrder("Sejarah perpustakaan di Jawa",
                "Diplomasi maritim Indonesia");

        browser.open(server.base() + "/?q=diplomasi&open=true&year_from=2023");
        assertThat(text("#notice p")).isEqualTo("Nothing matches all the filters. Remove one: From: 2023 ✕ · Open access"
                + " only ✕");
    }

    @Test
    void theRecordPageShowsTheIndonesianTitleAndEnglishAbstractEachAsWhatItIsAndTheMetadataOnRequest() throws Exception {
        browser.open(server.base() + "/record?id=" + URLEncoder.encode(SeedPage.URL, StandardCharsets.UTF_8));
        assertThat(text(".record h1")).startsWith(ReaderRecords.SEED_TITLE);
        assertThat(browser.attribute(browser.find(".record h1").get(0), "lang")).isEqualTo("id");
        assertThat(text(".record h1 .lang")).isEqualTo("Indonesian");
        assertThat(text(".abstract h2 .lang")).isEqualTo("English");
        assertThat(text(".abstract[lang=en] p")).startsWith("The Nagorno-Karabakh conflict")
                .endsWith("after the Nagorno-Karabakh conflict.");
        assertThat(texts(".people li")).containsExactly(
                "Wiku, Falentinoris Yubilio\nDepartment of International Relations, Indonesia",
                "Putranti, Ika Riswanti\nDepartment of International Relations, Indonesia",
                "Hanura, Marten\nDepartment of International Relations, Indonesia");
        assertThat(text(".keywords")).isEqualTo("Nagorno-Karabakh Conflict; Foreign Policy; Turkey; President Recep"
                + " Tayyip Erdoğan");
        assertThat(text(".sources-list")).isEqualTo("undip-jihi-pages · text · " + SeedPage.URL);
        assertThat(href(".record a[data-link=landing]")).isEqualTo(SeedPage.URL);
        assertThat(browser.find(".record .cite a[data-format=ris]")).hasSize(1);
        assertThat(browser.script("return document.getElementById('metadata').open;").asBoolean())
                .as("the metadata waits below, folded").isFalse();
        browser.screenshot(Path.of("target", "screenshots", "record-page.png"));
        browser.click(browser.find("#metadata summary").get(0));
        assertThat(text("#metadata")).contains("dc:title", "dc:description", "Karabakh id\n", "source 1.sourceId\nundip-jihi-pages");

        browser.viewport(360, 740);
        try {
            browser.open(server.base() + "/record?id=" + URLEncoder.encode(ReaderRecords.FULL_ID,
                    StandardCharsets.UTF_8) + "&lang=id");
            assertThat(text(".record h1")).startsWith("Perjanjian dagang ASEAN dan kebijakan tarif");
            assertThat(texts(".abstract h2 .lang")).containsExactly("Bahasa Indonesia", "Inggris");
            assertThat(browser.script("return document.documentElement.scrollWidth;").asInt())
                    .as("no sideways scrolling").isLessThanOrEqualTo(360);
            browser.screenshot(Path.of("target", "screenshots", "record-360.png"));
        } finally {
            browser.viewport(1280, 960);
        }
    }

    @Test
    void withoutTheSwitchTheBrowsersLanguageDecidesWhichTitleAndAbstractComeFirst() throws Exception {
        String page = server.base() + "/record?id=" + URLEncoder.encode(ReaderRecords.FULL_ID, StandardCharsets.UTF_8);
        browser.open(page);
        assertThat(text(".record h1")).as("Chromium's own en-US").startsWith("The ASEAN trade agreement");
        assertThat(texts(".abstract h2 .lang")).containsExactly("English", "Indonesian");
        try (Chromium indonesian = Chromium.startFresh("chromium-id", "id-ID", "id")) {
            indonesian.open(page);
            assertThat(indonesian.text(indonesian.await(".record h1").get(0)))
                    .startsWith("Perjanjian dagang ASEAN dan kebijakan tarif");
            assertThat(indonesian.texts(".abstract h2 .lang")).containsExactly("Bahasa Indonesia", "Inggris");
            assertThat(indonesian.text(indonesian.await(".lang-switch strong").get(0))).isEqualTo("Bahasa Indonesia");
        }
    }

    private void awaitUrl(String part) throws Exception {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!browser.url().contains(part) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        browser.await(".hit, #notice p");
    }
}
