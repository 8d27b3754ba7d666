package org.lumbung.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lumbung.testing.Cli;
import org.lumbung.testing.EsProxy;
import org.lumbung.testing.FakeRepository;
import org.lumbung.testing.FakeRepository.Fault;
import org.lumbung.testing.Harvests;
import org.lumbung.testing.LumbungServer;
import org.lumbung.testing.TestData;
import org.lumbung.testing.TestElasticsearch;

/**
 * SIGTERM, as a service manager sends it, to a harvest in its own JVM that waits on a slow repository: Lumbung stops
 * within seconds, at a page boundary, with its checkpoint written, and the next harvest ends with every record once.
 */
class SigtermIT {

    private static final int RECORDS = 30;
    private static final Duration STOPS_WITHIN = Duration.ofSeconds(8);
    private Path work;

    @BeforeEach
    void folder() throws Exception {
        work = TestData.newDataDir("sigterm");
    }

    @AfterEach
    void clean() throws Exception {
        TestData.delete(work);
    }

    @Test
    void aHarvestWaitingOnASlowRepositoryStopsWithinSecondsOnSigtermAndResumesFromItsCheckpoint() throws Exception {
        String prefix = TestElasticsearch.freshPrefix(SigtermIT.class);
        try (FakeRepository repo = new FakeRepository().records(RECORDS, "2026-01-01")) {
            // Identify answers at once; then every page takes two seconds, as a slow university server's does.
            repo.fault(Fault.pass());
            repo.fault(Collections.nCopies(20, Fault.stall(2_000)).toArray(Fault[]::new));
            Path log = work.resolve("harvest.out");
            Process harvest = Cli.inOwnJvm(log, "harvest", repo.baseUrl(), "--source", "fake", "--no-windows",
                    "--es", TestElasticsearch.url().toString(), "--index-prefix", prefix, "--data", work.toString(),
                    "-Dlumbung.http-client.read-timeout=5m", "-Dlumbung.index.flush-interval=20ms").start();
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (repo.queries().size() < 4 && System.nanoTime() < deadline) {
                assertThat(harvest.isAlive()).as(Files.exists(log) ? Files.readString(log) : "").isTrue();
                Thread.sleep(50);
            }
            Thread.sleep(500);
            long signalled = System.nanoTime();
            harvest.destroy();
            assertThat(harvest.waitFor(60, TimeUnit.SECONDS)).as("the harvest stops").isTrue();
            Duration took = Duration.ofNanos(System.nanoTime() - signalled);
            String out = Files.readString(log);
            System.out.println("stopped " + took.toMillis() + " ms after SIGTERM");
            assertThat(took).as(out).isLessThan(STOPS_WITHIN);
            assertThat(out).contains("harvest of fake stopped (interrupted); the next harvest resumes from");

            @SuppressWarnings("rawtypes")
            Map<String, Map> before = Harvests.records(prefix);
            assertThat(before).as("the pages read before the signal are indexed").isNotEmpty();
            assertThat(checkpoint(prefix)).as("and checkpointed").isNotNull();

            repo.clearFaults();
            repo.clearQueries();
            Cli.Result again = Harvests.harvest(repo.baseUrl(), "fake", prefix);
            assertThat(again.status()).as(again.out()).isZero();
            assertThat(repo.queries()).as("the rerun resumes at the checkpoint, not at the list's start")
                    .noneMatch(q -> q.equals("verb=ListRecords&metadataPrefix=oai_dc"));
            assertThat(Harvests.records(prefix).keySet())
                    .containsExactlyInAnyOrderElementsOf(FakeRepository.documentIds(1, RECORDS));
        }
    }

