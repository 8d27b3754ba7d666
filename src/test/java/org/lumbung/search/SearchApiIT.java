package org.lumbung.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lumbung.testing.KnownRecords;
import org.lumbung.testing.LumbungServer;
import org.lumbung.testing.TestElasticsearch;

/** The search API and the page's files, over HTTP, against a real Elasticsearch holding known records. */
class SearchApiIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static LumbungServer server;

    @BeforeAll
    static void start() throws Exception {
        String prefix = TestElasticsearch.freshPrefix(SearchApiIT.class);
        server = LumbungServer.start(prefix);
        KnownRecords.index(prefix + "-records");
        KnownRecords.sources().forEach(server::define);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static JsonNode search(String query) throws Exception {
        HttpResponse<String> response = server.get("/api/search?" + query);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static List<String> ids(JsonNode result) {
        List<String> ids = new ArrayList<>();
        result.get("hits").forEach(h -> ids.add(h.get("id").asText()));
        return ids;
    }

    private static final String A1 = "journal-a:oai:journal-a:1";
    private static final String A2 = "journal-a:oai:journal-a:2";
    private static final String B2 = "repo-b:oai:repo-b:11";

    @Test
    void countsEveryFacetOverTheHitsAndOrdersYearsNewestFirst() throws Exception {
        JsonNode result = search("q=diplomasi");
        assertThat(result.get("total").asLong()).isEqualTo(4);
        JsonNode facets = result.get("facets");
        assertThat(facets.get("source").toString()).isEqualTo(
                "[{\"value\":\"journal-a\",\"label\":\"Jurnal Hubungan Internasional A\",\"count\":2,\"selected\":false},"
                        + "{\"value\":\"repo-b\",\"label\":\"Repositori Universitas B\",\"count\":2,"
                        + "\"selected\":false}]");
        assertThat(values(facets.get("year"))).containsExactly("2021:1", "2020:1", "2019:1");
        assertThat(values(facets.get("type"))).containsExactly("journal article:3");
        assertThat(values(facets.get("language"))).containsExactly("ind:2", "eng:1");
        assertThat(labels(facets.get("language"))).containsExactly("Indonesian / Bahasa Indonesia", "English / Inggris");
        assertThat(labels(facets.get("subject"))).as("subjects as the facet keeps them: folded")
                .containsExactly("diplomasi", "<i>diplomasi</i>");
        assertThat(values(facets.get("subject"))).containsExactly("diplomasi:3", "<i>diplomasi</i>:1");
        assertThat(values(facets.get("access"))).containsExactly("open access:2");
    }

    @Test
    void filtersOnFacetValuesAndStillCountTheOtherValuesOfTheChosenFacet() throws Exception {
        JsonNode bySource = search("q=diplomasi&source=repo-b");
        assertThat(ids(bySource)).containsExactlyInAnyOrder(B2, KnownRecords.HOSTILE_ID);
        assertThat(bySource.get("facets").get("source").toString()).contains(
                "{\"value\":\"journal-a\",\"label\":\"Jurnal Hubungan Internasional A\",\"count\":2,\"selected\":false}",
                "{\"value\":\"repo-b\",\"label\":\"Repositori Universitas B\",\"count\":2,\"selected\":true}");
        assertThat(values(bySource.get("facets").get("type"))).containsExactly("journal article:1");

        assertThat(ids(search("q=diplomasi&year=2021&year=2019"))).containsExactlyInAnyOrder(A1, A2);
        assertThat(ids(search("year=2021&access=open+access"))).containsExactly(A1);
        JsonNode nothing = search("q=diplomasi&source=repo-b&year=2021");
        assertThat(nothing.get("total").asLong()).isZero();
        assertThat(nothing.get("facets").get("source").toString()).as("a chosen value stays, named, to be removed")
                .contains("{\"value\":\"repo-b\",\"label\":\"Repositori Universitas B\",\"count\":0,\"selected\":true}");
        assertThat(ids(search("type=bachelor+thesis"))).containsExactly("repo-b:oai:repo-b:10");
    }

    @Test
    void highlightsMatchesAsSegmentsOfPlainTextNeverAsMarkup() throws Exception {
        JsonNode hits = search("q=diplomasi&source=repo-b").get("hits");
        JsonNode b2 = hit(hits, B2);
        assertThat(b2.get("highlights").get("title").toString()).isEqualTo(
                "[[{\"text\":\"Diplomasi\",\"match\":true},{\"text\":\" maritim Indonesia\",\"match\":false}]]");
        JsonNode hostile = hit(hits, KnownRecords.HOSTILE_ID);
        assertThat(hostile.get("highlights").get("title").get(0).get(0).get("text").asText())
                .as("markup in a value stays text in a segment, not a tag Lumbung made")
                .startsWith("<img src=x onerror=");
        assertThat(hostile.get("highlights").get("title").get(0).get(1).toString())
                .isEqualTo("{\"text\":\"Diplomasi\",\"match\":true}");
        JsonNode a1 = hit(search("q=diplomasi&source=journal-a").get("hits"), A1);
        assertThat(a1.get("highlights").get("description").get(0).toString()).isEqualTo(
                "[{\"text\":\"Hubungan dengan Presiden Recep Tayyip Erdoğan dan \",\"match\":false},"
                        + "{\"text\":\"diplomasi\",\"match\":true},"
                        + "{\"text\":\" ekonomi kedua negara.\",\"match\":false}]");
    }

    @Test
    void sortsByRelevanceNewestAndTitleAndPages() throws Exception {
        assertThat(ids(search("q=diplomasi&sort=newest"))).containsExactly(A1, B2, A2, KnownRecords.HOSTILE_ID);
        assertThat(ids(search("q=diplomasi&sort=title"))).containsExactly(KnownRecords.HOSTILE_ID, A2, B2, A1);
        JsonNode second = search("q=diplomasi&sort=newest&size=2&page=2");
        assertThat(ids(second)).containsExactly(A2, KnownRecords.HOSTILE_ID);
        assertThat(second.get("total").asLong()).isEqualTo(4);
        assertThat(second.get("page").asInt()).isEqualTo(2);
        assertThat(ids(search("q=erdogan"))).as("accents folded").containsExactly(A1);
    }

    @Test
    void refusesWhatMakesNoSenseAsTheClientsError() throws Exception {
        assertThat(server.get("/api/search?q=x&size=abc").statusCode()).isEqualTo(400);
        assertThat(server.get("/api/search?q=x&size=1000").statusCode()).isEqualTo(400);
        HttpResponse<String> deep = server.get("/api/search?q=x&size=100&page=101");
        assertThat(deep.statusCode()).isEqualTo(400);
        assertThat(deep.body()).contains("only the first 10000 hits");
        assertThat(server.get("/api/search?sort=oldest").statusCode()).isEqualTo(400);
        assertThat(server.get("/api/search?year=twenty").statusCode()).isEqualTo(400);
    }

    @Test
    void answersAPagePastTheLastWithANoticeAndABadQueryWithWhatIsWrong() throws Exception {
        JsonNode past = search("q=diplomasi&size=2&page=26");
        assertThat(past.get("hits")).isEmpty();
        assertThat(past.get("total").asLong()).isEqualTo(4);
        assertThat(past.get("pages").asInt()).isEqualTo(2);
        assertThat(past.get("notice").asText()).isEqualTo("Page 26 is past the last page (2)");
        assertThat(search("q=diplomasi&size=2&page=2").get("notice").isNull()).isTrue();

        HttpResponse<String> bad = server.get("/api/search?q=" + URLEncoder.encode("a AND (b", StandardCharsets.UTF_8));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(bad.body()).get("error").asText()).isEqualTo(
                "The query cannot be read: unbalanced parenthesis: the '(' at character 7 is never closed.");
    }

    @Test
    void showsAWholeRecordWithItsOaiIdentifierAndTheOriginal() throws Exception {
        HttpResponse<String> response = server.get("/api/record?id=" + URLEncoder.encode(A1, StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode view = JSON.readTree(response.body());
        assertThat(view.get("oaiIdentifier").asText()).isEqualTo("oai:lumbung:journal-a:oai:journal-a:1");
        assertThat(view.get("original").asText()).isEqualTo("https://journal-a.example/index.php/j/article/view/1");
        JsonNode record = view.get("record");
        assertThat(record.get("dc").get("title").get(0).asText()).isEqualTo("Kebijakan luar negeri Indonesia terhadap Turki");
        assertThat(record.get("derived").get("accessRights").get("label").asText()).isEqualTo("open access");
        assertThat(record.get("provenance").get(0).get("oaiIdentifier").asText()).isEqualTo("oai:journal-a:1");
        assertThat(record.has("search")).as("the search fields are not part of the record").isFalse();

        JsonNode hostile = JSON.readTree(server.get("/api/record?id="
                + URLEncoder.encode(KnownRecords.HOSTILE_ID, StandardCharsets.UTF_8)).body());
        assertThat(hostile.get("original").isNull()).as("a javascript: address is never offered as a link").isTrue();

        HttpResponse<String> missing = server.get("/api/record?id=nothing-here");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).isEqualTo("{\"error\":\"no record with id nothing-here\"}");
    }

    @Test
    void servesThePageFromTheJarWithAPolicyThatForbidsForeignAndInlineScript() throws Exception {
        HttpResponse<String> page = server.get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=UTF-8");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValue(WebAssets.CONTENT_SECURITY_POLICY);
        assertThat(page.body()).contains("<script src=\"/assets/lumbung.js\"></script>").doesNotContain("http://",
                "https://");
        HttpResponse<String> script = server.get("/assets/lumbung.js");
        assertThat(script.headers().firstValue("Content-Type")).hasValue("text/javascript; charset=UTF-8");
        assertThat(script.body()).contains("textContent").doesNotContain("innerHTML =", "insertAdjacentHTML", "eval(");
        assertThat(server.get("/record?id=x").body()).contains("data-page=\"record\"");
        assertThat(server.get("/assets/application.properties").statusCode()).isEqualTo(404);
        HttpResponse<String> traversal = server.get("/assets/..%2Fapplication.properties");
        assertThat(traversal.statusCode()).as(traversal.body()).isEqualTo(404);
    }

    private static JsonNode hit(JsonNode hits, String id) {
        for (JsonNode hit : hits) {
            if (hit.get("id").asText().equals(id)) {
                return hit;
            }
        }
        throw new AssertionError("no hit " + id + " in " + hits);
    }

    private static List<String> labels(JsonNode facet) {
        List<String> out = new ArrayList<>();
        facet.forEach(v -> out.add(v.get("label").asText()));
        return out;
    }

    private static List<String> values(JsonNode facet) {
        List<String> out = new ArrayList<>();
        facet.forEach(v -> out.add(v.get("value").asText() + ":" + v.get("count").asLong()));
        return out;
    }
}
