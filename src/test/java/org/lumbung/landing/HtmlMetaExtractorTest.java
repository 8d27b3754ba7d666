package org.lumbung.landing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.lumbung.dc.Citation;
import org.lumbung.dc.Creator;
import org.lumbung.dc.DcElement;
import org.lumbung.dc.DcRecord;
import org.lumbung.dc.DcRecordBuilder;
import org.lumbung.language.LanguageDetector;
import org.lumbung.testing.OaiTestServer;

class HtmlMetaExtractorTest {

    private static final String HTML = new String(OaiTestServer.fixture("landing/ojs3-article-page.html"),
            StandardCharsets.UTF_8);

    @Test
    void readsCitationAndDublinCoreTagsOfAnOjsPage() {
        DcRecordBuilder builder = new DcRecordBuilder("u", "s");
        new HtmlMetaExtractor().read(new LandingPage("https://jurnal.example.ac.id/x", HTML, "s", "test"), builder);
        DcRecord r = builder.build(null);
        assertThat(r.values(DcElement.TITLE)).containsExactly("Diplomasi Digital Indonesia di Era Pandemi",
                "Indonesia's Digital Diplomacy in the Pandemic Era");
        assertThat(r.languages(DcElement.TITLE)).containsExactly(null, "en");
        assertThat(r.creators()).containsExactly(new Creator("Rahmawati Putri", "Universitas Contoh", null, false),
                new Creator("Joko Susilo", "Universitas Lain", null, false));
        assertThat(r.values(DcElement.DESCRIPTION)).hasSize(2);
        assertThat(r.languages(DcElement.DESCRIPTION)).containsExactly("en", "id");
        assertThat(r.values(DcElement.SUBJECT)).containsExactly("diplomasi digital", "pandemi");
        assertThat(r.values(DcElement.IDENTIFIER)).contains("10.14710/jhi.2022.41230",
                "https://jurnal.example.ac.id/index.php/jhi/article/view/41230");
        assertThat(r.values(DcElement.DATE)).containsExactly("2022/06/30", "2022-06-30");
        assertThat(r.values(DcElement.SOURCE)).containsExactly("Jurnal Hubungan Internasional", "2502-5457");
        assertThat(r.values(DcElement.RIGHTS)).contains("https://creativecommons.org/licenses/by-sa/4.0");
        assertThat(r.citation()).containsEntry(Citation.VOLUME, List.of("11"))
                .containsEntry(Citation.ISSUE, List.of("2"))
                .containsEntry(Citation.ISSN, List.of("2502-5457"))
                .containsEntry(Citation.DOI, List.of("10.14710/jhi.2022.41230"))
                .containsEntry(Citation.FULL_TEXT_URL,
                        List.of("https://jurnal.example.ac.id/index.php/jhi/article/download/41230/29876"));
    }

    @Test
    void keepsAnIndonesianCitationTitleBesideAnEnglishDublinCoreTitleEachWithItsLanguage() {
        DcRecord r = LandingFixtures.read(new HtmlMetaExtractor(), LandingFixtures.landingPage("ojs2-article-page.html"),
                new LanguageDetector(List.of("id", "en", "ms"), 400));
        assertThat(r.values(DcElement.TITLE)).containsExactly(
                "Peran Badan Usaha Milik Desa dalam Pemberdayaan Ekonomi Masyarakat Pesisir",
                "The Role of Village-Owned Enterprises in the Economic Empowerment of Coastal Communities");
        assertThat(r.languages(DcElement.TITLE)).containsExactly("id", "en");
        // Highwire's untagged keywords take the language DC.Subject gives the same words.
        assertThat(r.values(DcElement.SUBJECT)).startsWith("BUMDes", "pemberdayaan", "masyarakat pesisir",
                "village-owned enterprise");
        assertThat(r.languages(DcElement.SUBJECT)).startsWith("id", "id", "id", "en");
        assertThat(r.values(DcElement.DESCRIPTION)).hasSize(2);
    }

