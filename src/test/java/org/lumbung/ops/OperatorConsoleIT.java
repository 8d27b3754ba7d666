package org.lumbung.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lumbung.source.Source;
import org.lumbung.source.SourceState;
import org.lumbung.testing.Await;
import org.lumbung.testing.FakeHost;
import org.lumbung.testing.FakeRepository;
import org.lumbung.testing.FakeRepository.Fault;
import org.lumbung.testing.Harvests;
import org.lumbung.testing.LumbungServer;
import org.lumbung.testing.OaiTestServer;
import org.lumbung.testing.TestElasticsearch;
import org.lumbung.testing.WebhookReceiver;

/**
 * What an operator of a hundred sources sees after one round of harvests and a second one after fixing things: ten
 * hosts on 127.0.0.1 with ten journals each, of which one sits behind a bot wall, one moved its base URL, one goes
 * stale, five fail (two recover), one sets a record aside and one has no server at all. Every outcome is asserted,
 * every record of every run called complete is in the index by id, every alert arrives exactly once at a real
 * receiver with a valid signature, and the operator page shows each source as it is.
 */
class OperatorConsoleIT {

    private static final String TOKEN = "console-admin-token";
    private static final String SECRET = "console-webhook-secret";
    private static final Duration QUIET = Duration.ofSeconds(2);
    private static final int HOSTS = 10;
    private static final int PER_HOST = 10;

    private static final String BLOCKED = "j000";
    private static final String MOVED = "j001";
    private static final String STALE = "j002";
    private static final List<String> FAILING = List.of("j003", "j004", "j005", "j006", "j007");
    private static final List<String> RECOVERING = List.of("j003", "j004");
    private static final String SET_ASIDE = "j008";
    private static final String UNREACHABLE = "j009";

    private static WebhookReceiver receiver;
    private static LumbungServer server;
    private static String prefix;
    private static final List<FakeHost> hosts = new ArrayList<>();
    /** The repository of each source (none for the unreachable one), by source id. */
    private static final Map<String, FakeRepository> repositories = new TreeMap<>();
    private static final List<String> ids = IntStream.range(0, HOSTS * PER_HOST)
            .mapToObj(i -> String.format("j%03d", i)).toList();

