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
import org.lumbung.testing.ReaderRecords;
import org.lumbung.testing.SeedPage;
import org.lumbung.testing.TestElasticsearch;

/**
 * The search API as the reader's page uses it: hits that say who, where, when, in which language, whether open and
 * under which licence, with links to the article and its full text; highlights that mark what stemming and folding
 * matched; the author facet, subjects as written, a year range and open access only. The known records, the seed
 * article and a record with every field are indexed.
 */
class ReaderSearchIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SEED = SeedPage.URL;
    private static LumbungServer server;

    @BeforeAll
    static void start() throws Exception {
        String prefix = TestElasticsearch.freshPrefix(ReaderSearchIT.class);
        server = LumbungServer.start(prefix);
        ReaderRecords.index(prefix, server);
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

    private static String q(String text) {
        return "q=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static List<String> ids(JsonNode result) {
        List<String> ids = new ArrayList<>();
        result.get("hits").forEach(h -> ids.add(h.get("id").asText()));
        return ids;
    }

    private static JsonNode hit(JsonNode result, String id) {
        for (JsonNode hit : result.get("hits")) {
            if (hit.get("id").asText().equals(id)) {
                return hit;
            }
        }
        throw new AssertionError("no hit " + id + " in " + ids(result));
    }

    /** The marked words of an element's passages. */
    private static List<String> marks(JsonNode hit, String element) {
        List<String> out = new ArrayList<>();
        hit.path("highlights").path(element).forEach(f -> f.forEach(s -> {
            if (s.get("match").asBoolean()) {
                out.add(s.get("text").asText());
            }
        }));
        return out;
    }

    @Test
    void findsTheSeedArticleInIndonesianOrEnglishAndSaysWhoWhereWhichLanguageAndAccess() throws Exception {
        JsonNode indonesian = search(q("kebijakan luar negeri"));
        assertThat(ids(indonesian).subList(0, 2)).as("the two titles with all three words")
                .containsExactlyInAnyOrder(SEED, "journal-a:oai:journal-a:1");
        JsonNode english = search(q("foreign policy"));
        assertThat(ids(english)).as("its English abstract and keywords").contains(SEED);
        JsonNode seed = hit(english, SEED);
        assertThat(seed.get("titles").toString()).isEqualTo("[{\"value\":\"" + ReaderRecords.SEED_TITLE
                + "\",\"lang\":\"id\",\"langName\":\"Indonesian / Bahasa Indonesia\"}]");
        assertThat(seed.get("abstracts").get(0).get("lang").asText()).isEqualTo("en");
        assertThat(seed.get("abstracts").get(0).get("langName").asText()).isEqualTo("English / Inggris");
        assertThat(seed.get("abstracts").get(0).get("value").asText()).hasSizeLessThanOrEqualTo(302)
                .startsWith("The Nagorno-Karabakh conflict").endsWith(" …");
        assertThat(seed.get("authors").findValuesAsText("name"))
                .containsExactly("Wiku, Falentinoris Yubilio", "Putranti, Ika Riswanti", "Hanura, Marten");
        assertThat(seed.get("authors").findValuesAsText("affiliation")).hasSize(3)
                .containsOnly("Department of International Relations, Indonesia");
        assertThat(seed.get("sourceName").asText())
                .isEqualTo("Journal of International Relations, Universitas Diponegoro (article pages)");
        assertThat(seed.get("languageNames").toString()).isEqualTo("[\"Indonesian / Bahasa Indonesia\"]");
        assertThat(seed.get("landing").asText()).isEqualTo(SEED);
        // The saved page states no access rights, licence, date or full-text address: none is made up.
        assertThat(seed.get("openAccess").asBoolean()).isFalse();
        assertThat(seed.has("access") || seed.has("licence") || seed.has("fullText") || seed.has("year")).isFalse();
        assertThat(marks(seed, "description")).as("stemmed: policy marks Policy and policy")
                .contains("Policy", "policy");
    }

    @Test
    void marksWhatStemmingAndFoldingMatchedNotOnlyTheWordAsTyped() throws Exception {
        JsonNode stemmed = search(q("sepakat"));
        assertThat(ids(stemmed)).containsExactly(SEED);
        assertThat(marks(hit(stemmed, SEED), "title")).containsExactly("Kesepakatan");
        JsonNode folded = search(q("erdogan"));
        assertThat(ids(folded)).contains(SEED, "journal-a:oai:journal-a:1");
        assertThat(marks(hit(folded, "journal-a:oai:journal-a:1"), "description")).containsExactly("Erdoğan");
        assertThat(marks(hit(folded, SEED), "subject")).containsExactly("Erdoğan");
        JsonNode name = search(q("wibowo"));
        assertThat(marks(hit(name, "repo-b:oai:repo-b:11"), "creator")).containsExactly("Wibowo");
    }

    @Test
    void showsEverythingARecordStatesOnItsHit() throws Exception {
        JsonNode full = hit(search(q("perjanjian dagang")), ReaderRecords.FULL_ID);
        assertThat(full.get("titles").findValuesAsText("lang")).containsExactly("id", "en");
        assertThat(full.get("abstracts").findValuesAsText("langName"))
                .containsExactly("Indonesian / Bahasa Indonesia", "English / Inggris");
        assertThat(full.get("authors").get(0).toString()).isEqualTo("{\"name\":\"Lestari, Dewi\","
                + "\"affiliation\":\"Universitas Gadjah Mada\",\"orcid\":\"0000-0002-1825-0097\"}");
        assertThat(full.get("year").asInt()).isEqualTo(2023);
        assertThat(full.get("journal").asText()).isEqualTo("Jurnal Ekonomi C");
        assertThat(full.get("type").asText()).isEqualTo("journal article");
        assertThat(full.get("openAccess").asBoolean()).isTrue();
        assertThat(full.get("licence").toString())
                .isEqualTo("{\"label\":\"CC BY 4.0\",\"uri\":\"https://creativecommons.org/licenses/by/4.0/\"}");
        assertThat(full.get("landing").asText()).isEqualTo("https://journal-c.example/index.php/jc/article/view/7");
        assertThat(full.get("fullText").asText()).isEqualTo(ReaderRecords.FULL_GALLEY);
        JsonNode english = hit(search(q("tariff")), ReaderRecords.FULL_ID);
        assertThat(marks(english, "title")).as("its English title found it, and is the one marked")
                .containsExactly("tariff");
    }

    @Test
    void facetsAuthorsAndSubjectsAsWrittenAndNarrowsByYearsAndOpenAccess() throws Exception {
        JsonNode all = search("q=*");
        assertThat(all.get("facets").get("author").findValuesAsText("label")).contains("Wibowo, Sri",
                "Wiku, Falentinoris Yubilio", "Lestari, Dewi");
        assertThat(all.get("facets").get("author").get(0).get("count").asInt()).as("Wibowo wrote two").isEqualTo(2);
        JsonNode subjects = search(q("foreign policy")).get("facets").get("subject");
        List<String> pairs = new ArrayList<>();
        subjects.forEach(s -> pairs.add(s.get("value").asText() + "=" + s.get("label").asText()));
        assertThat(pairs).contains("foreign policy=Foreign Policy",
                "president recep tayyip erdogan=President Recep Tayyip Erdoğan");
        assertThat(ids(search("q=*&author=" + URLEncoder.encode("Wibowo, Sri", StandardCharsets.UTF_8))))
                .containsExactlyInAnyOrder("repo-b:oai:repo-b:10", "repo-b:oai:repo-b:11");
        assertThat(ids(search("q=*&year_from=2020&year_to=2021&size=20"))).containsExactlyInAnyOrder(
                "journal-a:oai:journal-a:1", "repo-b:oai:repo-b:10", "repo-b:oai:repo-b:11");
        assertThat(ids(search("q=*&year_from=2022&size=20"))).containsExactly(ReaderRecords.FULL_ID);
        assertThat(ids(search("q=*&open=true&size=20"))).containsExactlyInAnyOrder("journal-a:oai:journal-a:1",
                "journal-a:oai:journal-a:2", ReaderRecords.FULL_ID);
        JsonNode both = search("q=diplomasi&open=true&year_to=2020");
        assertThat(ids(both)).containsExactly("journal-a:oai:journal-a:2");
        assertThat(both.get("facets").get("access").findValuesAsText("value")).containsExactly("open access");
        HttpResponse<String> backwards = server.get("/api/search?year_from=2022&year_to=2020");
        assertThat(backwards.statusCode()).isEqualTo(400);
        assertThat(backwards.body()).contains("year_from 2022 is after year_to 2020");
        assertThat(server.get("/api/search?open=maybe").statusCode()).isEqualTo(400);
    }

    @Test
    void theRecordApiCarriesTheReadersSummaryWithTheAbstractWhole() throws Exception {
        JsonNode view = JSON.readTree(server.get("/api/record?id="
                + URLEncoder.encode(SEED, StandardCharsets.UTF_8)).body());
        JsonNode summary = view.get("summary");
        assertThat(summary.get("titles").get(0).get("langName").asText()).isEqualTo("Indonesian / Bahasa Indonesia");
        assertThat(summary.get("abstracts").get(0).get("value").asText()).endsWith("after the Nagorno-Karabakh conflict.");
        assertThat(JSON.readTree(server.get("/api/record?id=" + URLEncoder.encode(KnownRecords.HOSTILE_ID,
                StandardCharsets.UTF_8)).body()).get("summary").get("title").asText())
                .isEqualTo(KnownRecords.HOSTILE_TITLE);
    }
}
