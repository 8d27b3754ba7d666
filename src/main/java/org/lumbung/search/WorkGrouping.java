package org.lumbung.search;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest.Builder;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.InnerHitsResult;
import co.elastic.clients.json.JsonData;
import java.util.List;
import java.util.Map;

/**
 * A result list grouped by works ({@code group=works}): Elasticsearch's {@code collapse} on the work key
 * ({@code work.key}, see {@link org.lumbung.index.Works}) keeps the best record of each work as its hit, in the list's
 * order, and the hit counts its versions (the contributions of all the work's records: an OAI-PMH record, a landing
 * page, a copy in another repository). Collapse counts nothing itself: the total is a {@code cardinality} of the work
 * key over the records that match, and each facet value counts the works among its records the same way. Cardinality
 * is exact up to {@link #EXACT} works and within a few percent beyond. A cursor over works is sorted on the work key
 * alone, as Elasticsearch requires of collapse with {@code search_after}: a deep works list comes in key order, not by
 * relevance.
 */
final class WorkGrouping {

    static final String FIELD = "work.key";
    /** Works counted exactly up to this many (Elasticsearch's highest precision threshold). */
    static final int EXACT = 40_000;
    private static final String TOTAL = "works";
    private static final String VERSIONS = "versions";
    /** Records of one work read to count its versions; a work with more counts one version for each record beyond. */
    private static final int RECORDS_READ = 20;

    private WorkGrouping() {
    }

    /**
     * One hit per work, with the work's records for counting its versions, and the works counted under the chosen
     * filters (a post filter, which aggregations do not see: so they are applied to the count again).
     */
    static void collapse(Builder search, Query filters) {
        search.collapse(c -> c.field(FIELD).innerHits(i -> i.name(VERSIONS).size(RECORDS_READ)
                        .source(src -> src.filter(f -> f.includes("provenance.key")))))
                .aggregations(TOTAL, a -> a.filter(filters).aggregations(TOTAL, works()));
    }

    /** The works among the records an aggregation holds. */
    static Aggregation works() {
        return Aggregation.of(a -> a.cardinality(c -> c.field(FIELD).precisionThreshold(EXACT)));
    }

    /** The order of a cursor over works: the work key, unique per hit, so search_after never skips nor repeats one. */
    static List<SortOptions> cursorSort() {
        return List.of(SortOptions.of(o -> o.field(f -> f.field(FIELD).order(SortOrder.Asc))));
    }

    /**
     * Where a cursor's next page starts. Over works, the work key alone: Elasticsearch adds its {@code _shard_doc}
     * tiebreaker to every sort over a point in time unless search_after leaves it out, and refuses a collapse sorted on
     * more than the collapse key; the key is unique per hit, so nothing is skipped nor repeated.
     */
    static List<FieldValue> after(SearchRequest request, List<FieldValue> sortValues) {
        return request.works() && !sortValues.isEmpty() ? sortValues.subList(0, 1) : sortValues;
    }

    /** How many works match. */
    static long total(SearchResponse<?> response) {
        Aggregate filtered = response.aggregations().get(TOTAL);
        return filtered == null ? 0 : count(filtered.filter().aggregations());
    }

    /** The works in a facet value's bucket (its sub-aggregations). */
    static long count(Map<String, Aggregate> bucket) {
        Aggregate works = bucket.get(TOTAL);
        return works == null ? 0 : works.cardinality().value();
    }

    /** The name of a facet bucket's works count, as {@link #works()} is added under it. */
    static String countName() {
        return TOTAL;
    }

    /** The versions of a hit's work: each of its records' contributions. */
    static int versions(Hit<?> hit) {
        InnerHitsResult records = hit.innerHits().get(VERSIONS);
        if (records == null) {
            return 1;
        }
        int versions = 0;
        for (Hit<JsonData> record : records.hits().hits()) {
            Object provenance = record.source() == null ? null
                    : record.source().to(Map.class).get("provenance");
            versions += provenance instanceof List<?> list && !list.isEmpty() ? list.size() : 1;
        }
        long total = records.hits().total() == null ? 0 : records.hits().total().value();
        return versions + (int) Math.max(0, total - records.hits().hits().size());
    }
}
