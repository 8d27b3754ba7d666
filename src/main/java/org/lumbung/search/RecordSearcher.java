package org.lumbung.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lumbung.index.IndexDocument;
import org.lumbung.index.IndexLayout;
import org.lumbung.index.SearchFields;

/**
 * Searches the records alias with Elasticsearch's simple query syntax over titles, creators, subjects, descriptions
 * and identifiers, each value analysed for its language (accents folded, Indonesian and English stemmed), with
 * facets, highlighting, paging (by page number through the first 10,000 hits, by cursor past them: a point in time
 * and search_after) and three orders; by records, or one hit per work ({@link WorkGrouping}). Tombstones are never
 * returned.
 */
public final class RecordSearcher {

    public static final int MAX_SIZE = SearchRequest.MAX_SIZE;
    public static final int DEFAULT_SIZE = SearchRequest.DEFAULT_SIZE;
    /**
     * What a hit, an export or a feed never reads: the copies made for search and facets, and the raw records (the
     * largest part of a document, which only the record API, merging and reindex read).
     */
    static final List<String> NOT_READ = List.of("search", "facet", "provenance.raw");
    /** How long a cursor's point in time lives unused, unless configured. */
    public static final Duration DEFAULT_CURSOR_TTL = Duration.ofMinutes(2);

    private final ElasticsearchClient client;
    private final IndexLayout layout;
    private final String keepAlive;
    private final FacetLabels labels;

    public RecordSearcher(ElasticsearchClient client, IndexLayout layout) {
        this(client, layout, DEFAULT_CURSOR_TTL, FacetLabels.withoutSourceNames());
    }

    /** @param labels what a facet value is called for a reader (a source's name for its id) */
    public RecordSearcher(ElasticsearchClient client, IndexLayout layout, Duration cursorTtl, FacetLabels labels) {
        this.client = client;
        this.layout = layout;
        this.keepAlive = cursorTtl.toSeconds() + "s";
        this.labels = labels;
    }

    /** The HTTP API's form: the raw query string as the client sent it; a bad parameter is the client's error. */
    public SearchResult searchRequest(String rawQuery) throws IOException {
        return search(SearchRequest.parse(rawQuery));
    }

    public SearchResult search(String query, int size) throws IOException {
        return search(SearchRequest.of(query, Math.max(1, Math.min(size, MAX_SIZE))));
    }

    public SearchResult search(SearchRequest request) throws IOException {
        SearchCursor cursor = request.cursorPaged() && !request.firstCursorPage()
                ? SearchCursor.decode(request.cursor(), request) : null;
        String pit = !request.cursorPaged() ? null : cursor != null ? cursor.pit()
                : client.openPointInTime(o -> o.index(layout.recordsAlias()).keepAlive(k -> k.time(keepAlive))).id();
        SearchResponse<IndexDocument> response;
        try {
            response = client.search(s -> {
                if (pit == null) {
                    s.index(layout.recordsAlias()).from(request.from());
                } else {
                    s.pit(p -> p.id(pit).keepAlive(k -> k.time(keepAlive)));
                }
                if (cursor != null) {
                    s.searchAfter(cursor.searchAfter());
                }
                s.size(request.size()).source(src -> src.filter(f -> f.excludes(NOT_READ)))
                        .trackTotalHits(t -> t.enabled(true)).query(SearchQueries.text(request))
                        .postFilter(SearchQueries.filters(request, null)).sort(SearchQueries.sort(request, pit != null));
                if (request.works()) {
                    WorkGrouping.collapse(s, SearchQueries.filters(request, null));
                }
                SearchQueries.highlight(s, request);
                // A cursor's later pages skip the facets: they are the first page's, and counting them again is the
                // costly part of a search.
                if (cursor == null) {
                    for (Facet facet : Facet.values()) {
                        s.aggregations(facet.parameter(), SearchQueries.facetAggregation(request, facet));
                    }
                }
                return s;
            }, IndexDocument.class);
        } catch (ElasticsearchException e) {
            throw cursor == null ? e : refused(e);
        }
        List<SearchHit> hits = new ArrayList<>();
        for (Hit<IndexDocument> hit : response.hits().hits()) {
            String sourceId = hit.source().source() == null ? null : hit.source().source().id();
            SearchHit found = RecordViews.hit(hit.id(), hit.source(), highlights(hit.highlight()),
                    sourceId == null ? null : labels.label(Facet.SOURCE, sourceId));
            hits.add(request.works() ? found.withVersions(WorkGrouping.versions(hit)) : found);
        }
        long total = request.works() ? WorkGrouping.total(response)
                : response.hits().total() == null ? hits.size() : response.hits().total().value();
        Map<String, List<SearchResult.FacetValue>> facets = new LinkedHashMap<>();
        for (Facet facet : Facet.values()) {
            Aggregate counted = response.aggregations().get(facet.parameter());
            if (counted != null) {
                facets.put(facet.parameter(), facetValues(counted, request, facet));
            }
        }
        return SearchResult.of(request, total, hits, facets, nextCursor(pit, response, request));
    }

