package org.lumbung.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lumbung.landing.PageInput;
import org.lumbung.source.Source;
import org.lumbung.testing.Cli;
import org.lumbung.testing.FakeRepository;
import org.lumbung.testing.FakeRepository.Fault;
import org.lumbung.testing.LumbungServer;
import org.lumbung.testing.OaiTestServer;
import org.lumbung.testing.TestElasticsearch;
import org.lumbung.testing.WebSite;

/**
 * Source runs in a serving Lumbung, as its schedules and the admin API start them: one report for all of a source's
 * sets, only complete sources in lists and health, and every run, record, retry and error in /metrics for both kinds
 * of source.
 */
class SourceRunsIT {

    private static final String TOKEN = "runs-admin-token";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SEED_PAGE_URL = "https://ejournal3.undip.ac.id/index.php/jihi/article/view/34353/0";
    private static LumbungServer server;
    private static String prefix;

    /** A serving Lumbung with fast retries; the sources' hosts are allowed because they are configured sources. */
    @BeforeAll
    static void start() throws Exception {
        prefix = TestElasticsearch.freshPrefix(SourceRunsIT.class);
        server = LumbungServer.start(prefix, Map.of("LUMBUNG_ADMIN_TOKEN", TOKEN), Map.of(
                "lumbung.harvest.retry.attempts", "5",
                "lumbung.harvest.retry.initial-delay", "20ms",
                "lumbung.harvest.retry.max-delay", "100ms",
                "lumbung.http-client.read-timeout", "1s"));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aRunOfASourceWithTwoSetsIsCompleteOnlyWhenBothAre() throws Exception {
        // set0 is refused and listed first; set1 is read completely after it.
        try (FakeRepository sets = new FakeRepository().records(6, "2024-01-01").refuseSet("set0")) {
            define(Source.oai("two-sets", "Two sets", sets.baseUrl(), "oai_dc", List.of("set0", "set1"),
                    "0 0 3 * * ?", "other"));
            JsonNode health = harvestNow("two-sets");
            assertThat(health.get("lastRun").get("outcome").asText()).isEqualTo("incomplete");
            assertThat(health.get("lastRun").get("error").asText()).contains("set set0: ");
            assertThat(health.get("lastRun").get("indexed").asInt()).as("set1's three records").isEqualTo(3);
            assertThat(health.get("lastSuccess").isNull()).as("never harvested completely").isTrue();
        }
    }

    @Test
    void anAdHocHarvestOrIngestIsNoSourceInListsHealthOrTheAdminApi() throws Exception {
        try (FakeRepository repository = new FakeRepository().records(3, "2024-01-01")) {
            Cli.Result harvested = Cli.onTestEs(prefix, "harvest", repository.baseUrl(), "--source", "testrepo",
                    "-Dlumbung.index.flush-interval=50ms");
            assertThat(harvested.status()).as(harvested.out()).isZero();
        }
        Cli.Result ingested = Cli.onTestEs(prefix, "ingest", Path.of("seeds/000_ffdeb9f15db1918e.txt").toString(),
                "--url", SEED_PAGE_URL, "--source", "adhoc-pages");
        assertThat(ingested.status()).as(ingested.out()).isZero();

        JsonNode sources = JSON.readTree(server.get("/health").body()).get("sources");
        assertThat(sources.has("testrepo")).isFalse();
        assertThat(sources.has("adhoc-pages")).isFalse();
        sources.forEach(s -> assertThat(s.get("kind").isNull()).as(sources.toString()).isFalse());
        assertThat(admin("/admin/sources/testrepo/harvest").statusCode()).as("a run would skip it").isEqualTo(404);

        String listed = Cli.onTestEs(prefix, "sources", "list").out();
        assertThat(listed.lines()).as(listed).noneMatch(line -> line.equals("testrepo"));
        assertThat(listed).contains("checkpoints of ad-hoc harvests, not sources (sources add makes one): ")
                .containsPattern("ad-hoc harvests.*testrepo");
    }

    @Test
    void countsTheRetriesOfAnIdentifyThatNeverGotAnAnswer() throws Exception {
        try (FakeRepository unreachable = new FakeRepository().records(3, "2024-01-01")) {
            // Five attempts, each waiting past the read timeout (1 s) for an answer that never comes.
            unreachable.fault(Fault.stall(3000), Fault.stall(3000), Fault.stall(3000), Fault.stall(3000),
                    Fault.stall(3000));
            define(Source.oai("resets", "Resets", unreachable.baseUrl(), "oai_dc", List.of(), "0 0 3 * * ?", "other"));
            JsonNode health = harvestNow("resets");
            assertThat(health.get("lastRun").get("outcome").asText()).as("no answer at all").isEqualTo("unreachable");
            assertThat(server.get("/metrics").body()).contains(
                    "lumbung_harvest_errors_total{source=\"resets\",kind=\"retry\"} 4\n",
                    "lumbung_harvest_errors_total{source=\"resets\",kind=\"harvest\"} 1\n",
                    "lumbung_harvest_runs_total{source=\"resets\",outcome=\"unreachable\"} 1\n");
        }
    }

    @Test
    void aPausedSourceIsSkippedByItsTriggersAndRunsAgainOnceResumed() throws Exception {
        try (FakeRepository repository = new FakeRepository().records(3, "2024-01-01")) {
            define(Source.oai("pausable", "Pausable", repository.baseUrl(), "oai_dc", List.of(), "0 0 3 * * ?",
                    "other"));
            assertThat(admin("/admin/sources/pausable/pause").body()).isEqualTo("{\"paused\":\"pausable\"}");
            assertThat(admin("/admin/sources/nope/pause").statusCode()).isEqualTo(404);
            java.net.http.HttpResponse<String> refused = admin("/admin/sources/pausable/harvest");
            assertThat(refused.statusCode()).as("the operator is told, not answered 'queued'").isEqualTo(409);
            assertThat(refused.body()).contains("source 'pausable' is paused: resume it first; not queued");
            // A trigger (its schedule's, say) is skipped where the source would be claimed: no request, no run.
            assertThat(server.scheduler().submit("pausable")).isTrue();
            long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
            while (System.nanoTime() < deadline) {
                assertThat(repository.queries()).as("a paused source is not harvested").isEmpty();
                Thread.sleep(100);
            }
            assertThat(JSON.readTree(server.get("/health").body()).path("sources").path("pausable")
                    .path("lastRun").isObject()).isFalse();

            assertThat(admin("/admin/sources/pausable/resume").body()).isEqualTo("{\"resumed\":\"pausable\"}");
            JsonNode health = harvestNow("pausable");
            assertThat(health.get("lastRun").get("outcome").asText()).isEqualTo("complete");
            assertThat(health.get("lastRun").get("indexed").asInt()).isEqualTo(3);
        }
    }

    @Test
    void aRepositoryBehindABotWallIsCountedAsBlockedNotFailed() throws Exception {
        String challenge = new String(OaiTestServer.fixture("botwall/cloudflare-challenge.html"),
                java.nio.charset.StandardCharsets.UTF_8);
        try (FakeRepository walled = new FakeRepository().records(3, "2024-01-01")) {
            walled.fault(java.util.stream.IntStream.range(0, 20).mapToObj(i -> Fault.answer(503, Map.of("Server",
                    "cloudflare", "cf-mitigated", "challenge", "Content-Type", "text/html; charset=UTF-8"), challenge))
                    .toArray(Fault[]::new));
            define(Source.oai("walled", "Walled", walled.baseUrl(), "oai_dc", List.of(), "0 0 3 * * ?", "other"));
            JsonNode health = harvestNow("walled");
            assertThat(health.get("lastRun").get("outcome").asText()).isEqualTo("blocked");
            assertThat(server.get("/metrics").body())
                    .contains("lumbung_harvest_runs_total{source=\"walled\",outcome=\"blocked\"} 1\n")
                    .doesNotContain("lumbung_harvest_runs_total{source=\"walled\",outcome=\"incomplete\"}");
        }
    }

    @Test
    void countsTheRunsAndRecordsOfAPageSource() throws Exception {
        define(new Source("seed-page", "The seed page", Source.Kind.PAGES, null, null, List.of(), "0 0 3 * * ?",
                List.of(new PageInput(Path.of("seeds/000_ffdeb9f15db1918e.txt").toAbsolutePath().toString(),
                        SEED_PAGE_URL)), "ojs", null, null, false, null));
        JsonNode health = harvestNow("seed-page");
        assertThat(health.get("lastRun").get("indexed").asInt()).isEqualTo(1);
        assertThat(server.get("/metrics").body()).contains(
                "lumbung_harvest_runs_total{source=\"seed-page\",outcome=\"complete\"} 1\n",
                "lumbung_harvest_records_total{source=\"seed-page\"} 1\n",
                "lumbung_harvest_unchanged_total{source=\"seed-page\"} 0\n");

        // the same page again: indexed, found as it is stored, not written (once the index has been refreshed: the
        // fingerprint of a document written since the last refresh is not trusted, and such a document is written)
        TestElasticsearch.client().indices().refresh(r -> r.index(prefix + "-records"));
        assertThat(admin("/admin/sources/seed-page/harvest").statusCode()).isEqualTo(202);
        String second = "lumbung_harvest_runs_total{source=\"seed-page\",outcome=\"complete\"} 2\n";
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String metrics = server.get("/metrics").body();
        while (!metrics.contains(second) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            metrics = server.get("/metrics").body();
        }
        assertThat(metrics).contains(second, "lumbung_harvest_records_total{source=\"seed-page\"} 2\n",
                "lumbung_harvest_unchanged_total{source=\"seed-page\"} 1\n");
    }

    @Test
    void countsTheRetriesOfAPageSource() throws Exception {
        try (WebSite site = new WebSite()) {
            // the first answer stalls in the middle of its body past the 1 s read timeout: cut off, asked again
            site.stallsMidBodyOnce("/article/view/7", "<html><head><meta name=\"citation_title\" content=\"Judul"
                    + " yang lambat\"><meta name=\"citation_author\" content=\"Sari, Dewi\"></head><body></body></html>",
                    5_000);
            define(new Source("slow-pages", "A slow journal", Source.Kind.PAGES, null, null, List.of(), "0 0 3 * * ?",
                    List.of(new PageInput(site.url("/article/view/7"), site.url("/article/view/7"))), "ojs", null, null,
                    false, null));
            JsonNode health = harvestNow("slow-pages");
            assertThat(health.get("lastRun").get("indexed").asInt()).isEqualTo(1);
            assertThat(server.get("/metrics").body()).contains(
                    "lumbung_harvest_errors_total{source=\"slow-pages\",kind=\"retry\"} 1\n",
                    "lumbung_harvest_records_total{source=\"slow-pages\"} 1\n");
        }
    }

    private static void define(Source source) {
        server.lumbung().components().sourceRegistry().importSeeds(List.of(source));
    }

    private static java.net.http.HttpResponse<String> admin(String path) throws Exception {
        return server.admin(path, TOKEN);
    }

    /** Queues the source's run through the admin API and returns its /health entry once the run is recorded. */
    private static JsonNode harvestNow(String id) throws Exception {
        assertThat(admin("/admin/sources/" + id + "/harvest").statusCode()).isEqualTo(202);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonNode health = null;
        while (System.nanoTime() < deadline) {
            health = JSON.readTree(server.get("/health").body());
            JsonNode entry = health.path("sources").path(id);
            if (entry.path("lastRun").isObject()) {
                return entry;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no run of " + id + " recorded: " + health);
    }
}
