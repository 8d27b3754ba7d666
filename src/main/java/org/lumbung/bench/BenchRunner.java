package org.lumbung.bench;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lumbung.crosswalk.Crosswalks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the benchmark: renders each corpus, starts the page server, warms the node up (a harvest and a {@code _bulk}
 * of the first corpus, neither measured), then for each size and run indexes the corpus three times on the same
 * Elasticsearch, by Lumbung, by the ceiling of its own documents and by the ceiling of plain Dublin Core, each into a
 * fresh index that is counted and dropped afterwards. Lumbung then harvests the whole list again into the index it
 * filled (a full re-harvest: every record found in its document and written again), measured apart. The order turns
 * from run to run, so that no side always finds the node warmer.
 */
final class BenchRunner {

    private static final Logger LOG = LoggerFactory.getLogger("lumbung.bench");

    /**
     * A size's measurements, run by run; {@code again}: Lumbung's second harvest of the whole list (none in the
     * memory runs, without the ceilings).
     */
    record SizeResult(int records, List<Measurement> lumbung, List<Measurement> bulk, List<Measurement> plain,
                      List<Measurement> again) {
    }

    private final URI es;
    private final ElasticsearchClient client;
    private final Bench.Options options;
    private final String prefix;

    /**
     * Measurements go to indices named {@code <prefix>-lumbung-n<records>-r<run>}, {@code <prefix>-bulk-...} and
     * {@code <prefix>-plain-...}.
     */
    BenchRunner(URI es, ElasticsearchClient client, Bench.Options options, String prefix) {
        this.es = es;
        this.client = client;
        this.options = options;
        this.prefix = prefix;
    }

    List<SizeResult> run(Crosswalks crosswalks) throws IOException, InterruptedException {
        Path corpora = Files.createDirectories(options.work().resolve("corpus"));
        Path logs = Files.createDirectories(options.work().resolve("runs"));
        List<Corpus> corpusList = new ArrayList<>();
        for (int size : options.sizes()) {
            corpusList.add(Corpus.prepare(corpora, size, options.seed(), HarvestRun.SOURCE_ID,
                    options.bulkInFlight() == 0 ? null : crosswalks));
        }
        List<String> jvm = new ArrayList<>(WorkerJvm.options(options.heap(), options.jvmOptions()));
        if (options.liveSample() > 0) {
            jvm.add("-Dlumbung.bench.live-sample=" + options.liveSample());
        }
        HarvestRun harvest = new HarvestRun(es, client, logs, jvm, options.settings(), options.profile());
        BulkCeiling ceiling = new BulkCeiling(es, client, Math.max(1, options.bulkInFlight()));
        Process server = ChildJvm.startReading(List.of("-Xmx128m"), PageServer.class, List.of(corpora.toString()),
                logs.resolve("page-server.log"));
        try {
            String root = "http://127.0.0.1:" + port(server);
            // A fresh node runs its code interpreted at first, and a harvest asks it for more than a _bulk does
            // (real-time gets, searches by key and by title, conditional writes): warm both up, so that the first
            // measured run, whichever side goes first, finds the node as the later ones do and as a node that has
            // served harvests for days would. The harvest's own JVM is a fresh one in every run all the same.
            Corpus first = corpusList.get(0);
            measure(new Step(prefix + "-warmup-harvest", first.records(),
                    p -> harvest.run(first, oaiUrl(root, first), p), new ArrayList<>()));
            if (options.bulkInFlight() > 0) {
                measure(new Step(prefix + "-warmup", first.records(), p -> ceiling.run(first, p), new ArrayList<>()));
            }
            List<SizeResult> results = new ArrayList<>();
            for (Corpus corpus : corpusList) {
                results.add(measure(corpus, oaiUrl(root, corpus), harvest, ceiling));
            }
            return results;
        } finally {
            ChildJvm.stop(server);
        }
    }

    /** The runs of one size: the ceilings, then Lumbung in the first run, and each run the order turned by one. */
    private SizeResult measure(Corpus corpus, String baseUrl, HarvestRun harvest, BulkCeiling ceiling)
            throws IOException, InterruptedException {
        SizeResult result = new SizeResult(corpus.records(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                new ArrayList<>());
        for (int run = 1; run <= options.runs(); run++) {
            String tag = "n" + corpus.records() + "-r" + run;
            int n = corpus.records();
            // The memory runs (--harvest-only) harvest once: a million records again would double the longest run.
            Step lumbung = new Step(prefix + "-lumbung-" + tag, n, p -> harvest.run(corpus, baseUrl, p),
                    result.lumbung(), options.bulkInFlight() == 0 ? p -> { } : p -> result.again().add(
                            Indices.measureMore(client, p, q -> harvest.again(corpus, baseUrl, q))));
            Step bulk = new Step(prefix + "-bulk-" + tag, n, p -> ceiling.run(corpus, p), result.bulk());
            Step plain = new Step(prefix + "-plain-" + tag, n, p -> ceiling.plain(corpus, p), result.plain());
            List<Step> steps = new ArrayList<>(options.bulkInFlight() == 0 ? List.of(lumbung)
                    : List.of(bulk, plain, lumbung));
            java.util.Collections.rotate(steps, run - 1);
            for (Step step : steps) {
                step.into().add(measure(step));
            }
            LOG.info("{} records, run {}: Lumbung {} records/s{}", corpus.records(), run,
                    Math.round(last(result.lumbung()).perSecond()), result.bulk().isEmpty() ? ""
                            : " (again " + Math.round(last(result.again()).perSecond()) + "), _bulk "
                            + Math.round(last(result.bulk()).perSecond()) + " records/s, plain _bulk "
                            + Math.round(last(result.plain()).perSecond()) + " records/s");
        }
        return result;
    }

    /**
     * One side of one run: its index prefix, the records it indexes, what it does, where its measurement goes, and
     * what is measured on its indices after it, before they are dropped.
     */
    private record Step(String prefix, int records, Indices.Measured measured, List<Measurement> into, Then then) {

        Step(String prefix, int records, Indices.Measured measured, List<Measurement> into) {
            this(prefix, records, measured, into, p -> { });
        }
    }

    /** A further measurement on a step's indices. */
    @FunctionalInterface
    private interface Then {
        void run(String prefix) throws IOException, InterruptedException;
    }

    private Measurement measure(Step step) throws IOException, InterruptedException {
        return Indices.measure(client, step.prefix(), step.records(), step.measured(), m -> {
            step.then().run(step.prefix());
            return m;
        });
    }

    private static Measurement last(List<Measurement> runs) {
        return runs.get(runs.size() - 1);
    }

    /** Where the page server serves this corpus over OAI-PMH. */
    private static String oaiUrl(String root, Corpus corpus) {
        return root + "/n" + corpus.records() + "/oai";
    }

    /** The port the page server printed, once it listens. */
    static int port(Process server) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        if (line == null || !line.startsWith("port ")) {
            throw new IOException("the page server did not start (it said: " + line + ")");
        }
        return Integer.parseInt(line.substring(5).trim());
    }
}
