package org.lumbung.bench;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.lumbung.index.IndexLayout;

/**
 * One harvest of a corpus by Lumbung, in a child JVM with its heap capped: the real {@code harvest} command (Identify,
 * the ListRecords loop, the index route, the BulkIngester) under {@link HarvestProbe}. The time is the harvester's
 * own, from the report it stores (first request to last record acknowledged); the memory figures are the probe's.
 */
final class HarvestRun {

    static final String SOURCE_ID = "bench";

    private final URI es;
    private final ElasticsearchClient client;
    private final Path work;
    private final List<String> jvmOptions;
    private final Map<String, String> settings;
    private final boolean profile;

    /**
     * @param jvmOptions the child's JVM options (-Xmx first)
     * @param settings   Lumbung settings handed on to the harvest as {@code -Dkey=value}
     * @param profile    whether the child records a Flight Recorder profile, {@code <prefix>.jfr}
     */
    HarvestRun(URI es, ElasticsearchClient client, Path work, List<String> jvmOptions, Map<String, String> settings,
               boolean profile) {
        this.es = es;
        this.client = client;
        this.work = work;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.settings = Map.copyOf(settings);
        this.profile = profile;
    }

    /** A first harvest of the corpus into fresh indices under the prefix. */
    Measurement run(Corpus corpus, String baseUrl, String prefix) throws IOException, InterruptedException {
        return harvest(corpus, baseUrl, prefix, "lumbung", List.of());
    }

    /**
     * The whole list harvested again into the indices a {@link #run} filled, as a full re-harvest asks for it (from
     * before the corpus's first datestamp): every record found in its document, read and written again.
     */
    Measurement again(Corpus corpus, String baseUrl, String prefix) throws IOException, InterruptedException {
        return harvest(corpus, baseUrl, prefix, "again",
                List.of("--from", RecordGenerator.EARLIEST.minusSeconds(86_400).toString().substring(0, 10)));
    }

    /** A harvest measured as {@code side}; the first's files are named after the prefix, a further one's after both. */
    private Measurement harvest(Corpus corpus, String baseUrl, String prefix, String side, List<String> more)
            throws IOException, InterruptedException {
        String pass = "lumbung".equals(side) ? "" : "." + side;
        Path probe = work.resolve(prefix + pass + ".probe.properties");
        Path log = work.resolve(prefix + pass + ".log");
        Files.deleteIfExists(probe);
        List<String> args = new ArrayList<>(List.of(probe.toString(), "harvest", baseUrl, "--source", SOURCE_ID,
                "--no-windows", "--es", es.toString(), "--index-prefix", prefix, "--data",
                work.resolve("harvest-data").toString()));
        args.addAll(more);
        settings.forEach((k, v) -> args.add("-D" + k + "=" + v));
        List<String> jvm = new ArrayList<>(jvmOptions);
        if (profile) {
            jvm.add("-XX:StartFlightRecording=settings=profile,filename=" + work.resolve(prefix + pass + ".jfr"));
        }
        Process harvest = ChildJvm.start(jvm, HarvestProbe.class, args, log);
        try {
            // Far more than any harvest needs, even of a million records on a busy machine.
            if (!harvest.waitFor(Math.max(600, corpus.records() / 50), TimeUnit.SECONDS)) {
                throw new IOException("the harvest of " + corpus.records() + " records did not end; see " + log);
            }
        } finally {
            ChildJvm.stop(harvest);
        }
        Properties cost = new Properties();
        if (!Files.exists(probe)) {
            throw new IOException("the harvest ended with status " + harvest.exitValue() + " and no figures; see "
                    + log);
        }
        try (InputStream in = Files.newInputStream(probe)) {
            cost.load(in);
        }
        IndexLayout layout = new IndexLayout(prefix, 0);
        Map<?, ?> report = lastReport(layout);
        long documents = Indices.count(client, layout.recordsAlias());
        long indexed = ((Number) report.get("indexed")).longValue();
        if (!"0".equals(cost.getProperty("status")) || indexed != corpus.records() || documents != corpus.records()) {
            throw new IOException("the harvest indexed " + indexed + " of " + corpus.records() + " records into "
                    + documents + " documents (status " + cost.getProperty("status") + "); see " + log);
        }
        return new Measurement(side, corpus.records(), ((Number) report.get("seconds")).doubleValue(),
                number(cost, "cpuSeconds"), (long) number(cost, "peakHeapUsed"), (long) number(cost, "peakHeapAfterGc"),
                (long) number(cost, "peakLiveHeap"), (long) number(cost, "peakRss"),
                number(cost, "compileMillis") / 1000, number(cost, "pauseMillis") / 1000, 0);
    }

    /** The last report the harvester stored: its duration as it measured it, and the records it indexed. */
    @SuppressWarnings("rawtypes")
    private Map lastReport(IndexLayout layout) throws IOException {
        client.indices().refresh(r -> r.index(layout.harvestsIndex()));
        var hits = client.search(s -> s.index(layout.harvestsIndex()).size(1)
                .query(q -> q.term(t -> t.field("kind").value("oai")))
                .sort(o -> o.field(f -> f.field("startedAt").order(SortOrder.Desc))), Map.class).hits().hits();
        if (hits.isEmpty() || hits.get(0).source() == null) {
            throw new IOException("the harvest stored no report in " + layout.harvestsIndex());
        }
        return hits.get(0).source();
    }

    private static double number(Properties p, String key) {
        return Double.parseDouble(p.getProperty(key, "0"));
    }
}
