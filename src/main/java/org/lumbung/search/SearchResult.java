package org.lumbung.search;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The answer to a search: how many records match in all, how many pages they fill (no more than the 10,000 hits that
 * can be paged through), this page of hits, and the facets: for each, its values with their counts (counted under
 * every filter but the facet's own, so choosing one value still shows the others). {@code notice} says what a reader
 * should know about an answer that is not wrong but empty for a reason (a page past the last); null otherwise. A
 * cursor-paged list also says where its next page starts ({@code next_cursor}; null at its end, and always null when
 * paging by page number); its pages after the first carry no facets.
 */
public record SearchResult(String query, long total, int page, int size, int pages, String sort, List<SearchHit> hits,
                           Map<String, List<FacetValue>> facets, String notice,
                           @JsonProperty("next_cursor") String nextCursor) {

    /**
     * A facet value, its label for a reader (a language's or source's name, else the value), its count, and whether
     * the search filters on it now.
     */
    public record FacetValue(String value, String label, long count, boolean selected) {
    }

    public SearchResult {
        hits = List.copyOf(hits);
        facets = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(facets));
    }

    /**
     * The answer for a request: the pages the total fills, a notice when the page asked for is past them (not for a
     * cursor's pages, which have no number), and the cursor of the next page.
     */
    static SearchResult of(SearchRequest request, long total, List<SearchHit> hits,
                           Map<String, List<FacetValue>> facets, String nextCursor) {
        int pages = (int) Math.min((total + request.size() - 1) / request.size(),
                SearchRequest.MAX_WINDOW / request.size());
        String notice = request.cursor() == null && total > 0 && request.page() > pages
                ? "Page " + request.page() + " is past the last page (" + pages + ")" : null;
        return new SearchResult(request.query(), total, request.page(), request.size(), pages,
                request.sort().name().toLowerCase(java.util.Locale.ROOT), hits, facets, notice, nextCursor);
    }
}
