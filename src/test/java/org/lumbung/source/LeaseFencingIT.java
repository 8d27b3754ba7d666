package org.lumbung.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lumbung.harvest.Checkpoint;
import org.lumbung.harvest.HarvestException;
import org.lumbung.harvest.HarvestReport;
import org.lumbung.index.IndexLayout;
import org.lumbung.index.IndexSetup;
import org.lumbung.index.ReportStore;
import org.lumbung.pipeline.FailureKind;
import org.lumbung.testing.Await;
import org.lumbung.testing.Cli;
import org.lumbung.testing.FakeRepository;
import org.lumbung.testing.FakeRepository.Fault;
import org.lumbung.testing.TestData;
import org.lumbung.testing.TestElasticsearch;

/**
 * Several workers on one Elasticsearch: claims and conflicts, a schedule run once, leases renewed while a run goes
 * on, takeovers of runs left unfinished, and the fence that refuses a taken-over worker's late writes, in one JVM
 * and against a harvest in a process of its own frozen with SIGSTOP.
 */
class LeaseFencingIT {

    private static IndexLayout layout;
    private static String prefix;

    @BeforeAll
    static void indices() throws Exception {
        prefix = TestElasticsearch.freshPrefix(LeaseFencingIT.class);
        layout = new IndexLayout(prefix, 0);
        new IndexSetup(TestElasticsearch.client(), layout).ensure();
    }

    private static SourceStore worker(String name, Duration lease) {
        return new SourceStore(TestElasticsearch.client(), layout.sourcesIndex(), name, lease);
    }

    private static Source source(String id) {
        return Source.oai(id, id, "https://" + id + ".example/oai", "oai_dc", List.of(), "0 0 3 * * ?", "other");
    }

