package org.lumbung.bench;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.lumbung.config.Settings;
import org.lumbung.index.IndexLayout;

/** What the fleet benchmark saw, set beside its three bounds. */
public record FleetReport(Fleet.Options options, Settings settings, double perSecond, Observed seen,
                          Overhead overhead) {

    /**
     * What scheduling the fleet cost the run process.
     *
     * @param liveHeap          the run's heap in use after a forced full collection, every source harvested
     * @param oneSourceLiveHeap the same for a run of one source of the fleet
     * @param admitted          runs the scheduler admitted (its /metrics); -1 if unread
     * @param choosingSeconds   the time it spent choosing them, under its lock
     */
    public record Overhead(long liveHeap, long oneSourceLiveHeap, long admitted, double choosingSeconds) {
    }

    /**
     * @param recorded       sources with a recorded harvest
     * @param processSeconds from starting {@code run} to the last report seen (JVM and Camel start included)
     * @param harvestSeconds from the first harvest's start to the last one's end, as the reports say
     * @param latestStart    seconds from the first harvest's start to the last one's: the longest any source waited
     * @param requests       requests per source, as the servers counted them: fewest, mean, most
     * @param mostInFlight   the most requests ever in flight to one host
     * @param indexed        documents in the index
     * @param lost           records of the servers' lists missing from the index
     * @param again          records the reports say were indexed beyond the documents there (indexed twice)
     * @param incomplete     harvest reports not complete
     * @param fairness       each source's wait against its fair share
     */
    public record Observed(int recorded, double processSeconds, double harvestSeconds, double latestStart,
                           double[] requests, int mostInFlight, long indexed, long lost, long again, long incomplete,
                           long rss, long peakRss, FleetFairness.Verdict fairness) {
    }

    /** Source id to its harvest reports' count (oai harvests only). */
    static Map<String, Long> reportedSources(ElasticsearchClient client, IndexLayout layout) throws IOException {
        if (!client.indices().exists(e -> e.index(layout.harvestsIndex())).value()) {
            return Map.of();
        }
        client.indices().refresh(r -> r.index(layout.harvestsIndex()));
        return terms(client.search(s -> s.index(layout.harvestsIndex()).size(0)
                .query(q -> q.term(t -> t.field("kind").value("oai")))
                .aggregations("sources", a -> a.terms(t -> t.field("sourceId").size(65_536))), Void.class)
                .aggregations().get("sources"));
    }

    private static Map<String, Long> terms(Aggregate aggregate) {
        return aggregate.sterms().buckets().array().stream()
                .collect(Collectors.toMap(b -> b.key().stringValue(), StringTermsBucket::docCount));
    }

    static Observed observe(ElasticsearchClient client, IndexLayout layout, Fleet.Options o, Map<String, int[]> stats,
                            int recorded, double processSeconds, long rss, long peakRss) throws IOException {
        var harvests = client.search(s -> s.index(layout.harvestsIndex()).size(0)
                .query(q -> q.term(t -> t.field("kind").value("oai")))
                .aggregations("first", a -> a.min(m -> m.field("startedAt")))
                .aggregations("lastStart", a -> a.max(m -> m.field("startedAt")))
                .aggregations("end", a -> a.max(m -> m.field("finishedAt")))
                .aggregations("indexed", a -> a.sum(m -> m.field("indexed")))
                .aggregations("incomplete", a -> a.filter(f -> f.term(t -> t.field("complete").value(false)))),
                Void.class).aggregations();
        double first = harvests.get("first").min().value();
        long indexed = Indices.count(client, layout.recordsAlias());
        Map<String, Long> bySource = terms(client.search(s -> s.index(layout.recordsAlias()).size(0)
                .aggregations("sources", a -> a.terms(t -> t.field("provenance.sourceId").size(65_536))), Void.class)
                .aggregations().get("sources"));
        long present = 0;
        for (long n : bySource.values()) {
            present += Math.min(n, o.records());
        }
        long lost = (long) o.fleetSources() * o.records() - present;
        long again = Math.max(0, (long) harvests.get("indexed").sum().value() - indexed);
        Map<String, Integer> perSource = new HashMap<>();
        int most = 0;
        for (Map.Entry<String, int[]> e : stats.entrySet()) {
            if (e.getKey().startsWith("source ")) {
                perSource.put(e.getKey(), e.getValue()[0]);
            } else {
                most = Math.max(most, e.getValue()[0]);
            }
        }
        double[] requests = {
            perSource.values().stream().mapToInt(Integer::intValue).min().orElse(0),
            perSource.values().stream().mapToInt(Integer::intValue).average().orElse(0),
            perSource.values().stream().mapToInt(Integer::intValue).max().orElse(0)};
        return new Observed(recorded, processSeconds, (harvests.get("end").max().value() - first) / 1000,
                (harvests.get("lastStart").max().value() - first) / 1000, requests, most, indexed, lost, again,
                harvests.get("incomplete").filter().docCount(), rss, peakRss,
                FleetFairness.of(harvests(client, layout)));
    }

    /** Each source's harvest as its report holds it; a source's host is its id's {@code h<host>} part. */
    @SuppressWarnings("rawtypes")
    private static List<FleetFairness.Harvest> harvests(ElasticsearchClient client, IndexLayout layout)
            throws IOException {
        List<FleetFairness.Harvest> out = new ArrayList<>();
        for (Hit<Map> hit : client.search(s -> s.index(layout.harvestsIndex()).size(10_000)
                .query(q -> q.term(t -> t.field("kind").value("oai"))), Map.class).hits().hits()) {
            Map doc = hit.source();
            String id = (String) doc.get("sourceId");
            out.add(new FleetFairness.Harvest(id, id.substring(0, id.indexOf("-s")),
                    Instant.parse((String) doc.get("startedAt")).toEpochMilli(),
                    Instant.parse((String) doc.get("finishedAt")).toEpochMilli()));
        }
        return out;
    }

    int concurrency() {
        return settings.integer("lumbung.harvest.concurrency", 1, 1_000_000);
    }

    int hostConcurrency() {
        return settings.integer("lumbung.harvest.host-concurrency", 1, 100);
    }

    /** The busiest host's minimum requests, served host-concurrency at a time. */
    double politenessBound() {
        return (double) options.sources() * options.minimumRequests() * options.latency() / 1000 / hostConcurrency();
    }

    /** Every record at the rate one source is harvested without latency. */
    double cpuBound() {
        return (double) options.fleetSources() * options.records() / perSecond;
    }

    /** Every minimum request, lumbung.harvest.concurrency at a time. */
    double concurrencyBound() {
        return (double) options.fleetSources() * options.minimumRequests() * options.latency() / 1000
                / concurrency();
    }

    public String markdown() {
        Fleet.Options o = options;
        double largest = Math.max(politenessBound(), Math.max(cpuBound(), concurrencyBound()));
        String bounding = largest == cpuBound() ? "CPU" : largest == politenessBound() ? "politeness" : "concurrency";
        StringBuilder md = new StringBuilder();
        md.append(f("## Fleet: %d hosts x %d sources x %d records (pages of %d), %d ms an answer%n%n", o.hosts(),
                o.sources(), o.records(), o.pageSize(), o.latency()));
        md.append(f("Settings: lumbung.harvest.concurrency=%d, host-concurrency=%d, -Xmx%s%n%n", concurrency(),
                hostConcurrency(), o.heap()));
        md.append("| figure | value |\n|---|---|\n");
        md.append(f("| sources with a recorded harvest | %d of %d |%n", seen.recorded(), o.fleetSources()));
        md.append(f("| wall time (first harvest start to last end) | %.1f s |%n", seen.harvestSeconds()));
        md.append(f("| wall time (run started to last report seen) | %.1f s |%n", seen.processSeconds()));
        md.append(f("| records per second, fleet / one source | %.0f / %.0f |%n",
                o.fleetSources() * o.records() / seen.harvestSeconds(), perSecond));
        md.append(f("| politeness bound (%d x %d requests x %.2f s / %d) | %.1f s |%n", o.sources(),
                o.minimumRequests(), o.latency() / 1000.0, hostConcurrency(), politenessBound()));
        md.append(f("| CPU bound (%d records / %.0f records/s, one source, %d records, no latency) | %.1f s |%n",
                o.fleetSources() * o.records(), perSecond, o.cpuRecords(), cpuBound()));
        md.append(f("| concurrency bound (%d x %d requests x %.2f s / %d) | %.1f s |%n", o.fleetSources(),
                o.minimumRequests(), o.latency() / 1000.0, concurrency(), concurrencyBound()));
        md.append(f("| wall time / largest bound (%s) | %.2f |%n", bounding, seen.harvestSeconds() / largest));
        md.append(f("| requests per source: fewest, mean, most (minimum %d) | %.0f, %.2f, %.0f |%n",
                o.minimumRequests(), seen.requests()[0], seen.requests()[1], seen.requests()[2]));
        md.append(f("| most requests in flight to one host | %d |%n", seen.mostInFlight()));
        md.append(f("| longest wait (first start to last start) | %.1f s |%n", seen.latestStart()));
        md.append(f("| records in the index / on the servers | %d / %d |%n", seen.indexed(),
                (long) o.fleetSources() * o.records()));
        md.append(f("| records lost / indexed twice / incomplete harvests | %d / %d / %d |%n", seen.lost(),
                seen.again(), seen.incomplete()));
        md.append(f("| run JVM resident set at the end, peak; peak per source | %d MB, %d MB; %d kB |%n",
                seen.rss() >> 20, seen.peakRss() >> 20, seen.peakRss() / 1024 / Math.max(1, o.fleetSources())));
        fairness(md);
        overhead(md);
        return md.toString();
    }

    /** Each source's wait (its start minus the first start) against its fair share ({@link FleetFairness}). */
    private void fairness(StringBuilder md) {
        FleetFairness.Verdict v = seen.fairness();
        if (v.worst() == null) {
            return;
        }
        FleetFairness.Wait worst = v.worst();
        md.append(f("| largest wait / fair share by the fleet's pace (the k-th of a host's n sources by the time"
                + " (k-1)/n of the runs and one round had started): %s, %d of %d on its host, waited %.1f s, share"
                + " %.1f s | %.2f |%n", worst.source(), worst.rank(), worst.of(), worst.waited(), worst.share(),
                worst.ratio()));
        md.append(f("| sources waiting more than twice their fair share, by the fleet's pace | %d of %d |%n", v.over(2),
                v.waits().size()));
        FleetFairness.Wait late = v.worstInTime();
        md.append(f("| largest wait / fair share by the clock ((k-1)/n of %.1f s, at least one mean source, %.2f s):"
                + " %s, %d of %d, waited %.1f s, share %.1f s | %.2f |%n", v.harvestSeconds(), v.meanSeconds(),
                late.source(), late.rank(), late.of(), late.waited(), late.timeShare(), late.timeRatio()));
        md.append(f("| sources waiting more than twice their fair share, by the clock | %d of %d |%n",
                v.overInTime(2), v.waits().size()));
    }

    /** Scheduler decisions and the live heap a source costs the run process. */
    private void overhead(StringBuilder md) {
        Overhead h = overhead;
        if (h.admitted() >= 0) {
            md.append(f("| runs admitted; per second of harvest wall time | %d; %.1f |%n", h.admitted(),
                    h.admitted() / seen.harvestSeconds()));
            md.append(f("| time choosing them (under the scheduler's lock); per decision; decisions it could make a"
                    + " second | %.1f ms; %.1f µs; %.0f |%n", h.choosingSeconds() * 1000,
                    h.choosingSeconds() * 1e6 / Math.max(1, h.admitted()), h.admitted() / h.choosingSeconds()));
        }
        if (h.liveHeap() > 0 && h.oneSourceLiveHeap() > 0) {
            int n = options.fleetSources();
            md.append(f("| live heap after a forced GC, every source harvested: %d sources / one source; per source"
                    + " ((fleet - one) / %d) | %.1f MB / %.1f MB; %.1f kB |%n", n, n - 1, h.liveHeap() / 1048576.0,
                    h.oneSourceLiveHeap() / 1048576.0, (h.liveHeap() - h.oneSourceLiveHeap()) / 1024.0
                            / Math.max(1, n - 1)));
        }
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