    @BeforeAll
    static void start() throws Exception {
        receiver = new WebhookReceiver(SECRET);
        prefix = TestElasticsearch.freshPrefix(OperatorConsoleIT.class);
        server = LumbungServer.start(prefix,
                Map.of("LUMBUNG_ADMIN_TOKEN", TOKEN, "LUMBUNG_ALERTS_WEBHOOK_SECRET", SECRET), Map.of(
                        "lumbung.alerts.webhook", receiver.url(),
                        "lumbung.alerts.retry.initial-delay", "50ms",
                        "lumbung.alerts.retry.max-delay", "200ms",
                        "lumbung.alerts.freshness-interval", "200ms",
                        "lumbung.harvest.concurrency", "8",
                        "lumbung.harvest.retry.attempts", "2",
                        "lumbung.harvest.retry.initial-delay", "20ms",
                        "lumbung.harvest.retry.max-delay", "50ms"));
        for (int h = 0; h < HOSTS; h++) {
            hosts.add(new FakeHost(0));
        }
        List<Source> sources = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            if (id.equals(UNREACHABLE)) {
                sources.add(Source.oai(id, "Journal " + i, "http://127.0.0.1:" + LumbungServer.freePort() + "/oai",
                        "oai_dc", List.of(), "0 0 3 * * ?", "ojs"));
                continue;
            }
            FakeRepository repo = new FakeRepository(hosts.get(i % HOSTS), "/" + id + "/oai")
                    .records(2 + i % 4, "2024-01-01").pageSize(2).landingPages("https://" + id + ".example/");
            repositories.put(id, repo);
            String base = repo.baseUrl();
            List<String> sets = List.of();
            String freshness = null;
            if (id.equals(BLOCKED)) {
                String wall = new String(OaiTestServer.fixture("botwall/cloudflare-challenge.html"),
                        StandardCharsets.UTF_8);
                repo.fault(IntStream.range(0, 20).mapToObj(n -> Fault.answer(503, Map.of("Server", "cloudflare",
                        "cf-mitigated", "challenge", "Content-Type", "text/html"), wall)).toArray(Fault[]::new));
            } else if (id.equals(MOVED)) {
                base = repo.movedUrl();
            } else if (id.equals(STALE)) {
                freshness = "1s";
            } else if (FAILING.contains(id)) {
                repo.refuseSet("set1");
                sets = List.of("set1");
            } else if (id.equals(SET_ASIDE)) {
                repo.brokenRecord("oai:fake:2", true);
            }
            sources.add(Source.oai(id, "Journal " + i, base, "oai_dc", sets, "0 0 3 * * ?", "ojs")
                    .withAlerting(freshness, null));
        }
        server.lumbung().components().sourceRegistry().importSeeds(sources);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        repositories.values().forEach(FakeRepository::close);
        hosts.forEach(FakeHost::close);
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    void aHundredSourcesEndTruthfullyAlertOnceAndShowOnTheOperatorPage() throws Exception {
        for (String id : ids) {
            HttpResponse<String> queued = server.admin("/admin/sources/" + id + "/harvest", TOKEN);
            assertThat(queued.statusCode()).as(id + ": " + queued.body()).isEqualTo(202);
        }
        Map<String, SourceState.LastRun> runs = awaitRuns(ids, Map.of());

        Map<String, String> expected = new HashMap<>();
        ids.forEach(id -> expected.put(id, "complete"));
        expected.put(BLOCKED, "blocked");
        expected.put(MOVED, "moved");
        FAILING.forEach(id -> expected.put(id, "incomplete"));
        expected.put(SET_ASIDE, "complete with records set aside");
        expected.put(UNREACHABLE, "unreachable");
        assertThat(outcomes(runs)).isEqualTo(new TreeMap<>(expected));
        assertThat(runs.get(SET_ASIDE).failed()).isEqualTo(1);
        assertThat(runs.get(UNREACHABLE).error()).contains("cannot reach the repository");
        assertThat(runs.get(BLOCKED).error()).contains("Cloudflare");
        FAILING.forEach(id -> assertThat(runs.get(id).error()).contains("set set1", "the next run resumes at"));
        assertNothingLost(runs);

        Map<String, List<String>> alerts = new TreeMap<>();
        for (String id : List.of(BLOCKED, UNREACHABLE)) {
            alerts.put(id, List.of("failed"));
        }
        FAILING.forEach(id -> alerts.put(id, List.of("failed")));
        alerts.put(MOVED, List.of("moved"));
        alerts.put(SET_ASIDE, List.of("set-aside"));
        alerts.put(STALE, List.of("stale"));
        awaitAlerts(alerts);

        Document page = operatorPage();
        assertThat(page.select("tr[data-source]")).hasSize(ids.size());
        assertThat(cell(page, BLOCKED, "outcome")).startsWith("blocked: ").contains("Cloudflare");
        assertThat(cell(page, MOVED, "state")).isEqualTo("moved to " + repositories.get(MOVED).baseUrl());
        assertThat(page.select("tr[data-source=" + MOVED + "] button").eachText()).contains("Accept move");
        assertThat(cell(page, STALE, "freshness")).isEqualTo("1s: past it");
        assertThat(cell(page, SET_ASIDE, "outcome")).startsWith("complete, 1 set aside");
        assertThat(cell(page, UNREACHABLE, "outcome")).startsWith("unreachable: ");
        FAILING.forEach(id -> assertThat(cell(page, id, "alerts")).startsWith("failed run incomplete: "));
        assertThat(cell(page, "j010", "outcome")).startsWith("complete");
        assertThat(cell(page, "j010", "records")).isEqualTo(Integer.toString(2 + 10 % 4));
        assertThat(cell(page, "j010", "alerts")).isEqualTo("none");

        // The operator fixes what can be fixed: two repositories answer again, the move is accepted.
        RECOVERING.forEach(id -> repositories.get(id).refuseSet(null));
        HttpResponse<String> accepted = server.admin("/admin/sources/" + MOVED + "/accept-move", TOKEN);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        List<String> rerun = List.of(RECOVERING.get(0), RECOVERING.get(1), MOVED, FAILING.get(2));
        for (String id : rerun) {
            assertThat(server.admin("/admin/sources/" + id + "/harvest", TOKEN).statusCode()).isEqualTo(202);
        }
        Map<String, SourceState.LastRun> again = awaitRuns(rerun, runs);
        for (String id : List.of(RECOVERING.get(0), RECOVERING.get(1), MOVED)) {
            assertThat(again.get(id).outcome()).as(id).isEqualTo("complete");
        }
        assertThat(again.get(FAILING.get(2)).outcome()).as("still failing").isEqualTo("incomplete");
        assertNothingLost(again);
        RECOVERING.forEach(id -> alerts.put(id, List.of("failed", "recovered")));
        alerts.put(MOVED, List.of("moved", "recovered"));
        awaitAlerts(alerts);
        assertThat(receiver.badSignatures()).isZero();
        assertThat(cell(operatorPage(), MOVED, "state")).isEqualTo("idle");
    }

