package org.lumbung.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lumbung.testing.Cli;
import org.lumbung.testing.LumbungServer;
import org.lumbung.testing.TestElasticsearch;

/**
 * The seed article from three places (its journal's OAI-PMH record with the DOI, its landing page, and a copy in a
 * university repository without the DOI) is one work with three versions, whichever arrives first; the API counts
 * records by default and works with group=works, totals and facets alike; the record page lists the versions; a
 * reindex keeps the grouping; a cursor pages through works, each once.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
class WorksIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SEED = "seeds/000_ffdeb9f15db1918e.txt";
    private static final String SEED_URL = "https://ejournal3.undip.ac.id/index.php/jihi/article/view/34353/0";
    private static final String OAI = "src/test/resources/fixtures/oai/ojs-jihi-34353.xml";
    private static final String COPY = "src/test/resources/fixtures/oai/dspace-copy-jihi-34353.xml";
    private static final String OTHERS = "src/test/resources/fixtures/oai/ojs-listrecords-page1.xml";
    private static final String JOURNAL_ID = "ejournal3-undip-ac-id-jihi:oai:ojs.pkp.sfu.ca:article/34353";
    private static final String COPY_ID = "repo-undip:oai:repository.example.ac.id:123456789/88120";
    private static final String WORK = "doi:10.14710/jihi.2022.34353";

    @Test
    void theSeedArticleFromThreePlacesIsOneWorkWithThreeVersions() throws Exception {
        String prefix = TestElasticsearch.freshPrefix(WorksIT.class) + "-doi-first";
        try (LumbungServer server = LumbungServer.start(prefix)) {
            ingest(prefix, OAI);
            ingest(prefix, SEED, "--url", SEED_URL, "--source", "undip-jihi-pages");
            ingest(prefix, COPY, "--source", "repo-undip");

            // Two documents: the page joined its journal's record (shared DOI and address); the copy stays apart.
            Map<String, Map> docs = TestElasticsearch.documents(prefix + "-records");
            assertThat(docs).containsOnlyKeys(JOURNAL_ID, COPY_ID);
            assertThat(work(docs.get(JOURNAL_ID))).isEqualTo(WORK);
            assertThat(work(docs.get(COPY_ID))).isEqualTo(WORK);

            JsonNode records = search(server, "q=Karabakh");
            assertThat(records.get("total").asLong()).isEqualTo(2);
            assertThat(ids(records)).containsExactlyInAnyOrder(JOURNAL_ID, COPY_ID);
            assertThat(records.get("hits").get(0).has("versions")).isFalse();
            assertThat(facet(records, "source")).containsExactlyInAnyOrderEntriesOf(
                    Map.of("ejournal3-undip-ac-id-jihi", 1L, "repo-undip", 1L));

            JsonNode works = search(server, "q=Karabakh&group=works");
            assertThat(works.get("total").asLong()).isEqualTo(1);
            assertThat(works.get("hits")).hasSize(1);
            assertThat(works.get("hits").get(0).get("versions").asInt()).isEqualTo(3);
            // Each source's facet value counts the works among its records: one each, though the works are one.
            assertThat(facet(works, "source")).containsExactlyInAnyOrderEntriesOf(
                    Map.of("ejournal3-undip-ac-id-jihi", 1L, "repo-undip", 1L));
            assertThat(facet(works, "year")).containsExactlyInAnyOrderEntriesOf(Map.of("2022", 1L));
            // Filters count works too: the repository's copy alone is the work once; a year none has, nothing.
            JsonNode inRepository = search(server, "q=Karabakh&group=works&source=repo-undip");
            assertThat(inRepository.get("total").asLong()).isEqualTo(1);
            assertThat(ids(inRepository)).containsExactly(COPY_ID);
            assertThat(search(server, "q=Karabakh&group=works&year=2021").get("total").asLong()).isZero();
            assertThat(facet(records, "year")).containsExactlyInAnyOrderEntriesOf(Map.of("2022", 2L));

            // The record page of either document lists the work's three versions, its own first.
            for (String id : List.of(COPY_ID, JOURNAL_ID)) {
                JsonNode view = get(server, "/api/record?id=" + URLEncoder.encode(id, StandardCharsets.UTF_8));
                List<String> versions = new ArrayList<>();
                view.get("versions").forEach(v -> versions.add(v.get("source").asText() + " in " + v.get("record")
                        .asText()));
                assertThat(versions).hasSize(3).containsExactlyInAnyOrder(
                        "ejournal3-undip-ac-id-jihi in " + JOURNAL_ID, "undip-jihi-pages in " + JOURNAL_ID,
                        "repo-undip in " + COPY_ID);
                assertThat(view.get("versions").get(0).get("record").asText()).isEqualTo(id);
            }
        }
    }

    @Test
    void aCopyIndexedBeforeItsDoiMovesIntoTheDoisWorkWhenTheDoiArrives() throws Exception {
        String prefix = TestElasticsearch.freshPrefix(WorksIT.class) + "-copy-first";
        try (LumbungServer server = LumbungServer.start(prefix)) {
            ingest(prefix, COPY, "--source", "repo-undip");
            Map<String, Map> docs = TestElasticsearch.documents(prefix + "-records");
            assertThat(work(docs.get(COPY_ID))).isEqualTo("title:kebijakan luar negeri turki|wiku|2022");

            ingest(prefix, OAI);
            TestElasticsearch.client().indices().refresh(r -> r.index(prefix + "-records"));
            docs = TestElasticsearch.documents(prefix + "-records");
            assertThat(work(docs.get(COPY_ID))).isEqualTo(WORK);
            assertThat(work(docs.get(JOURNAL_ID))).isEqualTo(WORK);
            // Moved, not merged: the copy keeps its values and its contribution.
            assertThat(((Map) docs.get(COPY_ID).get("derived")).get("doi")).isNull();
            assertThat((List) docs.get(COPY_ID).get("provenance")).hasSize(1);

            JsonNode works = search(server, "q=Karabakh&group=works");
            assertThat(works.get("total").asLong()).isEqualTo(1);
            assertThat(works.get("hits").get(0).get("versions").asInt()).isEqualTo(2);

            // reindex rebuilds each document with its own work (the copy's title key), then regroups the copy.
            Cli.Result reindex = Cli.onTestEs(prefix, "reindex");
            assertThat(reindex.status()).as(reindex.out()).isZero();
            docs = TestElasticsearch.documents(prefix + "-records");
            assertThat(docs).containsOnlyKeys(JOURNAL_ID, COPY_ID);
            assertThat(work(docs.get(COPY_ID))).isEqualTo(WORK);
            assertThat(((Map) docs.get(COPY_ID).get("work")).get("title"))
                    .isEqualTo("kebijakan luar negeri turki|wiku|2022");
        }
    }

    @Test
    void aCursorPagesThroughWorksEachOnce() throws Exception {
        String prefix = TestElasticsearch.freshPrefix(WorksIT.class) + "-cursor";
        try (LumbungServer server = LumbungServer.start(prefix)) {
            ingest(prefix, OAI);
            ingest(prefix, COPY, "--source", "repo-undip");
            ingest(prefix, OTHERS);
            JsonNode first = search(server, "q=*&group=works&size=100");
            long works = first.get("total").asLong();
            long records = search(server, "q=*&size=100").get("total").asLong();
            assertThat(works).isEqualTo(records - 1).isGreaterThanOrEqualTo(3);

            Map<String, Integer> seen = new LinkedHashMap<>();
            String cursor = "*";
            int pages = 0;
            while (cursor != null) {
                JsonNode page = search(server, "q=*&group=works&size=2&cursor="
                        + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
                page.get("hits").forEach(h -> seen.merge(h.get("id").asText(), 1, Integer::sum));
                cursor = page.get("next_cursor").isNull() ? null : page.get("next_cursor").asText();
                assertThat(++pages).isLessThan(20);
            }
            assertThat(seen).hasSize((int) works);
            assertThat(seen.values()).containsOnly(1);
            // One of the seed article's two documents stands for its work, not both.
            assertThat(seen.keySet().stream().filter(id -> id.equals(JOURNAL_ID) || id.equals(COPY_ID))).hasSize(1);
        }
    }

    private static String work(Map doc) {
        return (String) ((Map) doc.get("work")).get("key");
    }

    private static void ingest(String prefix, String... args) {
        List<String> all = new ArrayList<>(List.of("ingest"));
        all.addAll(List.of(args));
        Cli.Result result = Cli.onTestEs(prefix, all.toArray(String[]::new));
        assertThat(result.status()).as(result.out()).isZero();
    }

    private static JsonNode search(LumbungServer server, String query) throws Exception {
        return get(server, "/api/search?" + query);
    }

    private static JsonNode get(LumbungServer server, String path) throws Exception {
        HttpResponse<String> response = server.get(path);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static List<String> ids(JsonNode result) {
        List<String> ids = new ArrayList<>();
        result.get("hits").forEach(h -> ids.add(h.get("id").asText()));
        return ids;
    }

    private static Map<String, Long> facet(JsonNode result, String name) {
        Map<String, Long> counts = new LinkedHashMap<>();
        result.get("facets").get(name).forEach(v -> counts.put(v.get("value").asText(), v.get("count").asLong()));
        return counts;
    }
}
