package org.lumbung.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * One record found: its id, first title, creators, publication year (null when unknown), source, type, languages and
 * access rights; and the passages that matched, as plain text segments ({@link Highlight}), never as markup. In a list
 * grouped by works, the hit stands for its work and says how many versions it has (absent otherwise).
 */
public record SearchHit(String id, String title, List<String> creators, Integer year, String source, String type,
                        List<String> languages, String access, Map<String, List<List<Highlight>>> highlights,
                        @JsonInclude(JsonInclude.Include.NON_NULL) Integer versions) {

    public SearchHit {
        creators = List.copyOf(creators);
        languages = List.copyOf(languages);
        highlights = Map.copyOf(highlights);
    }

    /** The same hit standing for its work, with the work's versions. */
    public SearchHit withVersions(int count) {
        return new SearchHit(id, title, creators, year, source, type, languages, access, highlights, count);
    }
}
