package org.lumbung.bench;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.lumbung.App;
import org.lumbung.config.Lumbung;
import org.lumbung.index.IndexLayout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fleet benchmark ({@code bench --fleet}): Lumbung's own {@code run}, with default settings, against many slow
 * sources on many hosts ({@link FleetServer}), timed until every source has a recorded harvest, and set beside the
 * three bounds no scheduler can beat: the busiest host served politely, the records indexed at the rate one source is
 * harvested without latency (measured in the same run), and every request divided over the total concurrency.
 */
public final class Fleet {

    private static final Logger LOG = LoggerFactory.getLogger("lumbung.bench");

    /**
     * @param hosts      loopback hosts, 127.0.0.2 and up
     * @param sources    sources a host
     * @param records    records a source
     * @param pageSize   records a ListRecords page
     * @param latency    milliseconds before each answer
     * @param cpuRecords records of the one-source harvest without latency that gives the records per second
     * @param heap       the harvesting JVM's -Xmx
     * @param work       where corpora, logs and results go
     * @param settings   Lumbung settings handed on to {@code run} ({@code -Dkey=value}); the bounds read the same
     */
    public record Options(int hosts, int sources, int records, int pageSize, long latency, int cpuRecords, String heap,
                          long seed, Path work, Map<String, String> settings) {

        int fleetSources() {
            return hosts * sources;
        }

        /** Identify, then the list's pages. */
        int minimumRequests() {
            return 1 + Math.max(1, (records + pageSize - 1) / pageSize);
        }
    }

    private Fleet() {
    }

    /** Runs the fleet on the Elasticsearch of a started Lumbung; its report in Markdown. */
    public static FleetReport run(Lumbung lumbung, Options o) throws IOException, InterruptedException {
        URI es = lumbung.elasticsearchUrl();
        ElasticsearchClient client = lumbung.components().es().client();
        String prefix = lumbung.settings().indexPrefix() + "-fleet";
        Path logs = Files.createDirectories(o.work().resolve("runs"));
        double perSecond = cpuRate(es, client, o, prefix + "-cpu", logs);
        Corpus corpus = Corpus.prepare(o.work().resolve("corpus").resolve("fleet-n" + o.records() + "-p" + o.pageSize()),
                o.records(), o.pageSize(), o.seed(), "fleet", null);
        Process server = ChildJvm.startReading(List.of("-Xmx256m"), FleetServer.class,
                List.of(corpus.dir().toString(), Integer.toString(o.hosts()), Long.toString(o.latency())),
                logs.resolve("fleet-server.log"));
        Process run = null;
        try {
            int port = BenchRunner.port(server);
            int http = freePort();
            long start = System.nanoTime();
            run = startRun(lumbung, o, port, prefix, http, "fleet");
            IndexLayout layout = new IndexLayout(prefix, 0);
            int recorded = waitForReports(client, layout, o, run);
            double processSeconds = (System.nanoTime() - start) / 1e9;
            long[] memory = RunSampler.memory(run.pid());
            Map<String, Double> metrics = RunSampler.metrics(http);
            long live = RunSampler.liveHeap(run.pid());
            FleetReport.Observed seen = FleetReport.observe(client, layout, o, stats(port), recorded, processSeconds,
                    memory[0], memory[1]);
            ChildJvm.stop(run);
            run = null;
            FleetReport.Overhead overhead = new FleetReport.Overhead(live, oneSource(lumbung, o, port, prefix + "-one"),
                    metrics.getOrDefault("lumbung_runs_admitted_total", -1.0).longValue(),
                    metrics.getOrDefault("lumbung_run_scheduler_seconds_total", -1.0));
            return new FleetReport(o, lumbung.settings(), perSecond, seen, overhead);
        } finally {
            ChildJvm.stop(run);
            ChildJvm.stop(server);
        }
    }

    /** The fleet run by several workers on one prefix, with faults if asked ({@link FleetWorkers}); its report. */
    public static String workers(Lumbung lumbung, Options o, int workers, boolean kill, boolean freeze)
            throws IOException, InterruptedException {
        return FleetWorkers.run(lumbung, o, workers, kill, freeze);
    }

    /**
     * Lumbung's {@code run} over the fleet's source list (or as many of its sources as {@code o} names), in a JVM of
     * its own with the fleet's heap, its data folder and log named by {@code name}.
     */
    private static Process startRun(Lumbung lumbung, Options o, int port, String prefix, int http, String name)
            throws IOException {
        Indices.drop(lumbung.components().es().client(), prefix);
        return startWorker(lumbung, o, port, prefix, http, name, Map.of());
    }

