package org.lumbung.bench;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.lumbung.config.Lumbung;
import org.lumbung.index.IndexLayout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fleet with several workers ({@code bench --fleet --fleet-workers N}): N {@code run} processes on one
 * Elasticsearch and one index prefix, started a few seconds apart with {@code at-start=due}, a short lease and a
 * frequent takeover sweep; optionally one worker killed with SIGKILL once a third of the sources are recorded, and
 * another frozen with SIGSTOP for two and a half leases, then resumed. What it checks against issue 16's targets:
 * every source harvested once (one report each), never more than one request in flight to a host across all
 * workers, no record lost or indexed twice, the takeovers and the frozen worker's refused writes, from each
 * surviving worker's /metrics.
 */
final class FleetWorkers {

    private static final Logger LOG = LoggerFactory.getLogger("lumbung.bench");
    private static final long LEASE_SECONDS = 10;

    /** One worker: its process, its HTTP port, its name in the logs. */
    private record Worker(String name, Process process, int http) {
    }

    private FleetWorkers() {
    }

    static String run(Lumbung lumbung, Fleet.Options o, int workers, boolean kill, boolean freeze)
            throws IOException, InterruptedException {
        ElasticsearchClient client = lumbung.components().es().client();
        String prefix = lumbung.settings().indexPrefix() + "-fleet-workers";
        Path logs = Files.createDirectories(o.work().resolve("runs"));
        Corpus corpus = Corpus.prepare(o.work().resolve("corpus").resolve("fleet-n" + o.records() + "-p" + o.pageSize()),
                o.records(), o.pageSize(), o.seed(), "fleet", null);
        Process server = ChildJvm.startReading(List.of("-Xmx256m"), FleetServer.class,
                List.of(corpus.dir().toString(), Integer.toString(o.hosts()), Long.toString(o.latency())),
                logs.resolve("fleet-workers-server.log"));
        List<Worker> started = new ArrayList<>();
        try {
            int port = BenchRunner.port(server);
            Indices.drop(client, prefix);
            Map<String, String> cluster = Map.of("lumbung.harvest.at-start", "due",
                    "lumbung.harvest.lease", LEASE_SECONDS + "s", "lumbung.sources.takeover-interval", "2s");
            long start = System.nanoTime();
            for (int w = 0; w < workers; w++) {
                int http = Fleet.freePort();
                String name = "worker-" + (w + 1);
                started.add(new Worker(name, Fleet.startWorker(lumbung, o, port, prefix, http, name, cluster), http));
                if (w + 1 < workers) {
                    Thread.sleep(3_000); // apart, as workers started by hand or by an orchestrator are
                }
            }
            IndexLayout layout = new IndexLayout(prefix, 0);
            Worker killed = kill && workers >= 2 ? started.get(1) : null;
            Worker frozen = freeze && workers >= 3 ? started.get(2) : null;
            String faults = injectFaults(client, layout, o, killed, frozen);
            int recorded = Fleet.waitForReports(client, layout, o, started.get(0).process());
            double seconds = (System.nanoTime() - start) / 1e9;
            awaitIdle(started, killed);
            Map<String, Long> reports = FleetReport.reportedSources(client, layout);
            FleetReport.Observed seen = FleetReport.observe(client, layout, o, Fleet.stats(port), recorded, seconds,
                    0, 0);
            StringBuilder md = new StringBuilder(String.format(Locale.ROOT,
                    "## Fleet with %d workers: %d hosts x %d sources x %d records, %d ms an answer, lease %d s%n%n",
                    workers, o.hosts(), o.sources(), o.records(), o.latency(), LEASE_SECONDS));
            md.append(faults).append('\n');
            md.append("| figure | value |\n|---|---|\n");
            row(md, "wall time, first worker's start to every source recorded", f("%.1f s", seconds));
            row(md, "sources recorded", recorded + " of " + o.fleetSources());
            row(md, "sources with more than one harvest report (run twice)",
                    Long.toString(reports.values().stream().filter(n -> n > 1).count()));
            row(md, "most requests in flight to one host, all workers", Integer.toString(seen.mostInFlight()));
            row(md, "records lost / indexed twice / incomplete reports",
                    seen.lost() + " / " + seen.again() + " / " + seen.incomplete());
            md.append("\n| worker | state | claims | conflicts | takeovers | longest lease expired at takeover"
                    + " | fenced writes |\n|---|---|---|---|---|---|---|\n");
            for (Worker w : started) {
                Map<String, Double> m = w.process().isAlive() ? RunSampler.metrics(w.http()) : Map.of();
                md.append("| ").append(w.name()).append(" | ").append(w == killed ? "killed (SIGKILL)"
                        : w == frozen ? "frozen (SIGSTOP), resumed" : "ran throughout").append(" | ")
                        .append(count(m, "lumbung_lease_claims_total")).append(" | ")
                        .append(count(m, "lumbung_lease_conflicts_total")).append(" | ")
                        .append(count(m, "lumbung_lease_takeovers_total")).append(" | ")
                        .append(m.containsKey("lumbung_lease_takeover_lag_seconds_max")
                                ? f("%.1f s", m.get("lumbung_lease_takeover_lag_seconds_max")) : "-").append(" | ")
                        .append(count(m, "lumbung_lease_fenced_writes_total")).append(" |\n");
            }
            md.append(f("%nA takeover within twice the lease means a lease expired at most %d s before it was taken"
                    + " over (the worker stops renewing at the fault; its lease runs out %d s later).%n",
                    LEASE_SECONDS, LEASE_SECONDS));
            return md.toString();
        } finally {
            for (Worker w : started) {
                if (w.process().isAlive()) {
                    signal("CONT", w.process());
                }
                ChildJvm.stop(w.process());
            }
            ChildJvm.stop(server);
        }
    }

