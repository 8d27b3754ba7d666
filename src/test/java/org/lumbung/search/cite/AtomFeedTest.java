package org.lumbung.search.cite;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lumbung.search.Facet;
import org.lumbung.search.SearchRequest;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class AtomFeedTest {

    private static final AtomFeed.Links LINKS = new AtomFeed.Links("https://portal.example/api/search/feed?q=diplomasi",
            "https://portal.example/?q=diplomasi", "https://portal.example/opensearch.xml", "diplomasi");

    private static Reference reference(String id, String title, String published, String summary,
                                       List<Reference.Author> authors) {
        return new Reference(id, "https://portal.example/record?id=" + id, title, authors, published,
                "Jurnal A", List.of(), null, null, null, null, "10.1234/ab.5", List.of("id"), summary,
                List.of("diplomasi", "Turki"), "https://journal-a.example/index.php/j/article/view/1",
                List.of("https://journal-a.example/index.php/j/article/download/1/2"),
                "https://creativecommons.org/licenses/by/4.0/", true);
    }

    @Test
    void aFeedAndEachEntryCarryWhatRfc4287Requires() throws Exception {
        String xml = AtomFeed.write("Lumbung: records matching \u201cdiplomasi\u201d", LINKS, List.of(
                new AtomFeed.Entry(reference("a%3A1", "Kebijakan luar negeri", "2021-03-15", "Abstrak.",
                        List.of(Reference.Author.of("Santoso, Budi", "0000-0002-1825-0097", null))),
                        "2026-12-04T10:00:00Z"),
                new AtomFeed.Entry(reference("a%3A2", null, "2019", null, List.of()), "2026-12-04T11:30:00.5Z")),
                Instant.parse("2026-12-05T00:00:00Z"));
        Document doc = AtomRules.check(xml);
        Element feed = doc.getDocumentElement();
        assertThat(AtomRules.text(feed, "updated")).as("the newest entry's, not the time asked")
                .isEqualTo("2026-12-04T11:30:00.500Z");
        assertThat(AtomRules.links(feed, "self").get(0).getAttribute("href")).isEqualTo(LINKS.self());
        assertThat(AtomRules.links(feed, "search").get(0).getAttribute("type"))
                .isEqualTo("application/opensearchdescription+xml");
        List<Element> entries = AtomRules.children(feed, "entry");
        assertThat(entries).hasSize(2);
        Element first = entries.get(0);
        assertThat(AtomRules.text(first, "id")).isEqualTo("https://portal.example/record?id=a%3A1");
        assertThat(AtomRules.text(first, "published")).isEqualTo("2021-03-15T00:00:00Z");
        Element author = AtomRules.children(first, "author").get(0);
        assertThat(AtomRules.text(author, "name")).isEqualTo("Budi Santoso");
        assertThat(AtomRules.text(author, "uri")).isEqualTo("https://orcid.org/0000-0002-1825-0097");
        assertThat(AtomRules.links(first, "related")).extracting(l -> l.getAttribute("href") + " "
                + l.getAttribute("type")).containsExactly(
                "https://journal-a.example/index.php/j/article/view/1 text/html",
                "https://doi.org/10.1234/ab.5 ",
                "https://journal-a.example/index.php/j/article/download/1/2 application/pdf");
        assertThat(AtomRules.children(first, "category")).extracting(c -> c.getAttribute("term"))
                .containsExactly("diplomasi", "Turki");
        assertThat(AtomRules.text(first, "rights")).isEqualTo("https://creativecommons.org/licenses/by/4.0/");
        Element second = entries.get(1);
        assertThat(AtomRules.text(second, "title")).isEqualTo("(untitled)");
        assertThat(AtomRules.children(second, "published")).as("a year alone is no date-time").isEmpty();
        assertThat(AtomRules.children(second, "author")).as("the feed's author stands for it").isEmpty();
        assertThat(AtomRules.children(second, "summary")).isEmpty();
    }

    @Test
    void anEmptyFeedIsUpdatedWhenAskedAndStillValid() throws Exception {
        Document doc = AtomRules.check(AtomFeed.write("Lumbung: all records", LINKS, List.of(),
                Instant.parse("2026-12-05T00:00:00Z")));
        assertThat(AtomRules.text(doc.getDocumentElement(), "updated")).isEqualTo("2026-12-05T00:00:00Z");
        assertThat(AtomRules.children(doc.getDocumentElement(), "entry")).isEmpty();
    }

    @Test
    void hostileTextStaysTextAndCharactersXmlCannotCarryAreLeftOut() throws Exception {
        String title = "<img src=x onerror=alert(1)>\u0001 Diplomasi & \"Turki\" \uFFFE]]>";
        String xml = AtomFeed.write(title, LINKS, List.of(new AtomFeed.Entry(reference("h", title, null,
                "</summary><script>x</script>\u0000", List.of(Reference.Author.of("<b>Mallory</b>", null, null))),
                "2026-12-04T10:00:00Z")), Instant.EPOCH);
        Document doc = AtomRules.check(xml);
        Element entry = AtomRules.children(doc.getDocumentElement(), "entry").get(0);
        assertThat(AtomRules.text(doc.getDocumentElement(), "title"))
                .isEqualTo("<img src=x onerror=alert(1)> Diplomasi & \"Turki\" ]]>");
        assertThat(AtomRules.text(entry, "summary")).isEqualTo("</summary><script>x</script>");
        assertThat(AtomRules.children(entry, "summary").get(0).getChildNodes().getLength()).as("text only")
                .isEqualTo(1);
        assertThat(AtomRules.text(AtomRules.children(entry, "author").get(0), "name")).isEqualTo("<b>Mallory</b>");
    }

    @Test
    void aLongAbstractIsCutAtAWord() {
        String word = "diplomasi ";
        String text = word.repeat(150).strip();
        String cut = AtomFeed.shortened(text);
        assertThat(cut).endsWith("diplomasi\u2026").hasSizeLessThanOrEqualTo(AtomFeed.SUMMARY_LENGTH);
        assertThat(AtomFeed.shortened("pendek")).isEqualTo("pendek");
        String emoji = "\uD83D\uDE00".repeat(600);
        assertThat(AtomFeed.shortened(emoji)).as("never half a surrogate pair")
                .matches("(\uD83D\uDE00)+\u2026");
    }

    @Test
    void theQueryStringAsksForTheSameSearchAgain() {
        assertThat(SearchRequest.parse("").queryString()).isEmpty();
        SearchRequest request = new SearchRequest("kebijakan luar negeri", 3, 20, SearchRequest.Sort.TITLE,
                Map.of(Facet.LANGUAGE, List.of("ind"), Facet.SOURCE, List.of("journal a&b")), null, 2019, null,
                true, true);
        String query = request.queryString();
        assertThat(query).isEqualTo(
                "?q=kebijakan+luar+negeri&source=journal+a%26b&language=ind&year_from=2019&open=true&group=works"
                        + "&size=20");
        SearchRequest again = SearchRequest.parse(query.substring(1));
        assertThat(again).as("the same search, from its first result in the default order")
                .isEqualTo(new SearchRequest(request.query(), 1, 20, SearchRequest.Sort.RELEVANCE, request.filters(),
                        null, 2019, null, true, true));
        assertThat(request.ordered(SearchRequest.Sort.ADDED).works()).as("a feed lists records").isFalse();
    }
}
