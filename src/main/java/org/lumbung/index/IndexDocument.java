package org.lumbung.index;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import java.util.List;
import java.util.Map;

/**
 * A record's document in the records index, field for field as docs/formats.md's schema describes it; written and read
 * back by the Elasticsearch client's own JSON mapper ({@link EsConnection#jsonMapper}). What is null is left out
 * whatever mapper writes it (the client, the bench's bulk bodies, the record API), so all of them write one JSON.
 * A tombstone has only source, oai, provenance, indexedAt and deleted. Fields a reader did not ask for
 * ({@code sourceIncludes} and {@code sourceExcludes}) read back as null. Search and facet stay in {@code _source}:
 * leaving them out of it ({@code _source.excludes}) made Elasticsearch store the whole document a second time, as
 * {@code _recovery_source}, until a merge after the retention lease pruned it.
 *
 * @param dc     the Dublin Core values per element term, as the repository sent them
 * @param lang   aligned with dc: the i-th entry is the language of the i-th value, {@code und} where unknown
 * @param search derived for search only (per-language fields, names, all): see {@link SearchFields}
 * @param facet  derived for facets only: see {@link SearchFields}
 * @param keys   the merge keys ({@link Identity}), absent when the record has none
 * @param work   the work the record is a version of ({@link Works}); absent from a tombstone
 */
@JsonInclude(Include.NON_NULL)
public record IndexDocument(Map<String, List<String>> dc, Map<String, List<String>> lang, List<Creator> creators,
                            Derived derived, List<String> quality, Map<String, Object> search,
                            Map<String, Object> facet, Source source, Oai oai, List<Provenance> provenance, Keys keys,
                            Work work, String indexedAt, boolean deleted) {

    /** The document as a reader is shown it: search and facet fields are for the index, not for reading. */
    public IndexDocument withoutSearchFields() {
        return new IndexDocument(dc, lang, creators, derived, quality, null, null, source, oai, provenance, keys,
                work, indexedAt, deleted);
    }

    /** The same document in another work (its key changed, its title key kept). */
    public IndexDocument inWork(String key) {
        return new IndexDocument(dc, lang, creators, derived, quality, search, facet, source, oai, provenance, keys,
                new Work(key, work == null ? null : work.title()), indexedAt, deleted);
    }

    /** The same document with another change time (null: none). */
    public IndexDocument at(String changed) {
        return new IndexDocument(dc, lang, creators, derived, quality, search, facet, source, oai, provenance, keys,
                work, changed, deleted);
    }

    /** The values of a Dublin Core element (its term: {@code title}), empty when there are none. */
    public List<String> values(String term) {
        return dc == null ? List.of() : dc.getOrDefault(term, List.of());
    }

    /** The languages of a Dublin Core element's values, aligned with them; empty when there are none. */
    public List<String> languages(String term) {
        return lang == null ? List.of() : lang.getOrDefault(term, List.of());
    }

    /** The contributions the document holds, empty when they were not read. */
    public List<Provenance> contributions() {
        return provenance == null ? List.of() : provenance;
    }

    /** A creator as the record names it. */
    @JsonInclude(Include.NON_NULL)
    public record Creator(String name, String affiliation, String orcid, boolean corresponding) {
    }

    /** What Lumbung derived from the values; a list with nothing in it is left out, like a value that is null. */
    @JsonInclude(Include.NON_NULL)
    public record Derived(String published, Integer publishedYear, Language language, String doi,
                          Identifiers identifiers, Term type, Term accessRights, Term licence,
                          @JsonInclude(Include.NON_EMPTY) List<Person> creators,
                          @JsonInclude(Include.NON_EMPTY) List<String> fullText, Journal journal) {
    }

    /** The record's languages as ISO 639-3 and, where one exists, ISO 639-1 codes, and where they were read. */
    @JsonInclude(Include.NON_NULL)
    public record Language(List<String> iso639_3, @JsonInclude(Include.NON_EMPTY) List<String> iso639_1,
                           String from) {
    }

    /** The identifiers among the values, by kind, in normal form. */
    @JsonInclude(Include.NON_EMPTY)
    public record Identifiers(List<String> doi, List<String> issn, List<String> isbn, List<String> handle,
                              List<String> urn, List<String> ark, List<String> url) {
    }

    /** A vocabulary term: a COAR resource type or access right, a licence. */
    @JsonInclude(Include.NON_NULL)
    public record Term(String uri, String label) {
    }

    /** A creator with the name normalised and the ORCID checked. */
    @JsonInclude(Include.NON_NULL)
    public record Person(String name, String affiliation, String orcid) {
    }

    /** Where the record was published. */
    @JsonInclude(Include.NON_NULL)
    public record Journal(String title, @JsonInclude(Include.NON_EMPTY) List<String> issn, String volume,
                          String issue, String pages, String firstPage, String lastPage) {
    }

    /** The source the record came from. */
    @JsonInclude(Include.NON_NULL)
    public record Source(String id) {
    }

    /** The record's OAI-PMH header, for the data provider that exposes it again. */
    @JsonInclude(Include.NON_NULL)
    public record Oai(String identifier, String datestamp, List<String> setSpec, String metadataPrefix) {
    }

    /** One contribution: where it came from, the key it is known by, and its raw record as it came. */
    @JsonInclude(Include.NON_NULL)
    public record Provenance(String sourceId, String oaiIdentifier, String url, String datestamp, String format,
                             String key, String raw) {

        /** The contribution as the pipeline knows it (its key follows from the rest). */
        public org.lumbung.dc.Provenance toContribution() {
            return new org.lumbung.dc.Provenance(sourceId, oaiIdentifier, url, datestamp, format, raw);
        }
    }

    /** The DOIs and landing addresses by which another record is known to be the same article. */
    @JsonInclude(Include.NON_NULL)
    public record Keys(List<String> doi, List<String> url) {
    }

    /**
     * The work a document is a version of: its key (what search collapses on: {@code doi:...}, {@code title:...} or
     * {@code id:...}) and its title key ({@link org.lumbung.derived.WorkKey}), by which a copy without a DOI finds
     * a copy with one.
     */
    @JsonInclude(Include.NON_NULL)
    public record Work(String key, String title) {
    }
}