    @Test
    void aRunWaitingOnASlowSourceStopsWithinSecondsOnSigtermWithItsCheckpoint() throws Exception {
        String prefix = TestElasticsearch.freshPrefix(SigtermIT.class) + "-run";
        try (FakeRepository repo = new FakeRepository().records(RECORDS, "2026-01-01")) {
            repo.fault(Fault.pass());
            repo.fault(Collections.nCopies(20, Fault.stall(2_000)).toArray(Fault[]::new));
            Path seeds = Files.writeString(work.resolve("sources.yaml"), "sources:\n  - id: fake\n    kind: oai\n"
                    + "    baseUrl: " + repo.baseUrl() + "\n    metadataPrefix: oai_dc\n    schedule: \"0 0 3 * * ?\"\n");
            Path log = work.resolve("run.out");
            Process run = Cli.inOwnJvm(log, "run", "--seeds", seeds.toString(), "--port",
                    Integer.toString(LumbungServer.freePort()), "--es", TestElasticsearch.url().toString(),
                    "--index-prefix", prefix, "--data", work.toString(), "-Dlumbung.http-client.read-timeout=5m",
                    "-Dlumbung.index.flush-interval=20ms").start();
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (repo.queries().size() < 4 && System.nanoTime() < deadline) {
                assertThat(run.isAlive()).as(Files.exists(log) ? Files.readString(log) : "").isTrue();
                Thread.sleep(50);
            }
            Thread.sleep(500);
            long signalled = System.nanoTime();
            run.destroy();
            boolean stopped = run.waitFor(60, TimeUnit.SECONDS);
            run.destroyForcibly();
            assertThat(stopped).as("run stops: %s", Files.readString(log)).isTrue();
            Duration took = Duration.ofNanos(System.nanoTime() - signalled);
            String out = Files.readString(log);
            System.out.println("run stopped " + took.toMillis() + " ms after SIGTERM");
            assertThat(took).as(out).isLessThan(STOPS_WITHIN);
            assertThat(Harvests.records(prefix)).as("the pages read before the signal are indexed").isNotEmpty();
            assertThat(checkpoint(prefix)).as("and checkpointed").isNotNull();
        }
    }

    @Test
    void aRunWhoseElasticsearchHasGoneStopsWithinSecondsOnSigterm() throws Exception {
        String prefix = TestElasticsearch.freshPrefix(SigtermIT.class) + "-gone";
        Path seeds = Files.writeString(work.resolve("sources.yaml"), "sources: []\n");
        Path log = work.resolve("gone.out");
        try (EsProxy proxy = new EsProxy(TestElasticsearch.url())) {
            Process run = Cli.inOwnJvm(log, "run", "--seeds", seeds.toString(), "--port",
                    Integer.toString(LumbungServer.freePort()), "--es", proxy.url(), "--index-prefix", prefix,
                    "--data", work.toString()).start();
            try {
                long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
                while (!(Files.exists(log) && Files.readString(log).contains("Lumbung is ready"))
                        && System.nanoTime() < deadline) {
                    assertThat(run.isAlive()).as(Files.exists(log) ? Files.readString(log) : "").isTrue();
                    Thread.sleep(50);
                }
                // The node stops answering (a crash, a network cut): each request would wait up to ten minutes.
                proxy.down(true);
                long signalled = System.nanoTime();
                run.destroy();
                boolean stopped = run.waitFor(60, TimeUnit.SECONDS);
                Duration took = Duration.ofNanos(System.nanoTime() - signalled);
                System.out.println("run without Elasticsearch stopped " + took.toMillis() + " ms after SIGTERM");
                assertThat(stopped).as("run stops: %s", Files.readString(log)).isTrue();
                assertThat(took).as(Files.readString(log)).isLessThan(STOPS_WITHIN);
            } finally {
                run.destroyForcibly();
            }
        }
    }

    @SuppressWarnings("rawtypes")
    private static Object checkpoint(String prefix) throws java.io.IOException {
        Map state = Harvests.sources(prefix).get("fake");
        return state.get("checkpoints") instanceof List<?> cps && !cps.isEmpty()
                ? ((Map) cps.get(0)).get("resumptionToken") : null;
    }
}
