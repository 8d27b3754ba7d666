package org.lumbung.bench;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import java.io.IOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.lumbung.config.Settings;
import org.lumbung.index.IndexLayout;

/** What the fleet benchmark saw, set beside its three bounds. */
public record FleetReport(Fleet.Options options, Settings settings, double perSecond, Observed seen) {

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
     */
    public record Observed(int recorded, double processSeconds, double harvestSeconds, double latestStart,
                           double[] requests, int mostInFlight, long indexed, long lost, long again, long incomplete,
                           long rss, long peakRss) {
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
                harvests.get("incomplete").filter().docCount(), rss, peakRss);
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
        return md.toString();
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
