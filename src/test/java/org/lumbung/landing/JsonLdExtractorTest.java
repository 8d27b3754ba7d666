package org.lumbung.landing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lumbung.landing.LandingFixtures.scheme;
import static org.lumbung.landing.LandingFixtures.schemeOnHtml;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lumbung.dc.Citation;
import org.lumbung.dc.Creator;
import org.lumbung.dc.DcElement;
import org.lumbung.dc.DcRecord;

class JsonLdExtractorTest {

    private final JsonLdExtractor jsonLd = new JsonLdExtractor();

    private DcRecord inline(String json) {
        return schemeOnHtml(jsonLd, "<script type=\"application/ld+json\">" + json + "</script>");
    }

    @Test
    void readsAPublishersMainEntityWithAPeriodicalThatIsAlsoItsVolume() {
        DcRecord r = scheme(jsonLd, "jsonld-publisher-article.html");
        assertThat(r.values(DcElement.TITLE)).containsExactly("Seasonal dengue transmission in Jakarta: a spatial model");
        assertThat(r.creators()).containsExactly(
                new Creator("Putu Ayu Lestari", "Universitas Udayana", "0000-0003-0612-7741", false),
                new Creator("Michael J. Turner", "University of Exampleton; Eijkman Institute", null, false));
        assertThat(r.values(DcElement.SUBJECT)).containsExactly("Dengue", "Spatial epidemiology", "Jakarta", "Rainfall");
        assertThat(r.values(DcElement.PUBLISHER)).containsExactly("Publisher Nature Example");
        assertThat(r.values(DcElement.RIGHTS)).containsExactly("http://creativecommons.org/licenses/by/4.0/");
        assertThat(r.values(DcElement.TYPE)).containsExactly("ScholarlyArticle");
        assertThat(r.values(DcElement.SOURCE))
                .containsExactlyInAnyOrder("Journal of Tropical Epidemiology", "2364-1234", "2364-5678");
        assertThat(r.citation()).containsEntry(Citation.JOURNAL_TITLE, List.of("Journal of Tropical Epidemiology"))
                .containsEntry(Citation.VOLUME, List.of("7"))
                .containsEntry(Citation.ISSN, List.of("2364-1234", "2364-5678"))
                .containsEntry(Citation.FIRST_PAGE, List.of("101"))
                .containsEntry(Citation.LAST_PAGE, List.of("119"))
                .containsEntry(Citation.PUBLICATION_DATE, List.of("2021-03-15T00:00:00Z"))
                .containsEntry(Citation.DOI, List.of("10.1007/s41234-021-00077-2"));
    }

    @Test
    void followsReferencesThroughAGraphAndKeepsEachLanguage() {
        DcRecord r = scheme(jsonLd, "jsonld-graph-article.html");
        assertThat(r.values(DcElement.TITLE)).containsExactly("Faktor Risiko Stunting pada Balita di Kabupaten Contoh",
                "Risk Factors for Stunting in Children under Five in Contoh Regency");
        assertThat(r.languages(DcElement.TITLE)).containsExactly("id", "en");
        assertThat(r.languages(DcElement.DESCRIPTION)).containsExactly("id", "en");
        assertThat(r.values(DcElement.SUBJECT)).containsExactly("stunting", "balita", "sanitasi");
        assertThat(r.values(DcElement.TYPE)).containsExactly("MedicalScholarlyArticle");
        assertThat(r.creators()).containsExactly(
                new Creator("Siti Rahayu", "Fakultas Kedokteran, Universitas Contoh", "0000-0001-7735-2209", false),
                new Creator("Agus Salim", "Dinas Kesehatan Kabupaten Contoh", "0000-0002-3364-8081", false));
        assertThat(r.values(DcElement.PUBLISHER)).containsExactly("Fakultas Kedokteran, Universitas Contoh");
        assertThat(r.values(DcElement.RIGHTS)).containsExactly("https://creativecommons.org/licenses/by-sa/4.0/");
        assertThat(r.values(DcElement.IDENTIFIER)).containsExactly("10.22146/jkc.76543");
        assertThat(r.citation()).containsEntry(Citation.DOI, List.of("10.22146/jkc.76543"))
                .containsEntry(Citation.ISSUE, List.of("3"))
                .containsEntry(Citation.VOLUME, List.of("7"))
                .containsEntry(Citation.JOURNAL_TITLE, List.of("Jurnal Kedokteran Contoh"))
                .containsEntry(Citation.ISSN, List.of("2598-1234", "2301-4321"))
                .containsEntry(Citation.FIRST_PAGE, List.of("211"))
                .containsEntry(Citation.LAST_PAGE, List.of("219"))
                .containsEntry(Citation.PUBLICATION_DATE, List.of("2022-09-30"));
    }

