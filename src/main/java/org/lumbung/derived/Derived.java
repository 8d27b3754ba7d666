package org.lumbung.derived;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What Lumbung derives from a record, indexed beside the values the repository sent and never replacing them.
 *
 * @param published     the publication date in W3CDTF ({@code 2021}, {@code 2021-03}, {@code 2021-03-15}), or null
 * @param publishedYear its year, or null
 * @param languages     the record's languages in ISO 639-3
 * @param languages1    the same in ISO 639-1 where a two-letter code exists
 * @param languageFrom  where the languages come from: {@code metadata} (dc:language), {@code xml:lang} or
 *                      {@code detected} (of the first title), or null when unknown
 * @param doi           the record's own DOI (lower case, {@code 10.} form), or null
 * @param identifiers   every identifier found in identifier, relation and source, by kind
 * @param type          the COAR resource type, or null
 * @param accessRights  the COAR access rights, or null
 * @param licence       the Creative Commons licence, or null
 * @param creators      the creators as {@code Family, Given} with affiliation and ORCID
 * @param fullText      addresses of the full text (PDF or galley)
 * @param journal       journal title, ISSN, volume, issue and pages
 * @param quality       what the record lacks, in the order of {@link QualityFlag}
 */
public record Derived(String published, Integer publishedYear, List<String> languages, List<String> languages1,
                      String languageFrom, String doi, Identifiers identifiers, CoarTerm type, CoarTerm accessRights,
                      Licence licence, List<Person> creators, List<String> fullText, Journal journal,
                      Set<QualityFlag> quality) {

    /** A tombstone's: nothing derived. */
    public static final Derived NONE = new Derived(null, null, List.of(), List.of(), null, null,
            new Identifiers(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of()), null, null,
            null, List.of(), List.of(), Journal.NONE, Set.of());

    public Derived {
        languages = List.copyOf(languages);
        languages1 = List.copyOf(languages1);
        creators = List.copyOf(creators);
        fullText = List.copyOf(fullText);
        quality = quality.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(quality));
    }

    /** The same values with these quality flags. */
    public Derived withQuality(Set<QualityFlag> flags) {
        return new Derived(published, publishedYear, languages, languages1, languageFrom, doi, identifiers, type,
                accessRights, licence, creators, fullText, journal, flags);
    }
}
