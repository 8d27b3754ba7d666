package org.lumbung.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.lumbung.harvest.IndexedRecords;

/**
 * Walks a source's live records in the index (search_after, so any number of them): for deletion reconciliation,
 * and for removing a source.
 */
public final class IndexedSourceRecords implements IndexedRecords {

    /** A live record: its document id, and its OAI identifier and landing address where it has them. */
    public record LiveRecord(String id, String oaiIdentifier, String metadataPrefix, String url) {
    }

    private static final int PAGE = 1000;

    private final ElasticsearchClient client;
    private final IndexLayout layout;

    public IndexedSourceRecords(ElasticsearchClient client, IndexLayout layout) {
        this.client = client;
        this.layout = layout;
    }

    @Override
    public void liveIdentifiers(String sourceId, Consumer<String> each) {
        live(sourceId, true, r -> each.accept(r.oaiIdentifier()));
    }

    /** Every live record of the source (OAI records and pages alike). */
    public void liveRecords(String sourceId, Consumer<LiveRecord> each) {
        live(sourceId, false, each);
    }

    @SuppressWarnings("rawtypes")
    private void live(String sourceId, boolean oaiOnly, Consumer<LiveRecord> each) {
        try {
            client.indices().refresh(r -> r.index(layout.recordsAlias()));
            List<FieldValue> after = null;
            while (true) {
                List<FieldValue> from = after;
                SearchResponse<Map> page = client.search(s -> {
                    s.index(layout.recordsAlias()).size(PAGE)
                            .source(src -> src.filter(f -> f.includes("oai.identifier", "oai.metadataPrefix",
                                    "provenance.url", "provenance.sourceId")))
                            .query(q -> q.bool(b -> {
                                b.filter(f -> f.term(t -> t.field("source.id").value(sourceId)))
                                        .mustNot(m -> m.term(t -> t.field("deleted").value(true)));
                                return oaiOnly ? b.filter(f -> f.exists(e -> e.field("oai.identifier"))) : b;
                            }))
                            .sort(o -> o.field(f -> f.field("indexedAt").order(SortOrder.Asc)))
                            .sort(o -> o.field(f -> f.field("provenance.url").order(SortOrder.Asc).missing("_first")))
                            .sort(o -> o.field(f -> f.field("oai.identifier").order(SortOrder.Asc).missing("_first")));
                    if (from != null) {
                        s.searchAfter(from);
                    }
                    return s;
                }, Map.class);
                List<Hit<Map>> hits = page.hits().hits();
                for (Hit<Map> hit : hits) {
                    each.accept(toLive(hit.id(), hit.source()));
                }
                if (hits.size() < PAGE) {
                    return;
                }
                after = hits.get(hits.size() - 1).sort();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the records of " + sourceId, e);
        }
    }

    private static LiveRecord toLive(String id, Map<?, ?> source) {
        Map<?, ?> oai = source != null && source.get("oai") instanceof Map<?, ?> m ? m : Map.of();
        String url = null;
        if (source != null && source.get("provenance") instanceof List<?> entries) {
            for (Object entry : entries) {
                if (entry instanceof Map<?, ?> p && p.get("url") != null) {
                    url = p.get("url").toString();
                }
            }
        }
        return new LiveRecord(id, oai.get("identifier") == null ? null : oai.get("identifier").toString(),
                oai.get("metadataPrefix") == null ? null : oai.get("metadataPrefix").toString(), url);
    }
}