    @Test
    void skipsABlockThatIsNotJsonAndReadsASloppyArrayAfterIt() {
        DcRecord r = scheme(jsonLd, "jsonld-dataset-page.html");
        assertThat(r.values(DcElement.TITLE))
                .containsExactly("Daily rainfall at 48 stations in East Nusa Tenggara, 1991-2020");
        assertThat(r.values(DcElement.TYPE)).containsExactly("Dataset");
        assertThat(r.values(DcElement.DESCRIPTION).get(0)).contains("East Nusa Tenggara, quality-controlled");
        assertThat(r.values(DcElement.LANGUAGE)).containsExactly("eng");
        assertThat(r.creators()).containsExactly(
                new Creator("Ndun, Yohanes", "Universitas Nusa Cendana", "0000-0002-6150-4416", false),
                new Creator("Wahyuni, Ratna", "Badan Meteorologi, Klimatologi, dan Geofisika", null, false));
        assertThat(r.values(DcElement.RIGHTS)).containsExactly("https://creativecommons.org/licenses/by/4.0/legalcode");
        assertThat(r.citation()).containsEntry(Citation.DOI, List.of("10.5281/zenodo.7512345"));
    }

    @Test
    void prefersTheScholarlyWorkToThePageAndTheSite() {
        DcRecord r = inline("""
                [{"@type": "WebSite", "name": "Site"}, {"@type": "CreativeWork", "name": "Generic"},
                 {"@type": "schema:Thesis", "name": "Tesis Magister", "inSupportOf": "M.Sc.",
                  "author": {"@type": "Person", "givenName": "Ani", "familyName": "Wijaya"}}]""");
        assertThat(r.values(DcElement.TITLE)).containsExactly("Tesis Magister");
        assertThat(r.values(DcElement.TYPE)).containsExactly("Thesis");
        assertThat(r.creators()).extracting(Creator::name).containsExactly("Ani Wijaya");
    }

    @Test
    void takesTheBookOfAChapterAsItsSource() {
        DcRecord r = inline("""
                {"@context": "https://schema.org", "@type": "Chapter", "name": "Bab 3: Rempah",
                 "isPartOf": {"@type": "Book", "name": "Sejarah Ekonomi Nusantara", "isbn": "978-602-0000-00-1"},
                 "pageStart": 45, "pageEnd": 80}""");
        assertThat(r.values(DcElement.SOURCE)).containsExactly("Sejarah Ekonomi Nusantara", "978-602-0000-00-1");
        assertThat(r.citation()).containsEntry(Citation.FIRST_PAGE, List.of("45"))
                .containsEntry(Citation.LAST_PAGE, List.of("80"))
                .doesNotContainKey(Citation.JOURNAL_TITLE);
    }

    @Test
    void readsNothingFromAPageThatDescribesNoWork() {
        assertThat(inline("{\"@type\": \"Organization\", \"name\": \"Publisher\"}").elements()).isEmpty();
        assertThat(scheme(jsonLd, "ojs3-article-page.html").elements()).isEmpty();
    }

    @Test
    void survivesHostileBlocks() {
        DcRecord r = scheme(jsonLd, "hostile-page.html");
        assertThat(r.values(DcElement.TITLE)).containsExactly("Hostile but readable");
        assertThat(r.creators()).extracting(Creator::name).containsExactly("Plain Name");
        // A part that is part of itself is followed a bounded number of times.
        assertThat(r.citation()).containsEntry(Citation.ISSUE, List.of("9"));
    }
}
