package org.lumbung.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lumbung.pipeline.Backoff;
import org.lumbung.source.Source;
import org.lumbung.source.SourceState;
import org.lumbung.source.SourceStore;
import org.lumbung.testing.FakeRepository;
import org.lumbung.testing.LumbungServer;
import org.lumbung.testing.TestElasticsearch;
import org.lumbung.testing.WebhookReceiver;

/**
 * Alerts as an operator receives them: real runs of a serving Lumbung, a real webhook on 127.0.0.1 that checks every
 * signature, and alerts counted exactly: one per change of a source's state, none for a state that holds, none twice
 * when two workers decide the same change at once.
 */
class AlertsIT {

    private static final String TOKEN = "alerts-admin-token";
    private static final String SECRET = "alerts-webhook-secret";
    private static final Duration QUIET = Duration.ofSeconds(2);
    private static WebhookReceiver receiver;
    private static LumbungServer server;

    @BeforeAll
    static void start() throws Exception {
        receiver = new WebhookReceiver(SECRET);
        server = LumbungServer.start(TestElasticsearch.freshPrefix(AlertsIT.class),
                Map.of("LUMBUNG_ADMIN_TOKEN", TOKEN, "LUMBUNG_ALERTS_WEBHOOK_SECRET", SECRET), Map.of(
                        "lumbung.alerts.webhook", receiver.url(),
                        "lumbung.alerts.retry.initial-delay", "50ms",
                        "lumbung.alerts.retry.max-delay", "200ms",
                        "lumbung.alerts.freshness-interval", "200ms",
                        "lumbung.harvest.retry.attempts", "2",
                        "lumbung.harvest.retry.initial-delay", "20ms",
                        "lumbung.harvest.retry.max-delay", "50ms"));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    void aSourceFailingThenRecoveringIsAlertedOnceForEachChange() throws Exception {
        try (FakeRepository repository = new FakeRepository().records(4, "2024-01-01").refuseSet("set1")) {
            server.define(Source.oai("flaky", "Flaky", repository.baseUrl(), "oai_dc", List.of("set1"), "0 0 3 * * ?",
                    "other"));
            assertThat(run("flaky").outcome()).isEqualTo("incomplete");
            receiver.awaitEvents("flaky", List.of("failed"), QUIET);
            // the first delivery of the next alert meets a receiver down for a moment: sent again, received once
            receiver.failNext(1);
            assertThat(run("flaky").outcome()).as("failing again: no new alert").isEqualTo("incomplete");
            repository.refuseSet(null);
            assertThat(run("flaky").outcome()).isEqualTo("complete");
            receiver.awaitEvents("flaky", List.of("failed", "recovered"), QUIET);

            List<JsonNode> alerts = receiver.alertsOf("flaky");
            assertThat(alerts.get(0).get("detail").asText()).startsWith("run incomplete: ").contains("set set1");
            assertThat(alerts.get(0).get("open").has("failed")).isTrue();
            assertThat(alerts.get(1).get("recovered").toString()).isEqualTo("[\"failed\"]");
            assertThat(alerts.get(1).get("open").size()).isZero();
            JsonNode health = server.health();
            assertThat(health.at("/sources/flaky/alerts").size()).as("none open once recovered").isZero();
            assertThat(health.at("/sources/flaky/lastRun/outcome").asText()).isEqualTo("complete");
            assertThat(receiver.badSignatures()).isZero();
            assertThat(server.get("/metrics").body()).contains("lumbung_alert_delivery_retries_total 1\n")
                    .contains("lumbung_alerts_abandoned_total 0\n").contains("lumbung_alerts_dropped_total 0\n");
        }
    }

    @Test
    void recordsSetAsideAreAlertedOnce() throws Exception {
        try (FakeRepository repository = new FakeRepository().records(5, "2024-01-01")
                .brokenRecord("oai:fake:2", true)) {
            server.define(Source.oai("broken-one", "Broken one", repository.baseUrl(), "oai_dc", List.of(),
                    "0 0 3 * * ?", "other"));
            assertThat(run("broken-one").outcome()).isEqualTo("complete with records set aside");
            receiver.awaitEvents("broken-one", List.of("set-aside"), QUIET);
            assertThat(server.health().at("/sources/broken-one/alerts/set-aside/since").isTextual())
                    .as("open in /health").isTrue();
            assertThat(receiver.alertsOf("broken-one").get(0).get("detail").asText())
                    .startsWith("1 records set aside");
        }
    }

    @Test
    void aStaleSourceIsAlertedOnceNotAtEveryCheck() throws Exception {
        try (FakeRepository repository = new FakeRepository().records(2, "2024-01-01")) {
            server.define(Source.oai("quiet", "Quiet", repository.baseUrl(), "oai_dc", List.of(), "0 0 3 * * ?",
                    "other").withAlerting("1s", null));
            assertThat(run("quiet").outcome()).isEqualTo("complete");
            // past its one-second target, the 200 ms checks of the timer find it stale again and again
            receiver.awaitEvents("quiet", List.of("stale"), QUIET);
            assertThat(receiver.alertsOf("quiet").get(0).get("detail").asText()).startsWith("no complete run since ")
                    .endsWith("(freshness 1s)");
        }
    }

    @Test
    void twoWorkersDecidingTheSameChangeAtOnceSendOneAlert() throws Exception {
        String index = server.lumbung().components().layout().sourcesIndex();
        try (SourceStore a = new SourceStore(TestElasticsearch.client(), index, "worker-a", Duration.ofMinutes(1));
             SourceStore b = new SourceStore(TestElasticsearch.client(), index, "worker-b", Duration.ofMinutes(1));
             AlertWebhook hookA = webhook();
             AlertWebhook hookB = webhook()) {
            a.update("raced", s -> s.withDefinition(Source.oai("raced", "Raced", "https://raced.example/oai", "oai_dc",
                    List.of(), "0 0 3 * * ?", "other"), "test"));
            URI url = URI.create(receiver.url());
            List<Alerts> workers = List.of(new Alerts(a, null, hookA, url), new Alerts(b, null, hookB, url));
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<String> expected = new ArrayList<>();
                for (int round = 0; round < 6; round++) {
                    SourceState.LastRun run = round % 2 == 0
                            ? new SourceState.LastRun(null, Instant.now().toString(), "failed", 0, 0, 0, "HTTP 503")
                            : new SourceState.LastRun(null, Instant.now().toString(), "complete", 3, 0, 0, null);
                    CyclicBarrier together = new CyclicBarrier(2);
                    List<Future<?>> both = new ArrayList<>();
                    for (Alerts worker : workers) {
                        both.add(pool.submit(() -> {
                            together.await();
                            return worker.ran("raced", run);
                        }));
                    }
                    for (Future<?> f : both) {
                        f.get();
                    }
                    expected.add(round % 2 == 0 ? "failed" : "recovered");
                    receiver.awaitEvents("raced", expected, QUIET);
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private static AlertWebhook webhook() {
        return new AlertWebhook(Optional.of(SECRET), new Backoff(Duration.ofMillis(50), Duration.ofMillis(200), 5,
                null), Duration.ofSeconds(5), 100);
    }

    private static SourceState.LastRun run(String id) throws Exception {
        return server.runNow(id, TOKEN);
    }
}
