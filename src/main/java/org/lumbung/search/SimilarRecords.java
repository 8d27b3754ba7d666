package org.lumbung.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.lumbung.index.IndexDocument;
import org.lumbung.index.IndexLayout;

/**
 * The records most like one record: Elasticsearch's {@code more_like_this} over its title, abstract and subjects, in
 * the search fields of the record's language ({@code search.title.id} for an Indonesian record, {@code .en} for an
 * English one, {@code .other} else), so that the terms compared are stemmed as the record's own. The record's own
 * work (its other versions) and tombstones are left out: a version is not a similar record.
 */
final class SimilarRecords {

    static final int SIZE = 5;
    private static final List<String> ELEMENTS = List.of("title", "description", "subject");
    private static final List<String> SHOWN = List.of("dc.title", "dc.creator", "derived.publishedYear", "source.id");

    private final ElasticsearchClient client;
    private final IndexLayout layout;

    SimilarRecords(ElasticsearchClient client, IndexLayout layout) {
        this.client = client;
        this.layout = layout;
    }

    /** A similar record as the record page lists it. */
    public record Similar(String id, String title, List<String> creators, Integer year, String source) {
    }

    List<Similar> of(String id, IndexDocument record) throws IOException {
        if (record.deleted()) {
            return List.of();
        }
        String language = language(record);
        List<String> fields = ELEMENTS.stream().map(e -> "search." + e + "." + language).toList();
        String work = record.work() == null ? null : record.work().key();
        SearchResponse<IndexDocument> found = client.search(s -> s.index(layout.recordsAlias()).size(SIZE)
                .source(src -> src.filter(f -> f.includes(SHOWN)))
                .query(q -> q.bool(b -> {
                    b.must(m -> m.moreLikeThis(mlt -> mlt.fields(fields)
                            .like(l -> l.document(d -> d.index(layout.recordsAlias()).id(id)))
                            // A small index holds each term once or twice: Elasticsearch's defaults (2 and 5) would
                            // find nothing like a record until the index is large.
                            .minTermFreq(1).minDocFreq(1).maxQueryTerms(25).minimumShouldMatch("10%")));
                    b.mustNot(m -> m.term(t -> t.field("deleted").value(true)));
                    return work == null ? b : b.mustNot(m -> m.term(t -> t.field("work.key").value(work)));
                })), IndexDocument.class);
        return found.hits().hits().stream().filter(h -> h.source() != null).map(h -> {
            IndexDocument doc = h.source();
            List<String> titles = doc.values("title");
            return new Similar(h.id(), titles.isEmpty() ? null : titles.get(0), doc.values("creator"),
                    doc.derived() == null ? null : doc.derived().publishedYear(),
                    doc.source() == null ? null : doc.source().id());
        }).toList();
    }

    /** The language whose search fields hold the record's values: id, en, or other. */
    private static String language(IndexDocument record) {
        IndexDocument.Language language = record.derived() == null ? null : record.derived().language();
        List<String> codes = language == null || language.iso639_1() == null ? List.of() : language.iso639_1();
        return codes.isEmpty() ? "other" : Map.of("id", "id", "en", "en").getOrDefault(codes.get(0), "other");
    }
}
