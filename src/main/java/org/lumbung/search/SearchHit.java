package org.lumbung.search;

import java.util.List;
import java.util.Map;

/**
 * One record found: its id, first title, creators, publication year (null when unknown), source, type, languages and
 * access rights; and the passages that matched, as plain text segments ({@link Highlight}), never as markup.
 */
public record SearchHit(String id, String title, List<String> creators, Integer year, String source, String type,
                        List<String> languages, String access, Map<String, List<List<Highlight>>> highlights) {

    public SearchHit {
        creators = List.copyOf(creators);
        languages = List.copyOf(languages);
        highlights = Map.copyOf(highlights);
    }
}
