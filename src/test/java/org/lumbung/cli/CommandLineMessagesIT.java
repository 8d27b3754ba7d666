package org.lumbung.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lumbung.testing.Await;
import org.lumbung.testing.Cli;
import org.lumbung.testing.FakeRepository;
import org.lumbung.testing.FakeRepository.Fault;
import org.lumbung.testing.Harvests;
import org.lumbung.testing.TestData;
import org.lumbung.testing.TestElasticsearch;

/**
 * What a user sees when a command cannot do its work, each command in a JVM of its own as a user starts it: one final
 * line that says what happened in words (no Java class names, no stack trace), the trace in the log file only.
 */
class CommandLineMessagesIT {

    private Path work;

    @BeforeEach
    void newWorkFolder() {
        work = TestData.newDataDir("messages");
    }

    @AfterEach
    void deleteWorkFolder() throws java.io.IOException {
        TestData.delete(work);
    }

    @Test
    void aSearchWithElasticsearchUnreachableEndsWithOneLineAndNoTrace() throws Exception {
        Ran ran = run("search", "x", "--es", "http://127.0.0.1:1", "--data", work.toString());
        assertThat(ran.status).isEqualTo(1);
        assertOneLineEnding(ran, "lumbung: cannot prepare the indices on http://127.0.0.1:1: Connection refused"
                + " (details in " + work.resolve("logs/lumbung.log").toAbsolutePath() + ")");
        assertThat(ran.output).as("no guess about analysis from a cluster that was never reached")
                .doesNotContain("analysis");
        assertThat(Files.readString(work.resolve("logs/lumbung.log"))).as("the trace is in the log file")
                .contains("java.net.ConnectException", "\tat ");
    }

    @Test
    void anIngestOfAMissingFileSaysSoBeforeStartingElasticsearch() throws Exception {
        long started = System.nanoTime();
        Ran ran = run("ingest", work.resolve("no-such-page.html").toString(), "--data", work.toString());
        assertThat(ran.status).isEqualTo(2);
        assertOneLineEnding(ran, "lumbung: no such file or folder: " + work.resolve("no-such-page.html")
                + " ('lumbung ingest --help' lists the options)");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
        try (var files = Files.list(work)) {
            assertThat(files.map(p -> p.getFileName().toString())).as("no Elasticsearch started")
                    .doesNotContain("elasticsearch");
        }
    }

    @Test
    void anUnknownSettingStopsLumbungAtStartNamingTheNearestKnownKey() throws Exception {
        Ran given = run("run", "-Dlumbung.harvest.concurrancy=8", "--data", work.toString());
        assertThat(given.status).isEqualTo(2);
        assertOneLineEnding(given, "lumbung: setting lumbung.harvest.concurrancy (LUMBUNG_HARVEST_CONCURRANCY):"
                + " unknown setting; did you mean lumbung.harvest.concurrency?");

        Path file = Files.writeString(work.resolve("lumbung.properties"),
                "# an operator's settings\nlumbung.http.port=8081\nlumbung.harvest.overlapp=2d\n");
        Ran inFile = run("run", "--settings", file.toString(), "--data", work.toString());
        assertThat(inFile.status).isEqualTo(2);
        assertOneLineEnding(inFile, "lumbung: setting lumbung.harvest.overlapp (LUMBUNG_HARVEST_OVERLAPP):"
                + " unknown setting; did you mean lumbung.harvest.overlap?");
    }

    @Test
    void aHarvestStoppedWithCtrlCSaysWhereItWillResumeAndPrintsNoTrace() throws Exception {
        String prefix = TestElasticsearch.freshPrefix(CommandLineMessagesIT.class);
        try (FakeRepository repo = new FakeRepository().records(30, "2026-01-01")) {
            // Identify and four pages answer at once; the fifth hangs, as a slow repository does, until Ctrl-C.
            repo.fault(Fault.pass(), Fault.pass(), Fault.pass(), Fault.pass(), Fault.pass(), Fault.stall(60_000));
            Path log = work.resolve("harvest.out");
            ProcessBuilder start = Cli.inOwnJvm(log, "harvest", repo.baseUrl(), "--source", "slow", "--no-windows",
                    "--es", TestElasticsearch.url().toString(), "--index-prefix", prefix, "--data", work.toString(),
                    "-Dlumbung.http-client.read-timeout=5m", "-Dlumbung.index.flush-interval=20ms");
            // As in a terminal: a build started in the background of a shell without job control inherits SIGINT
            // ignored, and a JVM that finds it so never installs its handler (coreutils' env resets it).
            start.command().addAll(0, List.of("env", "--default-signal=INT"));
            Process harvest = start.start();
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (repo.queries().size() < 6 && System.nanoTime() < deadline) {
                assertThat(harvest.isAlive()).as(Files.exists(log) ? Files.readString(log) : "").isTrue();
                Thread.sleep(100);
            }
            // Ctrl-C once what came before the hanging page has a checkpoint, as a user would after seeing progress.
            Await.until("a checkpoint before the hanging page", Duration.ofMinutes(1), () -> {
                String token = checkpointToken(prefix);
                return token != null && token.startsWith("fake/+");
            });
            new ProcessBuilder("kill", "-INT", Long.toString(harvest.pid())).start().waitFor();
            assertThat(harvest.waitFor(60, TimeUnit.SECONDS)).as("the harvest stops").isTrue();
            Ran ran = new Ran(harvest.exitValue(), Files.readString(log));
            String token = checkpointToken(prefix);
            assertThat(token).as("pages before the stalled one are checkpointed").startsWith("fake/+");
            assertOneLineEnding(ran, "lumbung: harvest of slow stopped (interrupted); the next harvest resumes from"
                    + " the list at resumption token " + token);
            assertThat(Harvests.sources(prefix).get("slow").get("lease")).as("the lease is given back").isNull();
        }
    }

    @SuppressWarnings("rawtypes")
    private static String checkpointToken(String prefix) throws java.io.IOException {
        Map state = Harvests.sources(prefix).get("slow");
        return state.get("checkpoints") instanceof List<?> cps && !cps.isEmpty()
                ? String.valueOf(((Map) cps.get(0)).get("resumptionToken")) : null;
    }

    private record Ran(int status, String output) {
    }

    private Ran run(String... args) throws Exception {
        Path log = Files.createTempFile(work, "out", ".txt");
        Process p = Cli.inOwnJvm(log, args).start();
        assertThat(p.waitFor(3, TimeUnit.MINUTES)).isTrue();
        return new Ran(p.exitValue(), Files.readString(log));
    }

    /** No stack trace, no class name, and the final line is the message. */
    private static void assertOneLineEnding(Ran ran, String message) {
        assertThat(ran.output).as(ran.output).doesNotContain("Exception", "\tat ", "java.");
        assertThat(last(ran)).as(ran.output).endsWith(message);
    }

    private static String last(Ran ran) {
        List<String> lines = ran.output.lines().filter(l -> !l.isBlank()).toList();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }
}
