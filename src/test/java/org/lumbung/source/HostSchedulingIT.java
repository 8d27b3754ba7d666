package org.lumbung.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.lumbung.testing.FakeHost;
import org.lumbung.testing.FakeRepository;
import org.lumbung.testing.Harvests;
import org.lumbung.testing.LumbungServer;
import org.lumbung.testing.TestElasticsearch;

/**
 * A small fleet in a serving Lumbung: twelve sources on four hosts (six journals on one university host, two on each
 * of three others), every source triggered at once, four runs allowed in all and one request at a time to a host.
 * The servers count what reaches them.
 */
class HostSchedulingIT {

    private static final String TOKEN = "fleet-admin-token";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int RECORDS = 7;

    @Test
    void everyHostIsKeptBusyOneRequestAtATimeAndEveryRecordArrivesOnce() throws Exception {
        String prefix = TestElasticsearch.freshPrefix(HostSchedulingIT.class);
        List<FakeHost> hosts = List.of(new FakeHost(25), new FakeHost(25), new FakeHost(25), new FakeHost(25));
        List<FakeRepository> repositories = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        int[] journals = {6, 2, 2, 2};
        try (LumbungServer server = LumbungServer.start(prefix, Map.of("LUMBUNG_ADMIN_TOKEN", TOKEN), Map.of(
                "lumbung.harvest.concurrency", "4",
                "lumbung.harvest.host-concurrency", "1"))) {
            for (int h = 0; h < hosts.size(); h++) {
                for (int j = 1; j <= journals[h]; j++) {
                    String id = (char) ('a' + h) + "-journal" + j;
                    FakeRepository repository = new FakeRepository(hosts.get(h), "/" + id + "/oai")
                            .records(RECORDS, "2024-01-01").landingPages("https://" + id + ".example/");
                    repositories.add(repository);
                    ids.add(id);
                    server.lumbung().components().sourceRegistry().importSeeds(List.of(Source.oai(id, id,
                            repository.baseUrl(), "oai_dc", List.of(), "0 0 3 * * ?", "ojs")));
                }
            }
            for (String id : ids) {
                HttpRequest.Builder post = HttpRequest.newBuilder(URI.create(server.base() + "/admin/sources/" + id
                        + "/harvest")).POST(HttpRequest.BodyPublishers.noBody()).header("Authorization", "Bearer " + TOKEN);
                assertThat(server.send(post).statusCode()).isEqualTo(202);
            }
            JsonNode sources = awaitRuns(server, ids);

            for (String id : ids) {
                JsonNode run = sources.path(id).path("lastRun");
                assertThat(run.path("outcome").asText()).as(id).isEqualTo("complete");
                assertThat(run.path("indexed").asInt()).as(id).isEqualTo(RECORDS);
            }
            TreeSet<String> expected = new TreeSet<>();
            for (String id : ids) {
                for (int i = 1; i <= RECORDS; i++) {
                    expected.add(id + ":oai:fake:" + i);
                }
            }
            assertThat(new TreeSet<>(Harvests.records(prefix).keySet())).isEqualTo(expected);

            for (FakeHost host : hosts) {
                assertThat(host.maxConcurrent()).as("requests in flight to one host").isEqualTo(1);
            }
            // The first host's six journals are read one after another, in the order they were triggered ...
            assertThat(hosts.get(0).firstAsked()).containsExactly("/a-journal1/oai", "/a-journal2/oai",
                    "/a-journal3/oai", "/a-journal4/oai", "/a-journal5/oai", "/a-journal6/oai");
            // ... and the other hosts' first journals do not wait behind them: each host starts while host a still
            // works on its first journal (a pool of four runs taken in order would hold a2..a4 waiting for host a).
            for (int h = 1; h < hosts.size(); h++) {
                assertThat(hosts.get(h).firstAskedAt(hosts.get(h).firstAsked().get(0)))
                        .as("host %d's first request", h)
                        .isLessThan(hosts.get(0).firstAskedAt("/a-journal2/oai"));
            }
        } finally {
            repositories.forEach(FakeRepository::close);
            hosts.forEach(FakeHost::close);
        }
    }

    /** /health's sources once every one of them has a recorded run. */
    private static JsonNode awaitRuns(LumbungServer server, List<String> ids) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        JsonNode sources = null;
        while (System.nanoTime() < deadline) {
            sources = JSON.readTree(server.get("/health").body()).path("sources");
            JsonNode found = sources;
            if (ids.stream().allMatch(id -> found.path(id).path("lastRun").isObject())) {
                return sources;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("not every source has run: " + sources);
    }
}