    @Test
    void letsTheFirstSchemeNameTheAuthorsAndTheOthersCompleteThem() {
        // Highwire names them without affiliation or ORCID; JSON-LD, in the same Family, Given form, adds both.
        DcRecord r = LandingFixtures.read(new HtmlMetaExtractor(), "jsonld-dataset-page.html");
        assertThat(r.creators()).containsExactly(
                new Creator("Ndun, Yohanes", "Universitas Nusa Cendana", "0000-0002-6150-4416", false),
                new Creator("Wahyuni, Ratna", "Badan Meteorologi, Klimatologi, dan Geofisika", null, false));
        // EPrints' citation_author comes first; eprints.creators_orcid completes it; DC.creator adds nobody.
        DcRecord eprints = LandingFixtures.read(new HtmlMetaExtractor(), "eprints-abstract-page.html");
        assertThat(eprints.creators()).extracting(Creator::name, Creator::orcid).containsExactly(
                tuple("Hidayat, Arif", "0000-0003-4521-7702"), tuple("Permatasari, Lestari", "0000-0002-9917-3405"));
    }

    @Test
    void takesOpenGraphCoinsAndTheVisiblePageOnlyForWhatTheScholarlySchemesLack() {
        DcRecord publisher = LandingFixtures.read(new HtmlMetaExtractor(), "jsonld-publisher-article.html");
        assertThat(publisher.values(DcElement.TITLE))
                .containsExactly("Seasonal dengue transmission in Jakarta: a spatial model");
        DcRecord catalogue = LandingFixtures.read(new HtmlMetaExtractor(), "coins-catalogue-page.html");
        assertThat(catalogue.values(DcElement.TITLE))
                .containsExactly("Sejarah Maritim Nusantara: Pelabuhan, Perdagangan, dan Kekuasaan");
        assertThat(catalogue.citation()).doesNotContainKeys(Citation.VOLUME, Citation.DOI);
        // Digital Commons: bepress tags give everything but the abstract, which the meta description supplies.
        DcRecord bepress = LandingFixtures.read(new HtmlMetaExtractor(), "bepress-digital-commons-page.html");
        assertThat(bepress.values(DcElement.DESCRIPTION)).singleElement().asString().startsWith("Using a survey");
        assertThat(bepress.creators()).hasSize(2);
    }

    @Test
    void dropsTheItemTypeDspaceListsAmongItsKeywords() {
        DcRecord r = LandingFixtures.read(new HtmlMetaExtractor(), "dspace-item-page.html");
        assertThat(r.values(DcElement.SUBJECT)).containsExactly("literasi keuangan", "perilaku menabung",
                "financial literacy");
        assertThat(r.values(DcElement.TYPE)).containsExactly("Article");
    }

    @Test
    void readsEverySchemeOfAPageThatHasThemAllInOrder() {
        DcRecord r = LandingFixtures.read(new HtmlMetaExtractor(), "ojs3-default-theme-page.html");
        assertThat(r.values(DcElement.TITLE)).containsExactly(
                "Mangrove Carbon Stocks along the Northern Coast of Central Java",
                "Stok Karbon Mangrove di Pantai Utara Jawa Tengah");
        assertThat(r.languages(DcElement.TITLE)).containsExactly(null, "id");
        assertThat(r.creators()).extracting(Creator::corresponding).containsExactly(true, false, false);
        assertThat(r.values(DcElement.DATE)).containsExactly("2023/03/31", "2023-03-31");
        assertThat(r.citation().get(Citation.PUBLICATION_DATE)).containsExactly("2023/03/31", "2023-03-31");
    }

    @Test
    void skipsASchemeThatFailsAndReadsHostileHtmlWithoutThrowing() {
        HtmlPage page = HtmlPage.parse(LandingFixtures.landingPage("hostile-page.html"));
        SchemeExtractor failing = (p, out) -> {
            out.add(DcElement.TITLE, "half-read");
            throw new IllegalStateException("broken");
        };
        assertThat(HtmlMetaExtractor.readScheme(failing, page).has(DcElement.TITLE)).isFalse();
        DcRecord r = LandingFixtures.read(new HtmlMetaExtractor(), "hostile-page.html");
        assertThat(r.values(DcElement.TITLE)).containsExactly("unquoted", "Hostile but readable");
        assertThat(r.creators()).containsExactly(new Creator("Real Author", null, null, false));
        assertThat(r.citation()).doesNotContainKey(Citation.DOI);
        String deep = "<div>".repeat(100_000) + "<h1 class=page_title>Deep</h1>";
        assertThat(LandingFixtures.read(new HtmlMetaExtractor(), new LandingPage("u", deep, "s", "deep"), null)
                .values(DcElement.TITLE)).containsExactly("Deep");
    }

    @Test
    void findsThePagesOwnAddress() {
        assertThat(HtmlMetaExtractor.declaredUrl(Jsoup.parse(HTML)))
                .isEqualTo("https://jurnal.example.ac.id/index.php/jhi/article/view/41230");
    }
}
