package org.lumbung.dc;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.lumbung.derived.Derived;

/**
 * A record in Dublin Core: the fifteen elements as lists of cleaned values, each with its language, plus the creators
 * in detail and where the record came from. A tombstone ({@code deleted}) keeps its ids and provenance and no metadata.
 *
 * @param id         the document id: {@code <source id>:<OAI identifier>} or the page's canonical address
 * @param sourceId   the source that produced it
 * @param oai        the OAI-PMH header, or null for a landing page
 * @param elements   values per element; elements without values are absent
 * @param creators   creators with affiliation, ORCID and corresponding mark where the source gives them
 * @param citation   facts about the publication the format states outright (volume, ISSN, PDF address...)
 * @param derived    values derived from all the above in standard vocabularies, beside them ({@link Derived#NONE}
 *                   for a tombstone)
 * @param provenance one entry per source that contributed
 * @param deleted    whether the source reported the record deleted
 */
public record DcRecord(String id, String sourceId, OaiInfo oai, Map<DcElement, List<DcValue>> elements,
                       List<Creator> creators, Map<Citation, List<String>> citation, Derived derived,
                       List<Provenance> provenance, boolean deleted) {

    public DcRecord {
        EnumMap<DcElement, List<DcValue>> copy = new EnumMap<>(DcElement.class);
        elements.forEach((k, v) -> {
            if (!v.isEmpty()) {
                copy.put(k, List.copyOf(v));
            }
        });
        elements = Collections.unmodifiableMap(copy);
        creators = List.copyOf(creators);
        EnumMap<Citation, List<String>> facts = new EnumMap<>(Citation.class);
        citation.forEach((k, v) -> {
            if (!v.isEmpty()) {
                facts.put(k, List.copyOf(v));
            }
        });
        citation = Collections.unmodifiableMap(facts);
        provenance = List.copyOf(provenance);
    }

    public static DcRecord tombstone(String id, String sourceId, OaiInfo oai, Provenance provenance) {
        return new DcRecord(id, sourceId, oai, Map.of(), List.of(), Map.of(), Derived.NONE, List.of(provenance), true);
    }

    /** The same record with these derived values. */
    public DcRecord withDerived(Derived values) {
        return new DcRecord(id, sourceId, oai, elements, creators, citation, values, provenance, deleted);
    }

    /** The facts of one kind the format states outright, in source order. */
    public List<String> citation(Citation fact) {
        return citation.getOrDefault(fact, List.of());
    }

    /** The element's values, in source order. */
    public List<String> values(DcElement element) {
        return each(element, DcValue::text);
    }

    /** The language of each value of the element, aligned with {@link #values}; null where unknown. */
    public List<String> languages(DcElement element) {
        return each(element, DcValue::lang);
    }

    /** Read for every record many times over, so a plain loop rather than a stream. */
    private List<String> each(DcElement element, Function<DcValue, String> part) {
        List<DcValue> values = elements.get(element);
        if (values == null || values.isEmpty()) {
            return Collections.emptyList();
        }
        String[] out = new String[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = part.apply(values.get(i));
        }
        return Collections.unmodifiableList(Arrays.asList(out));
    }
}
