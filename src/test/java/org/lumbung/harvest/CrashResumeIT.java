package org.lumbung.harvest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.lumbung.testing.Cli;
import org.lumbung.testing.FakeRepository;
import org.lumbung.testing.FakeRepository.Fault;
import org.lumbung.testing.Harvests;
import org.lumbung.testing.TestData;
import org.lumbung.testing.TestElasticsearch;

/**
 * The crash test: a harvest in its own JVM is killed hard (SIGKILL) in the middle of a window; the next harvest
 * resumes from the last checkpointed token, and the index holds every record exactly once.
 */
class CrashResumeIT {

    @Test
    void aHarvestKilledMidWindowResumesFromItsLastTokenAndLosesNothing() throws Exception {
        killMidWindowThenResume(30, 3);
    }

    /**
     * Pages of 30 records cut in chunks on three pipeline threads: a chunk of a later page done first must not let the
     * checkpoint pass a page still being read, so whatever the moment of the kill, the next harvest finds every record.
     */
    @Test
    void aHarvestKilledWhilePagesAreReadOnSeveralThreadsLosesNothing() throws Exception {
        killMidWindowThenResume(300, 30, "-Dlumbung.pipeline.threads=3");
    }

    @SuppressWarnings("rawtypes")
    private static void killMidWindowThenResume(int records, int pageSize, String... settings) throws Exception {
        String prefix = TestElasticsearch.freshPrefix(CrashResumeIT.class);
        Path work = TestData.newDataDir("crash");
        try (FakeRepository repo = new FakeRepository().records(records, "2026-01-01").pageSize(pageSize)) {
            // Identify and the first five pages answer at once; the sixth hangs until the harvest is killed.
            repo.fault(Fault.pass(), Fault.pass(), Fault.pass(), Fault.pass(), Fault.pass(), Fault.pass(),
                    Fault.stall(60_000));
            List<String> args = new java.util.ArrayList<>(List.of("harvest", repo.baseUrl(),
                    "--source", "fake", "--es", TestElasticsearch.url().toString(), "--index-prefix", prefix,
                    "-Dlumbung.http-client.read-timeout=5m", "-Dlumbung.index.flush-interval=20ms"));
            args.addAll(List.of(settings));
            Process harvest = Cli.inOwnJvm(work.resolve("harvest.log"), args.toArray(String[]::new)).start();
            awaitCheckpointToken(prefix, pageSize, harvest, work.resolve("harvest.log"));
            harvest.destroyForcibly();
            assertThat(harvest.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            // The checkpoint as the killed harvest left it (it may have moved once more before the kill).
            String token = checkpointToken(prefix);

            repo.clearFaults();
            repo.clearQueries();
            Cli.Result resumed = Harvests.harvest(repo.baseUrl(), "fake", prefix);
            assertThat(resumed.status()).as(resumed.said()).isZero();
            assertThat(repo.queries().get(1)).as("resumes from the checkpointed token")
                    .isEqualTo("verb=ListRecords&resumptionToken=" + org.lumbung.harvest.OaiRequest.encode(token));
            Map<String, Map> docs = Harvests.records(prefix);
            assertThat(docs).containsOnlyKeys(IntStream.rangeClosed(1, records)
                    .mapToObj(i -> "fake:oai:fake:" + i).toList());
        } finally {
            TestData.delete(work);
        }
    }

    /** Waits until the source's checkpoint holds a resumption token past the first page. */
    private static void awaitCheckpointToken(String prefix, int pageSize, Process harvest, Path log)
            throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(harvest.isAlive()).as("the harvest is still running: " + read(log)).isTrue();
            String token;
            try {
                token = checkpointToken(prefix);
            } catch (co.elastic.clients.elasticsearch._types.ElasticsearchException notYet) {
                token = null; // the harvest has not created its indices yet
            }
            if (token != null && !token.contains("+" + pageSize + "/")) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no checkpoint with a token appeared: " + read(log));
    }

    @SuppressWarnings("rawtypes")
    private static String checkpointToken(String prefix) throws java.io.IOException {
        Map state = TestElasticsearch.documents(prefix + "-sources").get("fake");
        if (state != null && state.get("checkpoints") instanceof List<?> cps && !cps.isEmpty()) {
            Object token = ((Map) cps.get(0)).get("resumptionToken");
            return token == null ? null : token.toString();
        }
        return null;
    }

    private static String read(Path log) throws java.io.IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }
}
