package org.lumbung.search.cite;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** The page head: the citation_* tags and the JSON-LD, read back from the HTML as a reference manager reads it. */
class RecordHeadTest {

    private static final String TEMPLATE = "<!doctype html><html><head><meta charset=\"utf-8\"><title>x</title></head>"
            + "<body><script src=\"/assets/lumbung.js\"></script></body></html>";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Document served(Reference r) {
        Document page = Jsoup.parse(TEMPLATE);
        RecordHead.write(r, page);
        return Jsoup.parse(page.outerHtml());
    }

    private static java.util.List<String> meta(Document page, String name) {
        return page.select("meta[name=" + name + "]").eachAttr("content");
    }

    @Test
    void writesTheGoogleScholarSetWithEachAuthorsInstitutionAndOrcidAfterTheAuthor() {
        Document page = served(Examples.full());
        assertThat(meta(page, "citation_title")).containsExactly(Examples.full().title());
        assertThat(page.select("meta[name^=citation_author]").eachAttr("content")).containsExactly(
                "Wiku, Falentinoris Yubilio", "Universitas Diponegoro, Semarang",
                "https://orcid.org/0000-0002-1825-0097",
                "Putranti, Ika Riswanti", "Soekarno");
        assertThat(meta(page, "citation_publication_date")).containsExactly("2021/03/15");
        assertThat(meta(page, "citation_journal_title")).containsExactly("Journal of International Relations");
        assertThat(meta(page, "citation_issn")).containsExactly("2797-2747");
        assertThat(meta(page, "citation_volume")).containsExactly("7");
        assertThat(meta(page, "citation_issue")).containsExactly("2");
        assertThat(meta(page, "citation_firstpage")).containsExactly("101");
        assertThat(meta(page, "citation_lastpage")).containsExactly("120");
        assertThat(meta(page, "citation_doi")).containsExactly("10.14710/jihi.2021.34353");
        assertThat(meta(page, "citation_language")).containsExactly("id");
        assertThat(meta(page, "citation_keywords")).containsExactly("Foreign Policy", "Turki");
        assertThat(meta(page, "citation_abstract_html_url"))
                .containsExactly("https://ejournal3.undip.ac.id/index.php/jihi/article/view/34353");
        assertThat(meta(page, "citation_pdf_url"))
                .containsExactly("https://ejournal3.undip.ac.id/index.php/jihi/article/download/34353/1");
        assertThat(page.title()).isEqualTo(Examples.full().title() + " · Lumbung");
    }

    @Test
    void describesAScholarlyArticleInJsonLd() throws Exception {
        JsonNode ld = JSON.readTree(served(Examples.full()).selectFirst("script[type=application/ld+json]").data());
        assertThat(ld.get("@type").asText()).isEqualTo("ScholarlyArticle");
        assertThat(ld.get("author").get(0).toString()).isEqualTo("{\"@type\":\"Person\",\"name\":\"Falentinoris"
                + " Yubilio Wiku\",\"identifier\":\"https://orcid.org/0000-0002-1825-0097\",\"affiliation\":"
                + "{\"@type\":\"Organization\",\"name\":\"Universitas Diponegoro, Semarang\"}}");
        assertThat(ld.get("isPartOf").toString()).isEqualTo("{\"@type\":\"PublicationIssue\",\"issueNumber\":\"2\","
                + "\"isPartOf\":{\"@type\":\"PublicationVolume\",\"volumeNumber\":\"7\",\"isPartOf\":{\"@type\":"
                + "\"Periodical\",\"name\":\"Journal of International Relations\",\"issn\":[\"2797-2747\"]}}}");
        assertThat(ld.get("datePublished").asText()).isEqualTo("2021-03-15");
        assertThat(ld.get("identifier").asText()).isEqualTo("https://doi.org/10.14710/jihi.2021.34353");
        assertThat(ld.get("inLanguage").asText()).isEqualTo("id");
        assertThat(ld.get("license").asText()).isEqualTo("https://creativecommons.org/licenses/by/4.0/");
        assertThat(ld.get("url").asText()).isEqualTo(Examples.PAGE);
        assertThat(ld.get("sameAs").toString()).isEqualTo("[\"https://doi.org/10.14710/jihi.2021.34353\","
                + "\"https://ejournal3.undip.ac.id/index.php/jihi/article/view/34353\"]");
    }

    @Test
    void aHostileTitleStaysAnAttributeValueAndCannotEndTheJsonLdScript() throws Exception {
        Reference hostile = Examples.hostile();
        Document page = served(hostile);
        assertThat(meta(page, "citation_title")).containsExactly(hostile.title());
        assertThat(meta(page, "citation_author_institution")).containsExactly("<b>Lab</b> & Co");
        assertThat(page.select("script")).as("the page's own script and the JSON-LD, nothing injected")
                .extracting(e -> e.attr("type") + e.attr("src"))
                .containsExactlyInAnyOrder("application/ld+json", "/assets/lumbung.js");
        assertThat(page.select("b")).isEmpty();
        String data = page.selectFirst("script[type=application/ld+json]").data();
        assertThat(data).doesNotContain("<", ">", "&", "\u2028", "\u2029")
                .contains("\\u003C/script\\u003E");
        assertThat(JSON.readTree(data).get("name").asText()).isEqualTo(hostile.title());
        assertThat(meta(page, "citation_publication_date")).containsExactly("2020");
        assertThat(page.select("meta[name=citation_pdf_url], meta[name=citation_journal_title]")).hasSize(1);
    }

    @Test
    void aBareRecordGetsItsTitleAndPageOnly() {
        Document page = served(Examples.bare());
        assertThat(page.select("meta[name^=citation_]")).extracting(Element::outerHtml).containsExactly(
                "<meta name=\"citation_title\" content=\"Hanya judul\">",
                "<meta name=\"citation_abstract_html_url\" content=\"" + Examples.PAGE + "\">");
    }
}
