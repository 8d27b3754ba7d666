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

/** Walks a source's live records in the index (search_after, so any number of them), for deletion reconciliation. */
public final class IndexedSourceRecords implements IndexedRecords {

    private static final int PAGE = 1000;

    private final ElasticsearchClient client;
    private final IndexLayout layout;

    public IndexedSourceRecords(ElasticsearchClient client, IndexLayout layout) {
        this.client = client;
        this.layout = layout;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public void liveIdentifiers(String sourceId, Consumer<String> each) {
        try {
            client.indices().refresh(r -> r.index(layout.recordsAlias()));
            List<FieldValue> after = null;
            while (true) {
                List<FieldValue> from = after;
                SearchResponse<Map> page = client.search(s -> {
                    s.index(layout.recordsAlias()).size(PAGE)
                            .source(src -> src.filter(f -> f.includes("oai.identifier")))
                            .query(q -> q.bool(b -> b.filter(f -> f.term(t -> t.field("source.id").value(sourceId)))
                                    .mustNot(m -> m.term(t -> t.field("deleted").value(true)))
                                    .filter(f -> f.exists(e -> e.field("oai.identifier")))))
                            .sort(o -> o.field(f -> f.field("oai.identifier").order(SortOrder.Asc)));
                    if (from != null) {
                        s.searchAfter(from);
                    }
                    return s;
                }, Map.class);
                List<Hit<Map>> hits = page.hits().hits();
                for (Hit<Map> hit : hits) {
                    Object oai = hit.source() == null ? null : hit.source().get("oai");
                    if (oai instanceof Map<?, ?> m && m.get("identifier") != null) {
                        each.accept(m.get("identifier").toString());
                    }
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
}
