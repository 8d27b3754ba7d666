package org.lumbung.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import java.util.List;
import java.util.Map;

/**
 * One record found, as a reader decides on it: its id, first title and every title with its language, creators (as
 * written, and as authors with affiliation and ORCID), publication year (null when unknown), source (id and name),
 * journal, type, languages (codes and names), access rights and whether they say open access, licence, the addresses
 * of the article's page and of its full text (http or https only, else null), its abstracts with their languages, and
 * the passages that matched, as plain text segments ({@link Highlight}), never as markup. In a list grouped by works,
 * the hit stands for its work and says how many versions it has (absent otherwise).
 */
@JsonInclude(Include.NON_NULL)
public record SearchHit(String id, String title, List<Text> titles, List<String> creators, List<Author> authors,
                        Integer year, String source, String sourceName, String journal, String type,
                        List<String> languages, List<String> languageNames, String access, boolean openAccess,
                        Licence licence, String landing, String fullText, String doi, List<Text> abstracts,
                        Map<String, List<List<Highlight>>> highlights, Integer versions) {

    /** A value in its language: a BCP 47 or ISO 639 code as the record has it ({@code und} when unknown). */
    public record Text(String value, String lang, String langName) {
    }

    /** An author: the name (normalised where it could be), affiliation and ORCID iD (bare), each null when unknown. */
    @JsonInclude(Include.NON_NULL)
    public record Author(String name, String affiliation, String orcid) {
    }

    /** A licence: its label ({@code CC BY 4.0}) and its deed's URI (null when the statement named no version). */
    @JsonInclude(Include.NON_NULL)
    public record Licence(String label, String uri) {
    }

    public SearchHit {
        titles = List.copyOf(titles);
        creators = List.copyOf(creators);
        authors = List.copyOf(authors);
        languages = List.copyOf(languages);
        languageNames = List.copyOf(languageNames);
        abstracts = List.copyOf(abstracts);
        highlights = Map.copyOf(highlights);
    }

    /** The same hit standing for its work, with the work's versions. */
    public SearchHit withVersions(int count) {
        return new SearchHit(id, title, titles, creators, authors, year, source, sourceName, journal, type, languages,
                languageNames, access, openAccess, licence, landing, fullText, doi, abstracts, highlights, count);
    }
}
