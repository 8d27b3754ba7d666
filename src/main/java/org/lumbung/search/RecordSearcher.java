package org.lumbung.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lumbung.index.IndexDocument;
import org.lumbung.index.IndexLayout;

/**
 * Searches the records alias with Elasticsearch's simple query syntax over titles, creators, subjects, descriptions
 * and identifiers, each value analysed for its language (accents folded, Indonesian and English stemmed), with
 * facets, highlighting, paging and three orders. Tombstones are never returned.
 */
public final class RecordSearcher {

    public static final int MAX_SIZE = SearchRequest.MAX_SIZE;
    public static final int DEFAULT_SIZE = SearchRequest.DEFAULT_SIZE;
    /** Each value is searched in the field of its language (Indonesian, English, other), plus names and a catch-all. */
    private static final List<String> FIELDS = List.of("search.title.*^3", "search.names^2", "search.subject.*^2",
            "search.description.*", "search.all", "dc.identifier", "creators.affiliation");
    /** Highlights come from the Dublin Core values, as the record shows them (not the search fields' copies). */
    /** What a hit never shows: the copies made for search and facets. */
    private static final List<String> INDEX_ONLY = List.of("search", "facet");
    private static final List<String> HIGHLIGHTED = List.of("dc.title", "dc.description", "dc.subject", "dc.creator");

    private final ElasticsearchClient client;
    private final IndexLayout layout;

    public RecordSearcher(ElasticsearchClient client, IndexLayout layout) {
        this.client = client;
        this.layout = layout;
    }

    /** The HTTP API's form: the raw query string as the client sent it; a bad parameter is the client's error. */
    public SearchResult searchRequest(String rawQuery) throws IOException {
        return search(SearchRequest.parse(rawQuery));
    }

    public SearchResult search(String query, int size) throws IOException {
        return search(SearchRequest.of(query, Math.max(1, Math.min(size, MAX_SIZE))));
    }

    public SearchResult search(SearchRequest request) throws IOException {
        Query text = Query.of(qb -> qb.bool(b -> b
                .must(m -> m.simpleQueryString(sq -> sq.query(request.query()).fields(FIELDS)
                        .defaultOperator(Operator.And)))
                .mustNot(mn -> mn.term(t -> t.field("deleted").value(true)))));
        SearchResponse<IndexDocument> response = client.search(s -> {
            s.index(layout.recordsAlias()).from(request.from()).size(request.size())
                    .source(src -> src.filter(f -> f.excludes(INDEX_ONLY)))
                    .trackTotalHits(t -> t.enabled(true)).query(text).postFilter(filters(request, null))
                    .sort(sort(request.sort()));
            if (!request.query().equals("*")) {
                Query marked = Query.of(q -> q.simpleQueryString(sq -> sq.query(request.query()).fields(HIGHLIGHTED)
                        .defaultOperator(Operator.Or)));
                s.highlight(h -> {
                    h.preTags(Highlight.START).postTags(Highlight.END).highlightQuery(marked).requireFieldMatch(false);
                    HIGHLIGHTED.forEach(f -> h.fields(f, hf -> f.equals("dc.description")
                            ? hf.fragmentSize(220).numberOfFragments(2) : hf.numberOfFragments(0)));
                    return h;
                });
            }
            for (Facet facet : Facet.values()) {
                s.aggregations(facet.parameter(), a -> a.filter(filters(request, facet))
                        .aggregations("values", v -> v.terms(t -> {
                            t.field(facet.field()).size(facet.size());
                            return facet == Facet.YEAR ? t.order(co.elastic.clients.util.NamedValue.of("_key", SortOrder.Desc)) : t;
                        })));
            }
            return s;
        }, IndexDocument.class);
        List<SearchHit> hits = new ArrayList<>();
        for (Hit<IndexDocument> hit : response.hits().hits()) {
            hits.add(RecordViews.hit(hit.id(), hit.source(), highlights(hit.highlight())));
        }
        long total = response.hits().total() == null ? hits.size() : response.hits().total().value();
        Map<String, List<SearchResult.FacetValue>> facets = new LinkedHashMap<>();
        for (Facet facet : Facet.values()) {
            facets.put(facet.parameter(), facetValues(response.aggregations().get(facet.parameter()), request, facet));
        }
        return new SearchResult(request.query(), total, request.page(), request.size(),
                request.sort().name().toLowerCase(java.util.Locale.ROOT), hits, facets);
    }

    /** All chosen facet values as one filter, leaving out one facet's own (null: none left out). */
    private static Query filters(SearchRequest request, Facet except) {
        return Query.of(q -> q.bool(b -> {
            request.filters().forEach((facet, values) -> {
                if (facet != except) {
                    b.filter(f -> f.terms(t -> t.field(facet.field())
                            .terms(tv -> tv.value(values.stream().map(FieldValue::of).toList()))));
                }
            });
            return b;
        }));
    }

    private static List<SortOptions> sort(SearchRequest.Sort sort) {
        return switch (sort) {
            case RELEVANCE -> List.of(SortOptions.of(o -> o.score(sc -> sc.order(SortOrder.Desc))));
            case NEWEST -> List.of(SortOptions.of(o -> o.field(f -> f.field("derived.published").order(SortOrder.Desc)
                    .missing("_last"))), SortOptions.of(o -> o.score(sc -> sc.order(SortOrder.Desc))));
            case TITLE -> List.of(SortOptions.of(o -> o.field(f -> f.field("dc.title.keyword").order(SortOrder.Asc)
                    .missing("_last"))));
        };
    }

    private static Map<String, List<List<Highlight>>> highlights(Map<String, List<String>> marked) {
        Map<String, List<List<Highlight>>> out = new LinkedHashMap<>();
        marked.forEach((field, fragments) -> out.put(field.substring(field.indexOf('.') + 1),
                fragments.stream().map(Highlight::split).toList()));
        return out;
    }

    private static List<SearchResult.FacetValue> facetValues(Aggregate filtered, SearchRequest request, Facet facet) {
        Aggregate values = filtered.filter().aggregations().get("values");
        List<String> chosen = request.filters().getOrDefault(facet, List.of());
        List<SearchResult.FacetValue> out = new ArrayList<>();
        if (values.isLterms()) {
            values.lterms().buckets().array().forEach(b -> out.add(new SearchResult.FacetValue(
                    Long.toString(b.key()), b.docCount(), chosen.contains(Long.toString(b.key())))));
        } else if (values.isSterms()) {
            values.sterms().buckets().array().forEach(b -> out.add(new SearchResult.FacetValue(
                    b.key().stringValue(), b.docCount(), chosen.contains(b.key().stringValue()))));
        }
        return out;
    }
}
