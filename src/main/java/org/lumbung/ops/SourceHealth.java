package org.lumbung.ops;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
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
 * run leaves the source's last success where it was).
 */
public final class SourceHealth {

    /** One source: its last run and when it last harvested completely (null: never). */
    public record Entry(String id, String kind, SourceState.LastRun lastRun, Instant lastSuccess) {
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
            out.add(new Entry(s.id(), kind, run, success));
        }
        return out;
    }

    /** The health report's part about sources: each with its last run and last success. */
    public Map<String, Object> describe() throws IOException {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Entry e : entries()) {
            Map<String, Object> source = new LinkedHashMap<>();
            source.put("kind", e.kind());
            source.put("lastRun", e.lastRun());
            source.put("lastSuccess", e.lastSuccess() == null ? null : e.lastSuccess().toString());
            out.put(e.id(), source);
        }
        return out;
    }

    private Map<String, Instant> lastCompleteHarvests() throws IOException {
        List<StringTermsBucket> buckets = client.search(s -> s.index(layout.harvestsIndex()).size(0)
                .query(q -> q.term(t -> t.field("complete").value(true)))
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