    /**
     * One {@code run} of the fleet's source list on the prefix as it is (a worker joining others on it), with
     * settings of its own on top of the fleet's.
     */
    static Process startWorker(Lumbung lumbung, Options o, int port, String prefix, int http, String name,
                               Map<String, String> more) throws IOException {
        Path seeds = seeds(o, port, name);
        Path data = o.work().resolve(name + "-data");
        deleteTree(data);
        List<String> hosts = IntStream.range(0, o.hosts()).mapToObj(FleetServer::host).toList();
        List<String> args = new ArrayList<>(List.of("run", "--seeds", seeds.toString(), "--es",
                lumbung.elasticsearchUrl().toString(), "--index-prefix", prefix, "--data", data.toString(), "--port",
                Integer.toString(http),
                // the fleet lives on loopback, which Lumbung refuses unless the operator allows the hosts
                "-Dlumbung.http-client.allowed-hosts=" + String.join(",", hosts)));
        o.settings().forEach((k, v) -> args.add("-D" + k + "=" + v));
        more.forEach((k, v) -> args.add("-D" + k + "=" + v));
        return ChildJvm.start(WorkerJvm.options(o.heap(), List.of("-Dlogback.configurationFile=lumbung-logback.xml")),
                App.class, args, o.work().resolve("runs").resolve(name + "-run.log"));
    }

    /** The live heap of a {@code run} of the fleet's first source alone, once it is harvested: the fixed part. */
    private static long oneSource(Lumbung lumbung, Options fleet, int port, String prefix)
            throws IOException, InterruptedException {
        Options o = new Options(1, 1, fleet.records(), fleet.pageSize(), fleet.latency(), fleet.cpuRecords(),
                fleet.heap(), fleet.seed(), fleet.work(), fleet.settings());
        ElasticsearchClient client = lumbung.components().es().client();
        Process run = startRun(lumbung, o, port, prefix, freePort(), "one-source");
        try {
            waitForReports(client, new IndexLayout(prefix, 0), o, run);
            return RunSampler.liveHeap(run.pid());
        } finally {
            ChildJvm.stop(run);
            Indices.drop(client, prefix);
        }
    }

    /** Records per second of one source harvested without latency, Lumbung's CPU and indexing floor. */
    private static double cpuRate(URI es, ElasticsearchClient client, Options o, String prefix, Path logs)
            throws IOException, InterruptedException {
        Path corpora = Files.createDirectories(o.work().resolve("corpus"));
        Corpus corpus = Corpus.prepare(corpora, o.cpuRecords(), o.seed(), HarvestRun.SOURCE_ID, null);
        Process server = ChildJvm.startReading(List.of("-Xmx128m"), PageServer.class, List.of(corpora.toString()),
                logs.resolve("page-server.log"));
        try {
            Indices.drop(client, prefix);
            HarvestRun harvest = new HarvestRun(es, client, logs, WorkerJvm.options(o.heap(), List.of()), o.settings(), false);
            Measurement m = harvest.run(corpus, "http://127.0.0.1:" + BenchRunner.port(server) + "/n"
                    + o.cpuRecords() + "/oai", prefix);
            LOG.info("one source without latency: {} records/s", Math.round(m.perSecond()));
            return m.perSecond();
        } finally {
            ChildJvm.stop(server);
            Indices.drop(client, prefix);
        }
    }

    /** The source list: {@code h<host>-s<source>} at {@code http://127.0.0.<2+host>:<port>/h<host>-s<source>/oai}. */
    private static Path seeds(Options o, int port, String name) throws IOException {
        StringBuilder yaml = new StringBuilder("# the fleet benchmark's sources, written by bench --fleet\nsources:\n");
        for (int h = 0; h < o.hosts(); h++) {
            for (int s = 0; s < o.sources(); s++) {
                String id = String.format("h%03d-s%03d", h, s);
                yaml.append("  - id: ").append(id).append("\n    kind: oai\n    baseUrl: http://")
                        .append(FleetServer.host(h)).append(':').append(port).append('/').append(id)
                        .append("/oai\n    metadataPrefix: oai_dc\n    schedule: \"0 0 3 1 1 ?\"\n");
            }
        }
        Path file = o.work().resolve(name + "-sources.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    /** Waits until every source has a harvest report; the number that have one. */
    static int waitForReports(ElasticsearchClient client, IndexLayout layout, Options o, Process run)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Math.max(600,
                (long) o.fleetSources() * o.minimumRequests() * o.latency() / 1000));
        int recorded = 0;
        while (recorded < o.fleetSources() && System.nanoTime() < deadline && run.isAlive()) {
            Thread.sleep(500);
            recorded = FleetReport.reportedSources(client, layout).size();
        }
        if (recorded < o.fleetSources()) {
            LOG.warn("{} of {} sources have a recorded harvest{}", recorded, o.fleetSources(),
                    run.isAlive() ? " at the deadline" : "; run ended with " + run.exitValue());
        }
        return recorded;
    }

    /** What the fleet's servers counted, by host and by source. */
    static Map<String, int[]> stats(int port) throws IOException, InterruptedException {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://" + FleetServer.host(0) + ":" + port + "/stats")).build(),
                HttpResponse.BodyHandlers.ofString());
        Map<String, int[]> out = new HashMap<>();
        for (String line : answer.body().split("\n")) {
            String[] f = line.split(" ");
            if (f.length >= 3) {
                out.put(f[0] + " " + f[1], f.length == 4 ? new int[] {Integer.parseInt(f[2]), Integer.parseInt(f[3])}
                        : new int[] {Integer.parseInt(f[2])});
            }
        }
        return out;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path p : paths.sorted((a, b) -> b.compareTo(a)).collect(Collectors.toList())) {
                    Files.delete(p);
                }
            }
        }
    }
}