    /**
     * Waits until each of these sources has a run recorded other than the one given (none given: any run) and the
     * scheduler has nothing waiting or running; returns every source's last run.
     */
    private static Map<String, SourceState.LastRun> awaitRuns(List<String> which,
                                                              Map<String, SourceState.LastRun> before) throws Exception {
        var store = server.lumbung().components().sourceStore();
        Await.until("a new run of " + which.size() + " sources", Duration.ofMinutes(3), () -> {
            for (String id : which) {
                SourceState.LastRun run = store.get(id).map(SourceState::lastRun).orElse(null);
                if (run == null || run.equals(before.get(id))) {
                    return false;
                }
            }
            return server.scheduler().snapshot().running() == 0 && server.scheduler().snapshot().waiting() == 0;
        });
        Map<String, SourceState.LastRun> runs = new LinkedHashMap<>();
        ids.forEach(id -> runs.put(id, store.get(id).map(SourceState::lastRun).orElseThrow()));
        return runs;
    }

    private static Map<String, String> outcomes(Map<String, SourceState.LastRun> runs) {
        return runs.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().outcome(),
                (a, b) -> a, TreeMap::new));
    }

    /**
     * No run is called complete that lost or set aside anything: a complete run's every record is in the index by
     * id, and it set nothing aside; a run that set records aside says so and has the others.
     */
    @SuppressWarnings("rawtypes")
    private static void assertNothingLost(Map<String, SourceState.LastRun> runs) throws Exception {
        Set<String> indexed = Harvests.records(prefix).keySet();
        for (Map.Entry<String, SourceState.LastRun> e : runs.entrySet()) {
            String id = e.getKey();
            SourceState.LastRun run = e.getValue();
            FakeRepository repo = repositories.get(id);
            if (run.outcome().startsWith("complete")) {
                // the failing sources harvest their set set1 alone
                List<String> expected = repo.items().stream()
                        .filter(item -> !FAILING.contains(id) || "set1".equals(item.set()))
                        .map(item -> id + ":" + item.identifier())
                        .filter(doc -> !(id.equals(SET_ASIDE) && doc.endsWith(":oai:fake:2"))).toList();
                assertThat(indexed).as(id + " " + run).containsAll(expected);
                assertThat(run.indexed()).as(id).isEqualTo(expected.size());
                assertThat(run.failed()).as(id).isEqualTo(run.outcome().equals("complete") ? 0 : 1);
            }
        }
    }

    private static void awaitAlerts(Map<String, List<String>> expected) throws Exception {
        int total = expected.values().stream().mapToInt(List::size).sum();
        Await.until(total + " alerts (received " + receiver.alerts().size() + ")", Duration.ofSeconds(60),
                () -> receiver.alerts().size() >= total);
        Thread.sleep(QUIET.toMillis());
        Map<String, List<String>> received = new TreeMap<>();
        for (String id : ids) {
            List<String> events = receiver.events(id);
            if (!events.isEmpty()) {
                received.put(id, events);
            }
        }
        assertThat(received).as("every change alerted once, nothing else").isEqualTo(expected);
    }

    private static Document operatorPage() throws Exception {
        HttpResponse<String> login = server.send(HttpRequest.newBuilder(URI.create(server.base() + "/admin/ui/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + URLEncoder.encode(TOKEN,
                        StandardCharsets.UTF_8))));
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        HttpResponse<String> page = server.send(HttpRequest.newBuilder(URI.create(server.base() + "/admin/ui"))
                .header("Cookie", cookie.substring(0, cookie.indexOf(';'))).GET());
        assertThat(page.statusCode()).isEqualTo(200);
        return Jsoup.parse(page.body());
    }

    private static String cell(Document page, String source, String kind) {
        return page.select("tr[data-source=" + source + "] td." + kind).text();
    }
}
