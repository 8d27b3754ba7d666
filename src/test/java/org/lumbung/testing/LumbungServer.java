package org.lumbung.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.main.Main;
import org.lumbung.config.Lumbung;
import org.lumbung.config.Settings;
import org.lumbung.source.RunScheduler;
import org.lumbung.source.Source;
import org.lumbung.source.SourceState;
import org.lumbung.source.SourceStore;

/**
 * A serving Lumbung (what {@code run} starts: the HTTP server, the routes, the schedules) in this JVM, on the shared
 * test Elasticsearch under an index prefix, on a free port, with an empty seed list and no harvest at start.
 */
public final class LumbungServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Lumbung lumbung;
    private final Main main;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private LumbungServer(Lumbung lumbung, Main main, int port) {
        this.lumbung = lumbung;
        this.main = main;
        this.port = port;
    }

    /** Starts it; {@code environment} holds what would come from the environment (secrets), {@code settings} the rest. */
    public static LumbungServer start(String prefix, Map<String, String> environment, Map<String, String> settings)
            throws Exception {
        Path data = TestData.newDataDir("server-" + prefix);
        Path seeds = Files.writeString(data.resolve("sources.yaml"), "sources: []\n");
        int port = freePort();
        Map<String, String> overrides = new HashMap<>(Map.of(
                "lumbung.es.url", TestElasticsearch.url().toString(),
                "lumbung.index.prefix", prefix,
                "lumbung.data", data.toString(),
                "lumbung.seeds", seeds.toString(),
                "lumbung.harvest.at-start", "false",
                "lumbung.http.port", Integer.toString(port),
                "lumbung.index.flush-interval", "50ms"));
        overrides.putAll(settings);
        Lumbung lumbung = Lumbung.start(Settings.load(environment, overrides));
        Main main = lumbung.camel(true);
        main.start();
        return new LumbungServer(lumbung, main, port);
    }

    public static LumbungServer start(String prefix) throws Exception {
        return start(prefix, Map.of(), Map.of());
    }

    public String base() {
        return "http://127.0.0.1:" + port;
    }

    public Lumbung lumbung() {
        return lumbung;
    }

    public HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base() + pathAndQuery)).GET());
    }

    public HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Puts the source in the live list, as the seed list does at start. */
    public void define(Source source) {
        lumbung.components().sourceRegistry().importSeeds(List.of(source));
    }

    /** What {@code GET /health} answers. */
    public JsonNode health() throws IOException, InterruptedException {
        return JSON.readTree(get("/health").body());
    }

    /** An admin request: a POST with no body and {@code Authorization: Bearer <token>}. */
    public HttpResponse<String> admin(String path, String token) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base() + path)).POST(HttpRequest.BodyPublishers.noBody())
                .header("Authorization", "Bearer " + token));
    }

    /** The run scheduler the server's triggers go through. */
    public RunScheduler scheduler() {
        return main.getCamelContext().getRegistry().lookupByNameAndType("runScheduler", RunScheduler.class);
    }

    /** Queues a run of the source through the admin API; returns its run once recorded (a new last run). */

    public SourceState.LastRun runNow(String sourceId, String token) throws Exception {
        SourceStore store = lumbung.components().sourceStore();
        // The last run is recorded before its run ends (its alerts, its host slot given back): a trigger in between
        // finds the source still running and is skipped, as any trigger would be.
        RunScheduler scheduler = scheduler();
        Await.until("the runs going to end", Duration.ofSeconds(60), () -> scheduler.snapshot().running() == 0
                && scheduler.snapshot().waiting() == 0);
        String before = store.get(sourceId).map(SourceState::lastRun).map(SourceState.LastRun::finishedAt).orElse("");
        HttpResponse<String> queued = admin("/admin/sources/" + sourceId + "/harvest", token);
        if (queued.statusCode() != 202) {
            throw new AssertionError("the run of " + sourceId + " was not queued: " + queued.body());
        }
        return Await.value("a new run of " + sourceId, Duration.ofSeconds(60), () -> store.get(sourceId)
                .map(SourceState::lastRun).filter(r -> !before.equals(r.finishedAt())).orElse(null));
    }

    @Override
    public void close() {
        try {
            main.stop();
        } finally {
            lumbung.close();
        }
    }

    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
