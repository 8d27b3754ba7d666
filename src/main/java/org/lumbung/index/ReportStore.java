package org.lumbung.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.lumbung.harvest.AuditReport;
import org.lumbung.harvest.HarvestReport;
import org.lumbung.pipeline.Reasons;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One document per harvest run in {@code <prefix>-harvests} (source, window, counts, bytes, retries, repairs,
 * duration, outcome, error), for Kibana's harvest health panels, and one per audit (kind {@code audit}: advertised,
 * listed, indexed, missing, stale, extra, repaired, with the first identifiers of each kind); and the pruning of
 * reports and dead letters past their retention (the embedded distribution has no index lifecycle management, nor delete-by-query).
 */
public final class ReportStore {

    private static final Logger LOG = LoggerFactory.getLogger("lumbung.reports");
    private static final int PRUNE_BATCH = 500;

    private final ElasticsearchClient client;
    private final IndexLayout layout;
    private final String instance;
    private final Predicate<String> holds;

    /**
     * @param holds whether this worker may still write for its run of a source (its lease was not taken over): the
     *              report of a run taken over is not stored, the run that took over stores its own
     */
    public ReportStore(ElasticsearchClient client, IndexLayout layout, String instance, Predicate<String> holds) {
        this.client = client;
        this.layout = layout;
        this.instance = instance;
        this.holds = holds;
    }

    public void save(HarvestReport r) {
        Map<String, Object> doc = begin(r.sourceId(), "oai", r.startedAt());
        doc.put("set", r.set());
        doc.put("window", r.window());
        doc.put("pages", r.pages());
        doc.put("indexed", r.indexed());
        doc.put("deleted", r.deleted());
        doc.put("unchanged", r.unchanged());
        doc.put("failed", r.failures().size());
        doc.put("bytes", r.bytes());
        doc.put("retries", r.retries());
        doc.put("repairs", r.repairs());
        store(doc, new Ending(r.seconds(), r.complete(), r.outcome(), r.error()), r.summary());
    }

    /** An audit's report; returned unchanged (the audit route goes on with it). */
    public AuditReport save(AuditReport r) {
        Map<String, Object> doc = begin(r.sourceId(), "audit", r.startedAt());
        doc.put("advertised", r.advertised());
        doc.put("listed", r.listed());
        doc.put("indexed", r.indexed());
        finding(doc, "missing", r.missing());
        finding(doc, "stale", r.stale());
        finding(doc, "extra", r.extra());
        finding(doc, "deletedAtSource", r.deletedAtSource());
        doc.put("repaired", r.repaired());
        store(doc, new Ending(r.seconds(), r.complete(), r.outcome(), r.error()), r.summary());
        return r;
    }

    /** How a run ended, the same fields for harvests and audits. */
    private record Ending(double seconds, boolean complete, String outcome, String error) {
    }

    private static Map<String, Object> begin(String sourceId, String kind, String startedAt) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("sourceId", sourceId);
        doc.put("kind", kind);
        doc.put("startedAt", startedAt);
        doc.put("finishedAt", Instant.now().toString());
        return doc;
    }

    private static void finding(Map<String, Object> doc, String kind, AuditReport.Finding finding) {
        doc.put(kind, finding.count());
        doc.put(kind + "Ids", finding.first());
    }

    private void store(Map<String, Object> doc, Ending ending, String summary) {
        doc.put("seconds", ending.seconds());
        doc.put("complete", ending.complete());
        doc.put("outcome", ending.outcome());
        doc.put("instance", instance);
        if (ending.error() != null) {
            doc.put("error", ending.error());
        }
        // A harvest stopped by Ctrl-C comes here interrupted: its report is written all the same, then the interrupt
        // is handed on.
        boolean interrupted = Thread.interrupted();
        try {
            if (!holds.test((String) doc.get("sourceId"))) {
                LOG.warn("the report of {} is not stored: its lease was taken over ({})", doc.get("sourceId"), summary);
                return;
            }
            client.index(i -> i.index(layout.harvestsIndex()).document(doc));
        } catch (IOException | RuntimeException e) {
            LOG.error("could not store the report of {}: {} ({})", doc.get("sourceId"), Reasons.of(e), summary);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Deletes reports and dead letters older than the retention; returns how many went. */
    public int prune(Duration retention) throws IOException {
        String before = Instant.now().minus(retention).toString();
        return prune(layout.harvestsIndex(), "finishedAt", before) + prune(layout.deadletterIndex(), "at", before);
    }

    @SuppressWarnings("rawtypes")
    private int prune(String index, String field, String before) throws IOException {
        int deleted = 0;
        while (true) {
            client.indices().refresh(r -> r.index(index));
            List<Hit<Map>> hits = client.search(s -> s.index(index).size(PRUNE_BATCH).source(src -> src.fetch(false))
                    .query(q -> q.range(rg -> rg.date(d -> d.field(field).lt(before)))), Map.class).hits().hits();
            if (hits.isEmpty()) {
                break;
            }
            client.bulk(b -> {
                hits.forEach(h -> b.operations(op -> op.delete(d -> d.index(index).id(h.id()))));
                return b;
            });
            deleted += hits.size();
        }
        if (deleted > 0) {
            LOG.info("pruned {} documents older than {} from {}", deleted, before, index);
        }
        return deleted;
    }
}
