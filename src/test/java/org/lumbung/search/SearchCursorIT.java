package org.lumbung.search;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.core.BulkRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lumbung.testing.LumbungServer;
import org.lumbung.testing.TestElasticsearch;

/**
 * The search API pages past Elasticsearch's 10,000-hit window with a cursor: 10,050 records (and 25 tombstones it
 * must never show), a hundred a page, every id exactly once although every score ties; grouped, their 10,030 works
 * (20 of them two records each), every work once; a cursor is refused with
 * another search, tampered with, or mixed with page; a finished cursor is gone.
 */
class SearchCursorIT {

    private static final int RECORDS = 10_050;
    private static final int TOMBSTONES = 25;
    private static final int PAIRED = 40;
    private static final int WORKS = RECORDS - PAIRED / 2;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static LumbungServer server;

    @BeforeAll
    static void start() throws Exception {
        String prefix = TestElasticsearch.freshPrefix(SearchCursorIT.class);
        server = LumbungServer.start(prefix);
        Instant now = Instant.now();
        for (int start = 0; start < RECORDS + TOMBSTONES; start += 5_000) {
            BulkRequest.Builder bulk = new BulkRequest.Builder();
            for (int i = start; i < Math.min(RECORDS + TOMBSTONES, start + 5_000); i++) {
                boolean deleted = i >= RECORDS;
                // The first PAIRED records are copies two by two of one work each; every other record is a work.
                String work = "title:catatan " + (i < PAIRED ? i / 2 : i);
                Map<String, Object> doc = Map.of("dc", Map.of("title", List.of("Catatan " + i)), "source",
                        Map.of("id", i % 2 == 0 ? "even" : "odd"), "indexedAt", now.toString(), "deleted", deleted,
                        "work", Map.of("key", work));
                String id = "bulk:" + i;
                bulk.operations(op -> op.index(x -> x.index(prefix + "-records").id(id).document(doc)));
            }
            assertThat(TestElasticsearch.client().bulk(bulk.build()).errors()).isFalse();
        }
        TestElasticsearch.client().indices().refresh(r -> r.index(prefix + "-records"));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void pagesEveryRecordOncePastTenThousandHits() throws Exception {
        Set<String> seen = new HashSet<>();
        JsonNode page = search("size=100&cursor=*");
        assertThat(page.get("facets").get("source").toString()).contains("{\"value\":\"even\",\"label\":\"even\",\"count\":5025");
        String lastCursor = null;
        int pages = 0;
        while (true) {
            pages++;
            assertThat(page.get("total").asLong()).isEqualTo(RECORDS);
            page.get("hits").forEach(h -> assertThat(seen.add(h.get("id").asText()))
                    .as("%s seen twice", h.get("id").asText()).isTrue());
            if (pages > 1) {
                assertThat(page.get("facets").size()).as("facets only on the first page").isZero();
            }
            if (page.get("next_cursor").isNull()) {
                break;
            }
            lastCursor = page.get("next_cursor").asText();
            page = search("size=100&cursor=" + URLEncoder.encode(lastCursor, StandardCharsets.UTF_8));
        }
        assertThat(pages).isEqualTo(101);
        assertThat(seen).hasSize(RECORDS).contains("bulk:0", "bulk:10049").doesNotContain("bulk:" + RECORDS);

        // The last page closed the point in time: the cursor before it is gone.
        HttpResponse<String> gone = server.get("/api/search?size=100&cursor=" + lastCursor);
        assertThat(gone.statusCode()).as(gone.body()).isEqualTo(410);
        assertThat(gone.body()).contains("start again with cursor=*");
    }

    @Test
    void pagesEveryWorkOncePastTenThousandWorks() throws Exception {
        Set<String> seen = new HashSet<>();
        Set<String> titles = new HashSet<>();
        JsonNode page = search("group=works&size=100&cursor=*");
        int pages = 0;
        int twoVersions = 0;
        while (true) {
            pages++;
            assertThat(page.get("total").asLong()).isEqualTo(WORKS);
            for (JsonNode hit : page.get("hits")) {
                assertThat(seen.add(hit.get("id").asText())).as("%s seen twice", hit.get("id").asText()).isTrue();
                // One hit per work: the title names the work (the pair's two records share one).
                int n = Integer.parseInt(hit.get("title").asText().substring("Catatan ".length()));
                assertThat(titles.add(n < PAIRED ? "pair " + n / 2 : "own " + n)).isTrue();
                twoVersions += hit.get("versions").asInt() == 2 ? 1 : 0;
            }
            if (page.get("next_cursor").isNull()) {
                break;
            }
            page = search("group=works&size=100&cursor="
                    + URLEncoder.encode(page.get("next_cursor").asText(), StandardCharsets.UTF_8));
        }
        assertThat(seen).hasSize(WORKS).doesNotContain("bulk:" + RECORDS);
        assertThat(pages).isEqualTo(WORKS / 100 + 1);
        assertThat(twoVersions).isEqualTo(PAIRED / 2);
    }

    @Test
    void pagesByNewestWhenNoRecordHasAPublicationDate() throws Exception {
        // Every sort value is the missing one: only the tiebreaker orders the list.
        Set<String> seen = new HashSet<>();
        JsonNode page = search("source=odd&sort=newest&size=100&cursor=*");
        while (true) {
            page.get("hits").forEach(h -> assertThat(seen.add(h.get("id").asText())).isTrue());
            if (page.get("next_cursor").isNull()) {
                break;
            }
            page = search("source=odd&sort=newest&size=100&cursor=" + page.get("next_cursor").asText());
        }
        assertThat(seen).hasSize(RECORDS / 2).contains("bulk:1", "bulk:10049");
    }

    @Test
    void refusesACursorWithAnotherSearchTamperedOrWithAPage() throws Exception {
        JsonNode first = search("source=even&sort=title&size=10&cursor=*");
        assertThat(first.get("total").asLong()).isEqualTo(RECORDS / 2);
        String cursor = first.get("next_cursor").asText();
        JsonNode second = search("source=even&sort=title&size=10&cursor=" + cursor);
        assertThat(second.get("hits").get(0).get("title").asText())
                .isGreaterThan(first.get("hits").get(9).get("title").asText());

        assertRefused("source=odd&sort=title&cursor=" + cursor, "another search");
        assertRefused("source=even&sort=newest&cursor=" + cursor, "another search");
        assertRefused("source=even&sort=title&page=2&cursor=" + cursor, "page cannot be combined");
        assertRefused("source=even&sort=title&cursor=" + cursor.substring(0, cursor.length() - 7) + "x",
                "not one Lumbung wrote");
        String json = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        String otherPit = Base64.getUrlEncoder().withoutPadding().encodeToString(
                json.replaceFirst("\"pit\":\"[^\"]+\"", "\"pit\":\"bm90IGEgcGl0\"").getBytes(StandardCharsets.UTF_8));
        assertRefused("source=even&sort=title&cursor=" + otherPit, "start again with cursor=*");
    }

    private static void assertRefused(String query, String why) throws Exception {
        HttpResponse<String> response = server.get("/api/search?" + query);
        assertThat(response.statusCode()).as(response.body()).isIn(400, 410);
        assertThat(JSON.readTree(response.body()).get("error").asText()).contains(why);
    }

    private static JsonNode search(String query) throws Exception {
        HttpResponse<String> response = server.get("/api/search?" + query);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