    /** Where the next page starts; null, and the point in time closed, when this page was the last (or not paged). */
    private String nextCursor(String pit, SearchResponse<IndexDocument> response, SearchRequest request)
            throws IOException {
        if (pit == null) {
            return null;
        }
        String nextPit = response.pitId() == null ? pit : response.pitId();
        List<Hit<IndexDocument>> hits = response.hits().hits();
        if (hits.size() < request.size()) {
            client.closePointInTime(c -> c.id(nextPit));
            return null;
        }
        return SearchCursor.after(nextPit, WorkGrouping.after(request, hits.get(hits.size() - 1).sort()), request)
                .encode();
    }

    /** Elasticsearch's refusal of a cursor's page, in the client's terms: gone (404: the point in time) or bad. */
    private RuntimeException refused(ElasticsearchException e) {
        if (e.status() == 404) {
            return new CursorExpiredException("this cursor has expired (unused for longer than " + keepAlive
                    + ", or its list has ended); start again with cursor=*", e);
        }
        if (e.status() >= 400 && e.status() < 500) {
            return new IllegalArgumentException("this cursor cannot be followed; start again with cursor=*", e);
        }
        return e;
    }

    /**
     * The first {@code limit} records the search finds, whole, in its order (its page and size aside), keyed by id:
     * what an export of a result list writes. Their raw records stay in the index.
     */
    public Map<String, IndexDocument> documents(SearchRequest request, int limit) throws IOException {
        SearchResponse<IndexDocument> response = client.search(s -> s.index(layout.recordsAlias()).size(limit)
                .query(SearchQueries.text(request)).postFilter(SearchQueries.filters(request, null)).sort(SearchQueries.sort(request, false))
                .source(src -> src.filter(f -> f.excludes(NOT_READ))), IndexDocument.class);
        Map<String, IndexDocument> found = new LinkedHashMap<>();
        response.hits().hits().forEach(h -> found.put(h.id(), h.source().withoutSearchFields()));
        return found;
    }

    /**
     * The marked passages by element: a value of unknown language is in all three language fields, and so marked
     * up to three times alike; it is kept once.
     */
    private static Map<String, List<List<Highlight>>> highlights(Map<String, List<String>> marked) {
        Map<String, java.util.Set<String>> byElement = new LinkedHashMap<>();
        marked.forEach((field, fragments) -> {
            String element = SearchQueries.HIGHLIGHTED.get(field.startsWith("search.names") ? field
                    : field.substring(0, field.lastIndexOf('.')) + ".*");
            if (element != null) {
                byElement.computeIfAbsent(element, e -> new java.util.LinkedHashSet<>()).addAll(fragments);
            }
        });
        Map<String, List<List<Highlight>>> out = new LinkedHashMap<>();
        byElement.forEach((element, fragments) -> out.put(element,
                fragments.stream().map(Highlight::split).toList()));
        return out;
    }

    private List<SearchResult.FacetValue> facetValues(Aggregate filtered, SearchRequest request, Facet facet) {
        Aggregate values = filtered.filter().aggregations().get("values");
        Map<String, Long> counts = new LinkedHashMap<>();
        boolean works = request.works();
        if (values.isLterms()) {
            values.lterms().buckets().array().forEach(b -> counts.put(Long.toString(b.key()),
                    works ? WorkGrouping.count(b.aggregations()) : b.docCount()));
        } else if (values.isSterms()) {
            values.sterms().buckets().array().forEach(b -> counts.put(b.key().stringValue(),
                    works ? WorkGrouping.count(b.aggregations()) : b.docCount()));
        }
        Map<String, String> written = facet == Facet.SUBJECT && values.isSterms() ? written(values) : Map.of();
        List<String> chosen = request.filters().getOrDefault(facet, List.of());
        // A chosen value the other filters leave no record of still shows (count 0), named, so it can be removed.
        chosen.forEach(value -> counts.putIfAbsent(value, 0L));
        List<SearchResult.FacetValue> out = new ArrayList<>();
        counts.forEach((key, count) -> out.add(
                new SearchResult.FacetValue(key, written.getOrDefault(key, labels.label(facet, key)), count,
                        chosen.contains(key))));
        return out;
    }

    /** Each folded subject's form as one of its records writes it. */
    private static Map<String, String> written(Aggregate values) {
        Map<String, String> out = new LinkedHashMap<>();
        values.sterms().buckets().array().forEach(b -> {
            String key = b.key().stringValue();
            Aggregate top = b.aggregations().get(SearchQueries.WRITTEN);
            top.topHits().hits().hits().stream().map(Hit::source).filter(java.util.Objects::nonNull)
                    .flatMap(source -> subjects(source.to(Map.class)).stream())
                    .filter(subject -> SearchFields.fold(subject).equals(key)).findFirst()
                    .ifPresent(subject -> out.put(key, subject.strip()));
        });
        return out;
    }

    private static List<String> subjects(Map<?, ?> source) {
        return source.get("dc") instanceof Map<?, ?> dc && dc.get("subject") instanceof List<?> values
                ? values.stream().filter(String.class::isInstance).map(String.class::cast).toList() : List.of();
    }
}