    /** Kills and freezes once a third of the sources are recorded; the frozen worker resumes after 2.5 leases. */
    private static String injectFaults(ElasticsearchClient client, IndexLayout layout, Fleet.Options o, Worker killed,
                                       Worker frozen) throws IOException, InterruptedException {
        if (killed == null && frozen == null) {
            return "No fault injected.\n";
        }
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        int third = o.fleetSources() / 3;
        while (FleetReport.reportedSources(client, layout).size() < third && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        // A fault only tests something while the worker holds runs: wait (a minute at most) until each does.
        long holding = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        for (Worker w : java.util.Arrays.asList(killed, frozen)) {
            while (w != null && System.nanoTime() < holding
                    && RunSampler.metrics(w.http()).getOrDefault("lumbung_leases_held", 0.0) < 1) {
                Thread.sleep(100);
            }
        }
        int recorded = FleetReport.reportedSources(client, layout).size();
        StringBuilder out = new StringBuilder();
        if (killed != null) {
            killed.process().destroyForcibly();
            out.append(killed.name()).append(" killed with SIGKILL at ").append(recorded)
                    .append(" sources recorded, while it held runs. ");
        }
        if (frozen != null) {
            signal("STOP", frozen.process());
            Thread.sleep(LEASE_SECONDS * 2_500);
            signal("CONT", frozen.process());
            out.append(frozen.name()).append(" frozen with SIGSTOP at the same moment, while it held runs, for ")
                    .append(LEASE_SECONDS * 5 / 2).append(" s, then resumed.");
        }
        LOG.info("{}", out);
        return out.append('\n').toString();
    }

    /** Waits until the surviving workers run nothing (their late writes are counted by then). */
    private static void awaitIdle(List<Worker> workers, Worker killed) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        for (Worker w : workers) {
            while (w != killed && w.process().isAlive() && System.nanoTime() < deadline
                    && RunSampler.metrics(w.http()).getOrDefault("lumbung_leases_held", 0.0) > 0) {
                Thread.sleep(500);
            }
        }
    }

    private static void signal(String signal, Process process) throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start().waitFor();
    }

    private static String count(Map<String, Double> metrics, String name) {
        Double v = metrics.get(name);
        return v == null ? "-" : Long.toString(v.longValue());
    }

    private static void row(StringBuilder md, String figure, String value) {
        md.append("| ").append(figure).append(" | ").append(value).append(" |\n");
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
