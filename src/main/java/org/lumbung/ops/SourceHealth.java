package org.lumbung.ops;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lumbung.index.IndexLayout;
import org.lumbung.source.SourceState;
import org.lumbung.source.SourceStore;

/**
 * How each source's harvests go, read from Elasticsearch so that every Lumbung on a cluster tells the same story:
 * the last run from {@code <prefix>-sources}, and the last complete harvest from {@code <prefix>-harvests} (a failed
 * run leaves the source's last success where it was), and each source's last audit.
 */
public final class SourceHealth {

    /** A source's last audit: when it finished, its outcome, and its counts (advertised null: not announced). */
    public record Audit(String finishedAt, String outcome, Long advertised, int listed, int indexed, int missing,
                        int stale, int extra) {
    }

    /**
     * One source: its last run, when it last harvested completely (null: never), its open alert conditions, the last
     * move of its base URL seen and the move an operator accepted (each null when none).
     */
    public record Entry(String id, String kind, SourceState.LastRun lastRun, Instant lastSuccess,
                        Map<String, SourceState.Alert> alerts, SourceState.Move moved, SourceState.Move moveAccepted) {
    }

    private final ElasticsearchClient client;
    private final IndexLayout layout;
    private final SourceStore sources;

    public SourceHealth(ElasticsearchClient client, IndexLayout layout, SourceStore sources) {
        this.client = client;
        this.layout = layout;
        this.sources = sources;
    }

    public List<Entry> entries() throws IOException {
        Map<String, Instant> harvested = lastCompleteHarvests();
        List<Entry> out = new ArrayList<>();
        for (SourceState s : sources.sources()) {
            Instant success = harvested.get(s.id());
            SourceState.LastRun run = s.lastRun();
            if (run != null && run.outcome() != null && run.outcome().startsWith("complete") && run.finishedAt() != null) {
                Instant finished = Instant.parse(run.finishedAt());
                success = success == null || finished.isAfter(success) ? finished : success;
            }
            String kind = s.definition().kind().name().toLowerCase(java.util.Locale.ROOT);
            out.add(new Entry(s.id(), kind, run, success, s.alerts(), s.moved(), s.moveAccepted()));
        }
        return out;
    }

    /**
     * The health report's part about sources: each with its last run, last success and open alert conditions, and its
     * moves when it has any.
     */
    public Map<String, Object> describe() throws IOException {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Entry e : entries()) {
            Map<String, Object> source = new LinkedHashMap<>();
            source.put("kind", e.kind());
            source.put("lastRun", e.lastRun());
            source.put("lastSuccess", e.lastSuccess() == null ? null : e.lastSuccess().toString());
            source.put("alerts", e.alerts());
            if (e.moved() != null) {
                source.put("moved", e.moved());
            }
            if (e.moveAccepted() != null) {
                source.put("moveAccepted", e.moveAccepted());
            }
            out.put(e.id(), source);
        }
        return out;
    }

    /** Each audited source's last audit, from {@code <prefix>-harvests}. */
    @SuppressWarnings("rawtypes")
    public Map<String, Audit> lastAudits() throws IOException {
        Map<String, Audit> out = new HashMap<>();
        client.search(s -> s.index(layout.harvestsIndex()).size(10_000)
                .query(q -> q.term(t -> t.field("kind").value("audit")))
                .collapse(c -> c.field("sourceId"))
                .sort(o -> o.field(f -> f.field("finishedAt").order(SortOrder.Desc))), Map.class)
                .hits().hits().forEach(h -> {
                    Map doc = h.source();
                    if (doc != null) {
                        Object advertised = doc.get("advertised");
                        out.put(String.valueOf(doc.get("sourceId")), new Audit(String.valueOf(doc.get("finishedAt")),
                                String.valueOf(doc.get("outcome")),
                                advertised instanceof Number n ? n.longValue() : null, count(doc, "listed"),
                                count(doc, "indexed"), count(doc, "missing"), count(doc, "stale"),
                                count(doc, "extra")));
                    }
                });
        return out;
    }

    private static int count(Map<?, ?> doc, String field) {
        return doc.get(field) instanceof Number n ? n.intValue() : 0;
    }

    private Map<String, Instant> lastCompleteHarvests() throws IOException {
        List<StringTermsBucket> buckets = client.search(s -> s.index(layout.harvestsIndex()).size(0)
                // an audit's report is no harvest: a complete audit does not make a source fresh; nor does one set
                // read completely while another failed (the run's outcome, over all its sets, says when all were)
                .query(q -> q.bool(b -> b.filter(f -> f.term(t -> t.field("complete").value(true)))
                        .mustNot(m -> m.term(t -> t.field("kind").value("audit")))
                        .mustNot(m -> m.regexp(r -> r.field("set").value(".+")))))
                .aggregations("sources", a -> a.terms(t -> t.field("sourceId").size(10_000))
                        .aggregations("last", l -> l.max(m -> m.field("finishedAt")))), Void.class)
                .aggregations().get("sources").sterms().buckets().array();
        Map<String, Instant> out = new HashMap<>();
        for (StringTermsBucket b : buckets) {
            double millis = b.aggregations().get("last").max().value();
            if (!Double.isNaN(millis) && !Double.isInfinite(millis)) {
                out.put(b.key().stringValue(), Instant.ofEpochMilli((long) millis));
            }
        }
        return out;
    }
}
