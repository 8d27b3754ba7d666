package org.lumbung.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lumbung.harvest.Checkpoint;
import org.lumbung.source.Source;
import org.lumbung.source.SourceState;
import org.lumbung.source.SourceStore;
import org.lumbung.testing.Await;
import org.lumbung.testing.Cli;
import org.lumbung.testing.FakeRepository;
import org.lumbung.testing.LumbungServer;
import org.lumbung.testing.TestElasticsearch;

/**
 * {@code sources stop} through the admin API on a real harvest: a slow repository stopped mid-list ends "stopped" with
 * its checkpoint exactly after the last page indexed, and the next run resumes at that token, so that every record is
 * indexed once and no page is read twice.
 */
class StopRunIT {

    private static final String TOKEN = "stop-admin-token";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int RECORDS = 45;
    private static LumbungServer server;
    private static String prefix;

    @BeforeAll
    static void start() throws Exception {
        prefix = TestElasticsearch.freshPrefix(StopRunIT.class);
        server = LumbungServer.start(prefix, Map.of("LUMBUNG_ADMIN_TOKEN", TOKEN), Map.of(
                "lumbung.harvest.retry.attempts", "3",
                "lumbung.harvest.retry.initial-delay", "20ms",
                "lumbung.harvest.retry.max-delay", "100ms",
                // 15 pages of 3: read as one list, so the checkpoint is a resumption token of that list
                "lumbung.harvest.whole-list-pages", "100"));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aHarvestStoppedMidListKeepsItsCheckpointAndTheNextRunResumesThere() throws Exception {
        try (FakeRepository repository = new FakeRepository().records(RECORDS, "2024-01-01").delay(200)) {
            server.lumbung().components().sourceRegistry().importSeeds(List.of(Source.oai("stoppable", "Stoppable",
                    repository.baseUrl(), "oai_dc", List.of(), "0 0 3 * * ?", "other")));
            SourceStore store = server.lumbung().components().sourceStore();

            HttpResponse<String> idle = admin("/admin/sources/stoppable/stop");
            assertThat(idle.statusCode()).as(idle.body()).isEqualTo(409);
            assertThat(JSON.readTree(idle.body()).get("error").asText())
                    .isEqualTo("source 'stoppable' is not running; nothing to stop");
            assertThat(admin("/admin/sources/nope/stop").statusCode()).isEqualTo(404);
            assertThat(Cli.onTestEs(prefix, "sources", "stop", "stoppable").status()).as("not running").isEqualTo(1);
            assertThat(Cli.onTestEs(prefix, "sources", "stop", "nope").status()).as("no such source").isEqualTo(1);

            assertThat(admin("/admin/sources/stoppable/harvest").statusCode()).isEqualTo(202);
            Await.until("three pages indexed", Duration.ofSeconds(30), () -> {
                Long cursor = store.checkpoint("stoppable", null).tokenCursor();
                return cursor != null && cursor >= 6;
            });
            HttpResponse<String> again = admin("/admin/sources/stoppable/harvest");
            assertThat(again.statusCode()).as("a harvest asked for while it runs says so").isEqualTo(409);
            assertThat(JSON.readTree(again.body()).get("error").asText())
                    .isEqualTo("source 'stoppable' is waiting or running already; not queued again");
            HttpResponse<String> asked = admin("/admin/sources/stoppable/stop");
            assertThat(asked.statusCode()).as(asked.body()).isEqualTo(202);
            assertThat(JSON.readTree(asked.body()).get("holder").asText()).isEqualTo(store.instance());

            JsonNode lastRun = lastRun("stoppable", Duration.ofSeconds(30));
            assertThat(lastRun.get("outcome").asText()).isEqualTo("stopped");
            SourceState stopped = store.get("stoppable").orElseThrow();
            assertThat(stopped.stopRequested()).as("cleared when the run ended").isNull();
            assertThat(stopped.lease()).isNull();
            Checkpoint checkpoint = stopped.checkpoint("");
            assertThat(checkpoint.inProgress()).isTrue();
            assertThat(lastRun.get("error").asText()).contains("stopped by the operator")
                    .endsWith("; the next run resumes at " + checkpoint.describe());
            int resumesAt = FakeRepository.tokenOffset(checkpoint.resumptionToken());
            assertThat(resumesAt).as("stopped mid-list").isBetween(6, RECORDS - 3);
            assertThat(indexedIds()).as("exactly the records before the checkpoint's token")
                    .isEqualTo(FakeRepository.identifiers(1, resumesAt));
            assertThat(lastRun.get("indexed").asInt()).isEqualTo(resumesAt);
            assertThat(server.get("/metrics").body())
                    .contains("lumbung_harvest_runs_total{source=\"stoppable\",outcome=\"stopped\"} 1\n")
                    .doesNotContain("lumbung_harvest_errors_total{source=\"stoppable\",kind=\"harvest\"}");

            repository.delay(0);
            repository.clearQueries();
            SourceState.LastRun second = server.runNow("stoppable", TOKEN);
            assertThat(second.outcome()).isEqualTo("complete");
            assertThat(second.indexed()).as("no page read twice").isEqualTo(RECORDS - resumesAt);
            String firstList = repository.queries().stream().filter(q -> q.contains("ListRecords")).findFirst()
                    .orElseThrow();
            assertThat(URLDecoder.decode(firstList, StandardCharsets.UTF_8))
                    .contains("resumptionToken=" + checkpoint.resumptionToken());
            assertThat(indexedIds()).as("every record once").isEqualTo(FakeRepository.identifiers(1, RECORDS));
        }
    }

    @SuppressWarnings("rawtypes")
    private static Set<String> indexedIds() throws Exception {
        Set<String> ids = new TreeSet<>();
        for (Map doc : TestElasticsearch.documents(prefix + "-records").values()) {
            Object oai = ((Map) doc.get("oai")).get("identifier");
            assertThat(ids.add(String.valueOf(oai))).as("indexed once: " + oai).isTrue();
        }
        return ids;
    }

    private static HttpResponse<String> admin(String path) throws Exception {
        return server.admin(path, TOKEN);
    }

    private static JsonNode lastRun(String id, Duration timeout) throws Exception {
        return Await.value("a run of " + id + " recorded", timeout, () -> {
            JsonNode run = JSON.readTree(server.get("/health").body()).path("sources").path(id).path("lastRun");
            return run.isObject() ? run : null;
        });
    }
}
