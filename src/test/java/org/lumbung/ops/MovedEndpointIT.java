package org.lumbung.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumbung.harvest.Checkpoint;
import org.lumbung.source.Source;
import org.lumbung.source.SourceState;
import org.lumbung.source.SourceStore;
import org.lumbung.testing.Cli;
import org.lumbung.testing.FakeRepository;
import org.lumbung.testing.LumbungServer;
import org.lumbung.testing.TestElasticsearch;
import org.lumbung.testing.WebSite;
import org.lumbung.testing.WebhookReceiver;

/**
 * A moved endpoint as an operator meets it on a serving Lumbung: two repositories on 127.0.0.1, the old base URL
 * answering 301 to the new one. A run stops at the move with nothing from the new address, says so (its outcome,
 * {@code sources list}, {@code /health}, one alert at a real webhook), and the next run after {@code accept-move}
 * harvests every record at the new address; a move found mid-list keeps every record read and the checkpoint before
 * the first unread one; a source that follows moves harvests at once and shows the move.
 */
class MovedEndpointIT {

    private static final String TOKEN = "moves-admin-token";
    private static final String SECRET = "moves-webhook-secret";
    private static final Duration QUIET = Duration.ofSeconds(2);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static WebhookReceiver receiver;
    private static LumbungServer server;
    private static String prefix;

