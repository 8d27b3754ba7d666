package org.lumbung.search;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The answer to a search: how many records match in all, this page of hits, and the facets: for each, its values
 * with their counts (counted under every filter but the facet's own, so choosing one value still shows the others).
 * A cursor-paged list also says where its next page starts ({@code next_cursor}; null at its end, and always null
 * when paging by page number); its pages after the first carry no facets.
 */
public record SearchResult(String query, long total, int page, int size, String sort, List<SearchHit> hits,
                           Map<String, List<FacetValue>> facets,
                           @JsonProperty("next_cursor") String nextCursor) {

    /** A facet value, its count, and whether the search filters on it now. */
    public record FacetValue(String value, long count, boolean selected) {
    }

    public SearchResult {
        hits = List.copyOf(hits);
        facets = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(facets));
    }
}
