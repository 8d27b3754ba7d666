package org.lumbung.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortMode;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.lumbung.harvest.IndexedRecords;

/**
 * Walks a source's live contributions in the index (search_after, so any number of them): for deletion
 * reconciliation and audits, and for removing a source. A document merged from several sources yields only this
 * source's contributions to it.
 */
public final class IndexedSourceRecords implements IndexedRecords {

    /**
     * A live contribution: the document holding it, and its OAI identifier, format, landing address and the OAI
     * datestamp it was harvested with.
     */
    public record LiveRecord(String id, String oaiIdentifier, String metadataPrefix, String url, String datestamp) {
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

    @Override
    public void liveDatestamps(String sourceId, BiConsumer<String, String> each) {
        live(sourceId, true, r -> each.accept(r.oaiIdentifier(), r.datestamp()));
    }

    /** Every live record of the source (OAI records and pages alike). */
    public void liveRecords(String sourceId, Consumer<LiveRecord> each) {
        live(sourceId, false, each);
    }

    private void live(String sourceId, boolean oaiOnly, Consumer<LiveRecord> each) {
        try {
            client.indices().refresh(r -> r.index(layout.recordsAlias()));
            List<FieldValue> after = null;
            while (true) {
                List<FieldValue> from = after;
                SearchResponse<IndexDocument> page = client.search(s -> {
                    s.index(layout.recordsAlias()).size(PAGE)
                            .source(src -> src.filter(f -> f.includes("provenance.sourceId",
                                    "provenance.oaiIdentifier", "provenance.format", "provenance.url",
                                    "provenance.datestamp")))
                            .query(q -> q.bool(b -> {
                                b.filter(f -> f.term(t -> t.field("provenance.sourceId").value(sourceId)))
                                        .mustNot(m -> m.term(t -> t.field("deleted").value(true)));
                                return oaiOnly ? b.filter(f -> f.exists(e -> e.field("provenance.oaiIdentifier"))) : b;
                            }))
                            .sort(o -> o.field(f -> f.field("indexedAt").order(SortOrder.Asc)))
                            // a document's smallest contribution key is its own: unique, so the walk is stable
                            .sort(o -> o.field(f -> f.field("provenance.key").order(SortOrder.Asc)
                                    .mode(SortMode.Min)));
                    if (from != null) {
                        s.searchAfter(from);
                    }
                    return s;
                }, IndexDocument.class);
                List<Hit<IndexDocument>> hits = page.hits().hits();
                for (Hit<IndexDocument> hit : hits) {
                    contributions(hit.id(), hit.source(), sourceId, oaiOnly).forEach(each);
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

    private static List<LiveRecord> contributions(String id, IndexDocument source, String sourceId, boolean oaiOnly) {
        List<LiveRecord> out = new ArrayList<>();
        if (source == null) {
            return out;
        }
        for (IndexDocument.Provenance p : source.contributions()) {
            if (sourceId.equals(p.sourceId()) && (!oaiOnly || p.oaiIdentifier() != null)) {
                out.add(new LiveRecord(id, p.oaiIdentifier(), p.format(), p.url(), p.datestamp()));
            }
        }
        return out;
    }
}
