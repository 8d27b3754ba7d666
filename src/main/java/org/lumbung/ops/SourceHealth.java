package org.lumbung.ops;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TermQuery;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.lumbung.index.EsPages;
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
            out.add(new Entry(s.id(), kind(s), s.lastRun(), lastSuccess(s, harvested), s.alerts(), s.moved(),
                    s.moveAccepted()));
        }
        return out;
    }

    /** Each source as the operator page shows it: its state, runs, audit, records, alerts and lease holder. */
    public List<SourceSummary> summaries() throws IOException {
        Map<String, Instant> harvested = lastCompleteHarvests();
        Map<String, Audit> audits = lastAudits();
        Map<String, Long> records = liveRecords();
        List<SourceSummary> out = new ArrayList<>();
        for (SourceState s : sources.sources()) {
            out.add(new SourceSummary(s.id(), s.definition().name(), kind(s), s.paused(), s.stopRequested() != null,
                    s.lastRun(), lastSuccess(s, harvested), s.definition().freshness(),
                    records.getOrDefault(s.id(), 0L), audits.get(s.id()), s.alerts(),
                    sources.holder(s).orElse(null), s.moved()));
        }
        return out;
    }

    private static String kind(SourceState s) {
        return s.definition().kind().name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The later of the last complete harvest reported and the source's last run, when that was complete. */
    private static Instant lastSuccess(SourceState s, Map<String, Instant> harvested) {
        Instant success = harvested.get(s.id());
        SourceState.LastRun run = s.lastRun();
        if (run != null && run.outcome() != null && run.outcome().startsWith("complete") && run.finishedAt() != null) {
            Instant finished = Instant.parse(run.finishedAt());
            success = success == null || finished.isAfter(success) ? finished : success;
        }
        return success;
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
        Aggregation last = Aggregation.of(a -> a.topHits(t -> t.size(1)
                .sort(o -> o.field(f -> f.field("finishedAt").order(SortOrder.Desc)))));
        EsPages.terms(client, layout.harvestsIndex(), TermQuery.of(t -> t.field("kind").value("audit"))._toQuery(),
                "sourceId", Map.of("last", last), b -> b.aggregations().get("last").topHits().hits().hits().stream()
                        .map(h -> h.source() == null ? null : h.source().to(Map.class))
                        .filter(Objects::nonNull)
                        .forEach(doc -> out.put(EsPages.term(b), audit(doc))));
        return out;
    }

    private static Audit audit(Map<?, ?> doc) {
        Object advertised = doc.get("advertised");
        return new Audit(String.valueOf(doc.get("finishedAt")), String.valueOf(doc.get("outcome")),
                advertised instanceof Number n ? n.longValue() : null, count(doc, "listed"), count(doc, "indexed"),
                count(doc, "missing"), count(doc, "stale"), count(doc, "extra"));
    }

    private static int count(Map<?, ?> doc, String field) {
        return doc.get(field) instanceof Number n ? n.intValue() : 0;
    }

    /** How many live records (not tombstones) each source contributes to, by source id. */
    private Map<String, Long> liveRecords() throws IOException {
        Map<String, Long> out = new HashMap<>();
        EsPages.terms(client, layout.recordsAlias(), BoolQuery.of(b -> b.mustNot(m -> m.term(t -> t.field("deleted")
                .value(true))))._toQuery(), "provenance.sourceId", Map.of(), b -> out.put(EsPages.term(b), b.docCount()));
        return out;
    }

    private Map<String, Instant> lastCompleteHarvests() throws IOException {
        // an audit's report is no harvest: a complete audit does not make a source fresh; nor does one set read
        // completely while another failed (the run's outcome, over all its sets, says when all were)
        Query complete = BoolQuery.of(b -> b.filter(f -> f.term(t -> t.field("complete").value(true)))
                .mustNot(m -> m.term(t -> t.field("kind").value("audit")))
                .mustNot(m -> m.regexp(r -> r.field("set").value(".+"))))._toQuery();
        Map<String, Instant> out = new HashMap<>();
        EsPages.terms(client, layout.harvestsIndex(), complete, "sourceId",
                Map.of("last", Aggregation.of(a -> a.max(m -> m.field("finishedAt")))), b -> {
                    double millis = b.aggregations().get("last").max().value();
                    if (!Double.isNaN(millis) && !Double.isInfinite(millis)) {
                        out.put(EsPages.term(b), Instant.ofEpochMilli((long) millis));
                    }
                });
        return out;
    }
}
