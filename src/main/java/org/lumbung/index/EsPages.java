package org.lumbung.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.CompositeAggregate;
import co.elastic.clients.elasticsearch._types.aggregations.CompositeAggregationSource;
import co.elastic.clients.elasticsearch._types.aggregations.CompositeBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads every hit or every term, however many: a search stops at 10,000 hits ({@code index.max_result_window}) and a
 * terms aggregation at its size, and both stop there without a word. A national portal has more sources than that,
 * so lists of sources and per-source figures are read in pages: hits with {@code search_after} on a unique keyword,
 * terms with a composite aggregation and its {@code after_key}.
 */
public final class EsPages {

    /** How many hits or buckets one request reads. */
    static final int PAGE = 1_000;

    private EsPages() {
    }

    /**
     * Every hit of the query, in the order of {@code uniqueField} (a keyword no two documents share: a tie would
     * skip documents at a page's edge).
     */
    public static <T> List<Hit<T>> hits(ElasticsearchClient client, String index, Query query, String uniqueField,
                                        Class<T> type) throws IOException {
        List<Hit<T>> out = new ArrayList<>();
        List<FieldValue> after = null;
        while (true) {
            List<FieldValue> from = after;
            SearchResponse<T> page = client.search(s -> {
                s.index(index).size(PAGE).query(query).sort(o -> o.field(f -> f.field(uniqueField)));
                return from == null ? s : s.searchAfter(from);
            }, type);
            List<Hit<T>> hits = page.hits().hits();
            out.addAll(hits);
            if (hits.size() < PAGE) {
                return out;
            }
            after = hits.get(hits.size() - 1).sort();
        }
    }

    /**
     * Every value of a keyword field among the query's documents, each bucket with the given sub-aggregations, in
     * the field's order.
     */
    public static void terms(ElasticsearchClient client, String index, Query query, String field,
                             Map<String, Aggregation> subs, Consumer<CompositeBucket> each) throws IOException {
        Map<String, FieldValue> after = null;
        while (true) {
            Map<String, FieldValue> from = after;
            CompositeAggregate page = client.search(s -> s.index(index).size(0).query(query)
                    .aggregations("terms", a -> a.composite(c -> {
                        c.size(PAGE).sources(List.of(Map.of("term",
                                CompositeAggregationSource.of(cs -> cs.terms(t -> t.field(field))))));
                        return from == null ? c : c.after(from);
                    }).aggregations(subs)), Void.class).aggregations().get("terms").composite();
            List<CompositeBucket> buckets = page.buckets().array();
            buckets.forEach(each);
            if (buckets.size() < PAGE || page.afterKey().isEmpty()) {
                return;
            }
            after = page.afterKey();
        }
    }

    /** The value of a bucket of {@link #terms}. */
    public static String term(CompositeBucket bucket) {
        return bucket.key().get("term").stringValue();
    }
}
