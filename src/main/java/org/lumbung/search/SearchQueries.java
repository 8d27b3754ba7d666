package org.lumbung.search;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The parts of a records search as Elasticsearch reads them: the text query over each language's search fields, the
 * chosen facets as filters, the order, highlighting and the facet counts. {@link RecordSearcher} sends them and reads
 * the answer.
 */
final class SearchQueries {

    /** Each value is searched in the field of its language (Indonesian, English, other), plus names and a catch-all. */
    static final List<String> FIELDS = List.of("search.title.*^3", "search.names^2", "search.subject.*^2",
            "search.description.*", "search.all", "dc.identifier", "creators.affiliation");
    /**
     * Highlights come from the search fields, analysed as the query matched them (folded and stemmed for the value's
     * language), so that {@code sepakat} marks "Kesepakatan" as it found it; their values are the record's own, so a
     * marked title or abstract reads as the record has it. Each field's highlights are keyed by the element shown.
     */
    static final Map<String, String> HIGHLIGHTED = Map.of("search.title.*", "title",
            "search.description.*", "description", "search.subject.*", "subject", "search.names", "creator");

    /** The top hit of a subject value, which gives its written form. */
    static final String WRITTEN = "written";

    private SearchQueries() {
    }

    static Query text(SearchRequest request) {
        return Query.of(qb -> qb.bool(b -> b
                .must(m -> m.simpleQueryString(sq -> sq.query(request.query()).fields(FIELDS)
                        .defaultOperator(Operator.And)))
                .mustNot(mn -> mn.term(t -> t.field("deleted").value(true)))));
    }

    /** All chosen facet values as one filter, leaving out one facet's own (null: none left out). */
    static Query filters(SearchRequest request, Facet except) {
        return Query.of(q -> q.bool(b -> {
            request.filters().forEach((facet, values) -> {
                if (facet != except) {
                    b.filter(f -> f.terms(t -> t.field(facet.field())
                            .terms(tv -> tv.value(values.stream().map(FieldValue::of).toList()))));
                }
            });
            if (request.yearFrom() != null || request.yearTo() != null) {
                b.filter(f -> f.range(r -> r.number(n -> {
                    n.field(Facet.YEAR.field());
                    if (request.yearFrom() != null) {
                        n.gte(request.yearFrom().doubleValue());
                    }
                    return request.yearTo() == null ? n : n.lte(request.yearTo().doubleValue());
                })));
            }
            if (request.openAccess()) {
                b.filter(f -> f.term(t -> t.field("derived.accessRights.uri").value(RecordViews.OPEN_ACCESS)));
            }
            return b;
        }));
    }

    /**
     * The order of a sort; over a point in time it ends in {@code _shard_doc}, unique per document, so that
     * search_after never skips or repeats a hit among equal values. A cursor over works is sorted on the work key
     * alone, as Elasticsearch requires of collapse with search_after ({@link WorkGrouping#cursorSort}).
     */
    static List<SortOptions> sort(SearchRequest request, boolean overPointInTime) {
        if (request.works() && overPointInTime) {
            return WorkGrouping.cursorSort();
        }
        List<SortOptions> order = new ArrayList<>(switch (request.sort()) {
            case RELEVANCE -> List.of(SortOptions.of(o -> o.score(sc -> sc.order(SortOrder.Desc))));
            case NEWEST -> List.of(SortOptions.of(o -> o.field(f -> f.field("derived.published").order(SortOrder.Desc)
                    .missing("_last"))), SortOptions.of(o -> o.score(sc -> sc.order(SortOrder.Desc))));
            case TITLE -> List.of(SortOptions.of(o -> o.field(f -> f.field("dc.title.keyword").order(SortOrder.Asc)
                    .missing("_last"))));
            case ADDED -> List.of(SortOptions.of(o -> o.field(f -> f.field("indexedAt").order(SortOrder.Desc))));
        });
        if (overPointInTime) {
            order.add(SortOptions.of(o -> o.field(f -> f.field("_shard_doc").order(SortOrder.Asc))));
        }
        return order;
    }

    static void highlight(co.elastic.clients.elasticsearch.core.SearchRequest.Builder s, SearchRequest request) {
        if (request.query().equals("*")) {
            return;
        }
        // Every word of the query is marked where it occurs, even if (ANDed) the record matched by others too.
        Query marked = Query.of(q -> q.simpleQueryString(sq -> sq.query(request.query()).fields(FIELDS)
                .defaultOperator(Operator.Or)));
        s.highlight(h -> {
            h.preTags(Highlight.START).postTags(Highlight.END).highlightQuery(marked).requireFieldMatch(true);
            HIGHLIGHTED.keySet().forEach(f -> h.fields(f, hf -> f.startsWith("search.description")
                    ? hf.fragmentSize(220).numberOfFragments(2) : hf.numberOfFragments(0)));
            return h;
        });
    }

    static Aggregation facetAggregation(SearchRequest request, Facet facet) {
        return Aggregation.of(a -> a.filter(filters(request, facet)).aggregations("values", v -> {
            v.terms(t -> {
                t.field(facet.field()).size(facet.size());
                return facet == Facet.YEAR ? t.order(co.elastic.clients.util.NamedValue.of("_key", SortOrder.Desc)) : t;
            });
            // A subject is counted folded (Erdoğan and erdogan together); one of its records gives its written form.
            if (facet == Facet.SUBJECT) {
                v.aggregations(WRITTEN, w -> w.topHits(th -> th.size(1)
                        .source(src -> src.filter(f -> f.includes("dc.subject")))));
            }
            return request.works() ? v.aggregations(WorkGrouping.countName(), WorkGrouping.works()) : v;
        }));
    }
}