    @BeforeAll
    static void start() throws Exception {
        receiver = new WebhookReceiver(SECRET);
        prefix = TestElasticsearch.freshPrefix(MovedEndpointIT.class);
        server = LumbungServer.start(prefix,
                Map.of("LUMBUNG_ADMIN_TOKEN", TOKEN, "LUMBUNG_ALERTS_WEBHOOK_SECRET", SECRET), Map.of(
                        "lumbung.alerts.webhook", receiver.url(),
                        "lumbung.alerts.retry.initial-delay", "50ms",
                        "lumbung.alerts.retry.max-delay", "200ms",
                        // no check in these tests: an accepted move closes its alert itself, from the API or the CLI
                        "lumbung.alerts.freshness-interval", "1h",
                        "lumbung.harvest.retry.attempts", "2",
                        "lumbung.harvest.retry.initial-delay", "20ms",
                        "lumbung.harvest.retry.max-delay", "50ms",
                        // one list of pages of 3, so that a move mid-list leaves a resumption token as the checkpoint
                        "lumbung.harvest.whole-list-pages", "100",
                        // the new address is another port on 127.0.0.1: no configured source's, so allowed here
                        "lumbung.http-client.allowed-hosts", "127.0.0.1"));
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
    void aMovedBaseUrlStopsItsHarvestUntilTheOperatorAcceptsTheMoveThenEveryRecordIsHarvestedThere() throws Exception {
        try (FakeRepository moved = new FakeRepository().records(7, "2024-01-01").landingPages("https://a.example/");
             FakeRepository old = new FakeRepository().movesTo(moved.baseUrl(), 0);
             FakeRepository again = new FakeRepository().records(7, "2024-01-01").landingPages("https://a.example/")) {
            server.define(Source.oai("moving", "Moving", old.baseUrl(), "oai_dc", List.of(), "0 0 3 * * ?", "other"));
            SourceState.LastRun first = run("moving");
            assertThat(first.outcome()).isEqualTo("moved");
            assertThat(first.error()).contains("HTTP 301: the base URL " + old.baseUrl() + " moved permanently to "
                    + moved.baseUrl() + "; not followed", "`sources accept-move moving`", "followMoves: true");
            assertThat(moved.queries()).as("nothing asked at the new address before the move is accepted").isEmpty();
            assertThat(indexedIds("moving")).isEmpty();
            SourceState state = store().get("moving").orElseThrow();
            assertThat(state.moved().from()).isEqualTo(old.baseUrl());
            assertThat(state.moved().to()).isEqualTo(moved.baseUrl());
            assertThat(state.checkpoint("").nextFrom()).as("the checkpoint did not move").isNull();
            assertThat(sourcesList()).contains("moving  oai other  " + old.baseUrl(), "\n    moved: " + old.baseUrl()
                    + " -> " + moved.baseUrl() + " (permanent redirect, first seen " + state.moved().at()
                    + "); its harvests stop there until `sources accept-move moving`", "last run: moved at ");
            JsonNode health = server.health();
            assertThat(health.at("/sources/moving/lastRun/outcome").asText()).isEqualTo("moved");
            assertThat(health.at("/sources/moving/moved/to").asText()).isEqualTo(moved.baseUrl());
            receiver.awaitEvents("moving", List.of("moved"), QUIET);
            assertThat(server.health().at("/sources/moving/alerts/moved/since").isTextual()).as("open in /health")
                    .isTrue();
            assertThat(receiver.alertsOf("moving").get(0).get("detail").asText())
                    .startsWith("the base URL " + old.baseUrl() + " moved permanently to " + moved.baseUrl());

            assertThat(run("moving").outcome()).as("moved again: no second alert").isEqualTo("moved");
            HttpResponse<String> accepted = server.admin("/admin/sources/moving/accept-move", TOKEN);
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
            assertThat(JSON.readTree(accepted.body())).isEqualTo(JSON.readTree(JSON.writeValueAsString(Map.of(
                    "accepted", "moving", "from", old.baseUrl(), "to", moved.baseUrl()))));
            HttpResponse<String> twice = server.admin("/admin/sources/moving/accept-move", TOKEN);
            assertThat(twice.statusCode()).isEqualTo(409);
            assertThat(JSON.readTree(twice.body()).get("error").asText())
                    .isEqualTo("source 'moving' has no move of its base URL to accept");
            assertThat(server.admin("/admin/sources/nope/accept-move", TOKEN).statusCode()).isEqualTo(404);
            assertThat(server.admin("/admin/sources/moving/accept-move", "wrong").statusCode()).isEqualTo(403);
            receiver.awaitEvents("moving", List.of("moved", "recovered"), QUIET);

            int askedAtOld = old.queries().size();
            SourceState.LastRun second = run("moving");
            assertThat(second.outcome()).isEqualTo("complete");
            assertThat(second.indexed()).isEqualTo(7);
            assertThat(indexedIds("moving")).isEqualTo(FakeRepository.identifiers(1, 7));
            assertThat(old.queries()).as("the new address asked directly").hasSize(askedAtOld);
            assertThat(sourcesList()).doesNotContain("moved:").contains("\n    move accepted at ",
                    ": harvested at " + moved.baseUrl() + " instead of " + old.baseUrl());
            assertThat(server.health().at("/sources/moving/moveAccepted/to").asText()).isEqualTo(moved.baseUrl());

            // The new address moves in turn: a new move, accepted from the address the definition still names.
            moved.movesTo(again.baseUrl(), 0);
            SourceState.LastRun third = run("moving");
            assertThat(third.outcome()).isEqualTo("moved");
            assertThat(third.error()).contains("the base URL " + moved.baseUrl() + " moved permanently to "
                    + again.baseUrl());
            receiver.awaitEvents("moving", List.of("moved", "recovered", "moved"), QUIET);
            assertThat(server.admin("/admin/sources/moving/accept-move", TOKEN).statusCode()).isEqualTo(200);
            SourceState.Move composed = store().get("moving").orElseThrow().moveAccepted();
            assertThat(List.of(composed.from(), composed.to())).containsExactly(old.baseUrl(), again.baseUrl());
            assertThat(run("moving").outcome()).isEqualTo("complete");
            assertThat(again.queries()).anyMatch(q -> q.startsWith("verb=ListRecords"));
        }
    }

    @Test
    void aMoveFoundMidListKeepsEveryRecordReadAndTheNextRunResumesAtTheNewAddress(@TempDir Path dir)
            throws Exception {
        try (FakeRepository moved = new FakeRepository().records(10, "2024-01-01").landingPages("https://b.example/");
             FakeRepository old = new FakeRepository().records(10, "2024-01-01").landingPages("https://b.example/")
                     // Identify and two pages, then the third page's request answers 301
                     .movesTo(moved.baseUrl(), 3)) {
            server.define(Source.oai("midlist", "Mid-list", old.baseUrl(), "oai_dc", List.of(), "0 0 3 * * ?",
                    "other"));
            SourceState.LastRun first = run("midlist");
            assertThat(first.outcome()).isEqualTo("moved");
            assertThat(first.indexed()).isEqualTo(6);
            assertThat(moved.queries()).isEmpty();
            Checkpoint checkpoint = store().get("midlist").orElseThrow().checkpoint("");
            assertThat(checkpoint.inProgress()).isTrue();
            assertThat(FakeRepository.tokenOffset(checkpoint.resumptionToken())).as("after the last page indexed")
                    .isEqualTo(6);
            assertThat(indexedIds("midlist")).isEqualTo(FakeRepository.identifiers(1, 6));

            // the command line is configured as the server is: the same webhook and its secret (from a file, as
            // secrets never come on the command line)
            Path secret = Files.writeString(dir.resolve("webhook-secret"), SECRET);
            Cli.Result accepted = Cli.onTestEs(prefix, "sources", "accept-move", "midlist",
                    "-Dlumbung.alerts.webhook=" + receiver.url(),
                    "-Dlumbung.alerts.webhook-secret-file=" + secret);
            assertThat(accepted.status()).as(accepted.said()).isZero();
            assertThat(accepted.out()).contains("source midlist: the move of " + old.baseUrl() + " to "
                    + moved.baseUrl() + " accepted");
            assertThat(Cli.onTestEs(prefix, "sources", "accept-move", "midlist").status()).isEqualTo(1);
            // accepted from the command line: closed and told by the command itself (no check runs in these tests)
            receiver.awaitEvents("midlist", List.of("moved", "recovered"), QUIET);

            SourceState.LastRun second = run("midlist");
            assertThat(second.outcome()).isEqualTo("complete");
            assertThat(second.indexed()).as("no page read twice").isEqualTo(4);
            String firstList = moved.queries().stream().filter(q -> q.contains("ListRecords")).findFirst()
                    .orElseThrow();
            assertThat(URLDecoder.decode(firstList, StandardCharsets.UTF_8))
                    .contains("resumptionToken=" + checkpoint.resumptionToken());
            assertThat(indexedIds("midlist")).isEqualTo(FakeRepository.identifiers(1, 10));
        }
    }

    @Test
    void aSourceThatFollowsMovesIsHarvestedAtOnceAndShowsTheMoveWithoutAnAlert() throws Exception {
        try (FakeRepository moved = new FakeRepository().records(5, "2024-01-01").landingPages("https://c.example/");
             FakeRepository old = new FakeRepository().movesTo(moved.baseUrl(), 0)) {
            server.define(Source.oai("follower", "Follower", old.baseUrl(), "oai_dc", List.of(), "0 0 3 * * ?", "other")
                    .withFollowMoves(true));
            assertThat(run("follower").outcome()).isEqualTo("complete");
            assertThat(indexedIds("follower")).isEqualTo(FakeRepository.identifiers(1, 5));
            SourceState state = store().get("follower").orElseThrow();
            assertThat(List.of(state.moved().from(), state.moved().to())).containsExactly(old.baseUrl(),
                    moved.baseUrl());
            assertThat(state.movePending()).isFalse();
            assertThat(server.health().at("/sources/follower/moved/to").asText()).isEqualTo(moved.baseUrl());
            assertThat(sourcesList()).contains("\n    moved: " + old.baseUrl() + " -> " + moved.baseUrl(),
                    "; followed (followMoves: true)");
            Thread.sleep(QUIET.toMillis());
            assertThat(receiver.events("follower")).isEmpty();
        }
    }

    @Test
    void aMoveToARefusedAddressIsRefusedNotOfferedForAcceptance() throws Exception {
        try (WebSite internal = new WebSite();
             FakeRepository old = new FakeRepository()
                     .movesTo(internal.url("/oai").replace("127.0.0.1", "localhost"), 0)) {
            server.define(Source.oai("sneaky", "Sneaky", old.baseUrl(), "oai_dc", List.of(), "0 0 3 * * ?", "other"));
            SourceState.LastRun run = run("sneaky");
            assertThat(run.outcome()).isEqualTo("incomplete");
            assertThat(run.error()).contains("address refused", "localhost is a loopback address");
            assertThat(store().get("sneaky").orElseThrow().moved()).isNull();
            assertThat(internal.requests()).as("nothing reached the internal server").isEmpty();
        }
    }

    private static SourceState.LastRun run(String id) throws Exception {
        return server.runNow(id, TOKEN);
    }

    private static SourceStore store() {
        return server.lumbung().components().sourceStore();
    }

    private static String sourcesList() {
        Cli.Result list = Cli.onTestEs(prefix, "sources", "list");
        assertThat(list.status()).as(list.said()).isZero();
        return list.out();
    }

    /** The OAI identifiers indexed for the source, each once. */
    @SuppressWarnings("rawtypes")
    private static Set<String> indexedIds(String source) throws Exception {
        Set<String> ids = new TreeSet<>();
        for (Map.Entry<String, Map> doc : TestElasticsearch.documents(prefix + "-records").entrySet()) {
            if (doc.getKey().startsWith(source + ":")) {
                Object oai = ((Map) doc.getValue().get("oai")).get("identifier");
                assertThat(ids.add(String.valueOf(oai))).as("indexed once: " + oai).isTrue();
            }
        }
        return ids;
    }
}
