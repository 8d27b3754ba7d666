package org.lumbung.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.lumbung.testing.Cli;
import org.lumbung.testing.TestData;

/**
 * The main job as a user runs it: {@code run} in its own process, from a folder that is not the project (so the seeds
 * come from inside Lumbung), on the embedded Elasticsearch in a fresh data folder; then SIGTERM, as Ctrl-C.
 */
class RunIT {

    private static final Duration PATIENCE = Duration.ofMinutes(4);
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void servesTheSeedRecordFromAFreshDataFolderAndStopsEverythingOnSigterm() throws Exception {
        int port = freePort();
        Path work = TestData.newDataDir("run");
        Path data = work.resolve("data");
        Path log = work.resolve("run.log");
        Process run = Cli.inOwnJvm(log, "run",
                "--data", data.toString(), "--es-port", "0", "--port", Integer.toString(port),
                "-Dlumbung.http-client.connect-timeout=2s", "-Dlumbung.http-client.read-timeout=5s",
                "-Dlumbung.harvest.retry.attempts=2", "-Dlumbung.harvest.retry.initial-delay=100ms")
                .directory(work.toFile()).start();
        Properties node;
        try {
            String base = "http://127.0.0.1:" + port;
            String found = awaitBody(base + "/api/search?q=Karabakh", "\"total\":1", run, log);
            assertThat(found).contains("\"id\":\"https://ejournal3.undip.ac.id/index.php/jihi/article/view/34353/0\"",
                    "\"source\":\"undip-jihi-pages\"", "Falentinoris Yubilio Wiku");
            HttpResponse<String> health = get(base + "/health");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"UP\"");
            assertThat(get(base + "/api/search?q=x&size=abc").statusCode()).isEqualTo(400);
            assertThat(Files.readString(log)).contains("Lumbung is ready: search " + base + "/api/search")
                    .contains("source undip-jihi");

            // A command started while run is up attaches to its node and leaves it running.
            Cli.Result search = Cli.run("search", "Karabakh", "--data", data.toString(), "--es-port", "0");
            assertThat(search.status()).as(search.said()).isZero();
            assertThat(search.out()).contains("1 of 1 records match 'Karabakh'");
            assertThat(get(base + "/health").body()).contains("\"status\":\"UP\"");
            node = nodeState(data);
        } finally {
            run.destroy();
        }
        assertThat(run.waitFor(90, TimeUnit.SECONDS)).as("run stops on SIGTERM").isTrue();
        long esPid = Long.parseLong(node.getProperty("pid"));
        assertThat(ProcessHandle.of(esPid).map(ProcessHandle::isAlive).orElse(false))
                .as("the embedded node stops with Lumbung").isFalse();
        assertThat(TestData.nodeHome(data).resolve("node.properties")).doesNotExist();
        TestData.delete(work);
    }

    private String awaitBody(String url, String expected, Process run, Path log) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            if (!run.isAlive()) {
                throw new AssertionError("run exited with " + run.exitValue() + ":\n" + Files.readString(log));
            }
            try {
                HttpResponse<String> response = get(url);
                last = response.statusCode() + " " + response.body();
                if (response.statusCode() == 200 && response.body().contains(expected)) {
                    return response.body();
                }
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no " + expected + " from " + url + " (last: " + last + "):\n" + Files.readString(log));
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static Properties nodeState(Path data) throws IOException {
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(TestData.nodeHome(data).resolve("node.properties"), StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return p;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