    @Test
    void threeWorkersImportingAndClaimingTogetherRunEachSourceOnceAndNeverFail() throws Exception {
        List<Source> seeds = IntStream.range(0, 40).mapToObj(i -> source("race-" + i)).toList();
        List<SourceStore> workers = List.of(worker("w1", Duration.ofMinutes(5)), worker("w2", Duration.ofMinutes(5)),
                worker("w3", Duration.ofMinutes(5)));
        Instant slot = Instant.parse("2026-12-04T03:00:00Z");
        Map<String, List<String>> takenBy = new ConcurrentHashMap<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (SourceStore w : workers) {
                done.add(threads.submit(() -> {
                    start.await();
                    SourceRegistry registry = new SourceRegistry(w);
                    registry.importSeeds(seeds);
                    for (Source s : seeds) {
                        if (registry.claimRun(new RunTrigger(s.id(), slot, null)) != null) {
                            takenBy.computeIfAbsent(s.id(), k -> new CopyOnWriteArrayList<>()).add(w.instance());
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(2, TimeUnit.MINUTES); // a conflict that escaped would fail here
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(takenBy).hasSize(40);
        assertThat(takenBy.values()).allSatisfy(owners -> assertThat(owners).hasSize(1));
        assertThat(workers.stream().mapToLong(w -> w.counters().claims()).sum()).isEqualTo(40);
        assertThat(workers.stream().mapToLong(w -> w.counters().conflicts()).sum())
                .as("three workers writing the same 40 documents met each other").isPositive();
        for (Source s : seeds) {
            SourceState state = workers.get(0).get(s.id()).orElseThrow();
            assertThat(state.generation()).isEqualTo(1);
            assertThat(state.lease().owner()).isEqualTo(takenBy.get(s.id()).get(0));
        }
        workers.forEach(SourceStore::close);
    }

    @Test
    void aScheduledTimeIsRunOnceWhateverTheNumberOfWorkersFiringForIt() {
        SourceStore first = worker("early", Duration.ofMinutes(5));
        SourceStore late = worker("late", Duration.ofMinutes(5));
        new SourceRegistry(first).importSeeds(List.of(source("daily")));
        Instant three = Instant.parse("2026-12-04T03:00:00Z");

        assertThat(first.claim(new RunTrigger("daily", three, null), true).taken()).isTrue();
        first.release("daily", new SourceState.LastRun(null, Instant.now().toString(), "complete", 5, 0, 0, null));
        SourceStore.Claim again = late.claim(new RunTrigger("daily", three, null), true);
        assertThat(again.taken()).as("the late worker's firing for the same time").isFalse();
        assertThat(again.reason()).contains("claimed already");
        assertThat(late.claim(new RunTrigger("daily", three.plus(Duration.ofDays(1)), null), true).taken())
                .as("the next day's firing").isTrue();
        assertThat(late.get("daily").orElseThrow().generation()).isEqualTo(2);
        first.close();
        late.close();
    }

    @Test
    void aRunGoingOnKeepsItsLeaseLongAfterTheLeaseLength() throws Exception {
        SourceStore runner = worker("runner", Duration.ofMillis(600));
        SourceStore other = worker("other", Duration.ofMillis(600));
        new SourceRegistry(runner).importSeeds(List.of(source("long")));
        assertThat(runner.acquire("long")).isTrue();
        Await.until("four renewals (well past the lease)", Duration.ofSeconds(30),
                () -> runner.counters().renewals() >= 4);
        assertThat(other.acquire("long")).as("renewed: not free").isFalse();
        assertThat(other.unfinished()).extracting(RunTrigger::sourceId).doesNotContain("long");
        runner.release("long", null);
        assertThat(other.acquire("long")).isTrue();
        runner.close();
        other.close();
    }

    @Test
    void aTakenOverWorkersCheckpointReportTombstonesAndReleaseAreRefused() throws Exception {
        SourceStore stale = worker("stale", Duration.ofMillis(500));
        SourceStore taker = worker("taker", Duration.ofMinutes(5));
        SourceStore third = worker("third", Duration.ofMinutes(5));
        new SourceRegistry(stale).importSeeds(List.of(source("fenced")));
        assertThat(stale.acquire("fenced")).isTrue();
        stale.save("fenced", new Checkpoint("", "2026-01-01", null, null, null, null, 0));
        long generation = stale.get("fenced").orElseThrow().generation();
        stale.close(); // stops renewing, as a frozen process would

        RunTrigger takeover = Await.value("the stale lease to show as unfinished", Duration.ofSeconds(30),
                () -> taker.unfinished().stream().filter(t -> t.sourceId().equals("fenced")).findFirst().orElse(null));
        assertThat(takeover.takeoverOf()).isEqualTo(generation);
        SourceStore.Claim claim = taker.claim(takeover, true);
        assertThat(claim.taken()).isTrue();
        assertThat(claim.takeover()).isTrue();
        assertThat(third.claim(takeover, true).taken()).as("a second worker that saw the same expiry").isFalse();
        taker.save("fenced", new Checkpoint("", "2026-06-06", null, null, null, null, 0));

        assertThatThrownBy(() -> stale.save("fenced", new Checkpoint("", "2030-01-01", null, null, null, null, 0)))
                .isInstanceOfSatisfying(HarvestException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.FENCED));
        assertThat(stale.holds("fenced")).as("asked before tombstones").isFalse();
        new ReportStore(TestElasticsearch.client(), layout, "stale", stale::holds).save(new HarvestReport("fenced",
                "", "all", Instant.now().toString(), 1, 3, 0, List.of(), 10, 0, 0, 0.1, true, null));
        stale.release("fenced", new SourceState.LastRun(null, Instant.now().toString(), "complete", 3, 0, 0, null));

        SourceState state = taker.get("fenced").orElseThrow();
        assertThat(state.checkpoint("").nextFrom()).isEqualTo("2026-06-06");
        assertThat(state.lease().owner()).isEqualTo("taker");
        assertThat(state.generation()).isEqualTo(generation + 1);
        assertThat(state.lastRun()).as("the stale run recorded nothing").isNull();
        assertThat(harvestReports("fenced")).isZero();
        assertThat(stale.counters().fenced()).as("checkpoint, the look before tombstones, report, release").isEqualTo(4);
        assertThat(taker.counters().takeovers()).isEqualTo(1);
        assertThat(taker.holds("fenced")).isTrue();
        taker.close();
        third.close();
    }

    /** The frozen worker is a real harvest in a JVM of its own, stopped with SIGSTOP, alive all along. */
    @Test
    void aHarvestFrozenPastItsLeaseIsTakenOverAndStopsWithoutWritingWhenItWakes() throws Exception {
        Path work = TestData.newDataDir("frozen");
        try (FakeRepository repo = new FakeRepository().records(30, "2026-01-01")) {
            // Identify and the first three pages answer at once; the fourth is held back until the freeze.
            repo.fault(Fault.pass(), Fault.pass(), Fault.pass(), Fault.pass(), Fault.stall(3_000));
            Path log = work.resolve("harvest.log");
            Process harvest = Cli.inOwnJvm(log, "harvest", repo.baseUrl(), "--source", "frozen", "--es",
                    TestElasticsearch.url().toString(), "--index-prefix", prefix, "-Dlumbung.harvest.lease=1s",
                    "-Dlumbung.http-client.read-timeout=1m", "-Dlumbung.index.flush-interval=20ms").start();
            SourceStore taker = worker("taker-of-frozen", Duration.ofMinutes(5));
            Await.until("the harvest's third page checkpointed", Duration.ofMinutes(2), () -> {
                assertThat(harvest.isAlive()).as(read(log)).isTrue();
                return taker.get("frozen").map(s -> s.checkpoint("").resumptionToken() != null
                        && repo.queries().size() >= 5).orElse(false);
            });
            signal("STOP", harvest);
            try {
                long generation = taker.get("frozen").orElseThrow().generation();
                SourceStore.Claim claim = Await.value("the frozen harvest's lease to expire", Duration.ofSeconds(30),
                        () -> {
                            SourceStore.Claim c = taker.claim(RunTrigger.takeover("frozen", generation), true);
                            return c.taken() ? c : null;
                        });
                assertThat(claim.takeover()).as("alive on this machine, so waited out, not freed at once").isTrue();
                taker.save("frozen", new Checkpoint("", "2026-07-07", null, null, null, null, 0));
            } finally {
                signal("CONT", harvest);
            }
            assertThat(harvest.waitFor(2, TimeUnit.MINUTES)).isTrue();
            String out = read(log);
            assertThat(harvest.exitValue()).as(out).isEqualTo(1);
            // Awake, it stops at whichever comes first: its next request, or the checkpoint of the page it was on.
            assertThat(out).containsAnyOf("lost the source's lease to taker-of-frozen",
                    "not sent: another worker took over this source's lease");
            SourceState state = taker.get("frozen").orElseThrow();
            assertThat(state.checkpoint("").nextFrom()).as("the frozen harvest moved nothing").isEqualTo("2026-07-07");
            assertThat(state.checkpoint("").resumptionToken()).isNull();
            assertThat(state.lease().owner()).isEqualTo("taker-of-frozen");
            assertThat(state.lastRun()).isNull();
            assertThat(harvestReports("frozen")).as("its report refused").isZero();
            taker.close();
        } finally {
            TestData.delete(work);
        }
    }

    private static void signal(String signal, Process process) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0).as("kill -" + signal).isTrue();
    }

    private static long harvestReports(String sourceId) throws Exception {
        if (!TestElasticsearch.client().indices().exists(e -> e.index(layout.harvestsIndex())).value()) {
            return 0;
        }
        TestElasticsearch.client().indices().refresh(r -> r.index(layout.harvestsIndex()));
        return TestElasticsearch.client().count(c -> c.index(layout.harvestsIndex())
                .query(q -> q.term(t -> t.field("sourceId").value(sourceId)))).count();
    }

    private static String read(Path log) throws java.io.IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }
}
