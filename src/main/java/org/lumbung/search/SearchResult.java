package org.lumbung.search;

import java.util.List;

/** The answer to a search: how many records match in all, and the hits of this page. */
public record SearchResult(String query, long total, List<SearchHit> hits) {

    public SearchResult {
        hits = List.copyOf(hits);
    }
}
