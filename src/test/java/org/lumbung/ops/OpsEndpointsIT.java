package org.lumbung.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lumbung.testing.FakeRepository;
import org.lumbung.testing.Harvests;
import org.lumbung.testing.LumbungServer;
import org.lumbung.testing.TestElasticsearch;

/**
 * The operators' endpoints of a serving Lumbung: admin requests refused without the token, a source added, harvested
 * now and removed through them; its harvest seen in /health and in /metrics.
 */
class OpsEndpointsIT {

    private static final String TOKEN = "s3cret-admin-token";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static LumbungServer server;
    private static FakeRepository repository;
    private static String prefix;

    @BeforeAll
    static void start() throws Exception {
        prefix = TestElasticsearch.freshPrefix(OpsEndpointsIT.class);
        repository = new FakeRepository().records(5, "2024-01-01");
        // Sources added over the admin API are guarded like harvested links: the fake repository's port is allowed.
        server = LumbungServer.start(prefix, Map.of("LUMBUNG_ADMIN_TOKEN", TOKEN), Map.of(
                "lumbung.http-client.allowed-hosts", URI.create(repository.baseUrl()).getAuthority()));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (repository != null) {
            repository.close();
        }
    }

    private static HttpResponse<String> admin(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.base() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return server.send(request);
    }

    @Test
    void refusesAdminRequestsWithoutTheTokenAndNeverEchoesWhatWasSent() throws Exception {
        HttpResponse<String> none = admin("POST", "/admin/sources/x/harvest", null, null);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"lumbung-admin\"");
        HttpResponse<String> wrong = admin("DELETE", "/admin/sources/x", "guess-123", null);
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(wrong.body()).isEqualTo("{\"error\":\"wrong admin token\"}").doesNotContain("guess-123");
        assertThat(admin("POST", "/admin/sources", "guess-123", "{\"url\":\"https://x.example\"}").statusCode())
                .isEqualTo(403);
        assertThat(admin("POST", "/admin/sources/unknown/harvest", TOKEN, null).statusCode()).isEqualTo(404);
        assertThat(admin("POST", "/admin/sources", TOKEN, "{\"url\":\"ftp://x\"}").statusCode()).isEqualTo(400);
        assertThat(server.get("/metrics").statusCode()).as("metrics are public").isEqualTo(200);
    }

    @Test
    void refusesASourceOnALoopbackOrPrivateAddressTheConfigurationDoesNotAllow() throws Exception {
        for (String url : List.of("http://127.0.0.1:9/oai", "http://10.1.2.3/oai", "http://169.254.169.254/latest")) {
            HttpResponse<String> refused = admin("POST", "/admin/sources", TOKEN, "{\"url\":\"" + url + "\"}");
            assertThat(refused.statusCode()).as(url).isEqualTo(400);
            assertThat(refused.body()).as(url).contains("no OAI-PMH endpoint found at " + url,
                    URI.create(url).getHost() + " is ", "did not come from the operator");
        }
        assertThat(server.lumbung().components().sourceStore().all()).isEmpty();
    }

    @Test
    void addsHarvestsNowReportsAndRemovesASourceThroughTheAdminEndpoints() throws Exception {
        HttpResponse<String> added = admin("POST", "/admin/sources", TOKEN,
                "{\"url\":\"" + repository.baseUrl() + "\",\"id\":\"fake\",\"schedule\":\"0 0 3 * * ?\"}");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        assertThat(JSON.readTree(added.body()).get("baseUrl").asText()).isEqualTo(repository.baseUrl());

        HttpResponse<String> queued = admin("POST", "/admin/sources/fake/harvest", TOKEN, null);
        assertThat(queued.statusCode()).isEqualTo(202);
        assertThat(queued.body()).isEqualTo("{\"queued\":\"fake\"}");

        JsonNode fake = awaitLastSuccess("fake");
        assertThat(fake.get("kind").asText()).isEqualTo("oai");
        assertThat(fake.get("lastRun").get("outcome").asText()).isEqualTo("complete");
        assertThat(fake.get("lastRun").get("indexed").asInt()).isEqualTo(5);
        assertThat(Harvests.records(prefix)).hasSize(5);

        String metrics = server.get("/metrics").body();
        assertThat(metrics).contains("# TYPE lumbung_harvest_records_total counter",
                "lumbung_harvest_records_total{source=\"fake\"} 5",
                "lumbung_harvest_unchanged_total{source=\"fake\"} 0",
                "lumbung_harvest_runs_total{source=\"fake\",outcome=\"complete\"} 1",
                "lumbung_harvest_errors_total{source=\"fake\",kind=\"retry\"} 0",
                "# TYPE lumbung_source_seconds_since_success gauge",
                "lumbung_source_seconds_since_success{source=\"fake\"} ",
                "lumbung_runs_waiting 0\n", "# TYPE lumbung_run_wait_seconds_max gauge",
                "# TYPE lumbung_runs_admitted_total counter", "# TYPE lumbung_run_scheduler_seconds_total counter",
                "lumbung_harvest_bytes_in_flight 0\n", "# TYPE lumbung_harvest_bytes_in_flight_max gauge",
                "lumbung_harvest_waiting_for_memory 0\n");
        assertThat(metrics).as("the harvest asked for was admitted").containsPattern("lumbung_runs_admitted_total [1-9]\\d*\n");
        assertThat(metrics).as("the run just recorded may still be leaving its slot")
                .containsPattern("lumbung_runs_running [01]\n");
        assertThat(metrics).as("five records in pages of three, over the date windows")
                .containsPattern("lumbung_harvest_pages_total\\{source=\"fake\"} [23]\n");

        HttpResponse<String> removed = admin("DELETE", "/admin/sources/fake", TOKEN, null);
        assertThat(removed.statusCode()).as(removed.body()).isEqualTo(200);
        assertThat(JSON.readTree(removed.body()).get("tombstones").asInt()).isEqualTo(5);
        assertThat(Harvests.records(prefix).values()).allSatisfy(doc -> assertThat(doc.get("deleted")).isEqualTo(true));
        assertThat(JSON.readTree(server.get("/health").body()).get("sources").has("fake")).isFalse();
    }

    private static JsonNode awaitLastSuccess(String source) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonNode health = null;
        while (System.nanoTime() < deadline) {
            health = JSON.readTree(server.get("/health").body());
            JsonNode entry = health.path("sources").path(source);
            if (!entry.path("lastSuccess").isMissingNode() && !entry.path("lastSuccess").isNull()) {
                return entry;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no complete harvest of " + source + ": " + health);
    }
}
