package org.lumbung.search;

import java.util.List;

/** One record found: its id, first title, creators, publication year (null when unknown) and source. */
public record SearchHit(String id, String title, List<String> creators, Integer year, String source) {

    public SearchHit {
        creators = List.copyOf(creators);
    }
}
