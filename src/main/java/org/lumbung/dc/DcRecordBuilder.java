package org.lumbung.dc;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collects a record's values as a crosswalk or an extractor finds them: cleans each value, drops empties and
 * repeats, and at the end fills in the language of titles and descriptions that came without one.
 */
public final class DcRecordBuilder {

    /** Elements whose values are prose long enough to detect a language from. */
    private static final Set<DcElement> DETECTED = Set.of(DcElement.TITLE, DcElement.DESCRIPTION);

    private final String id;
    private final String sourceId;
    private final Map<DcElement, List<DcValue>> elements = new EnumMap<>(DcElement.class);
    private final Set<String> seen = new LinkedHashSet<>();
    private final List<Creator> creators = new ArrayList<>();
    private final Map<Citation, List<String>> citation = new EnumMap<>(Citation.class);
    private final List<Provenance> provenance = new ArrayList<>();
    private OaiInfo oai;

    public DcRecordBuilder(String id, String sourceId) {
        this.id = id;
        this.sourceId = sourceId;
    }

    public DcRecordBuilder oai(OaiInfo info) {
        this.oai = info;
        return this;
    }

    /** Adds a value unless it is empty or the element already has it. */
    public DcRecordBuilder add(DcElement element, String raw, String lang) {
        String text = ValueCleaner.clean(raw);
        if (text != null && seen.add(element.ordinal() + "\u0000" + text)) {
            elements.computeIfAbsent(element, e -> new ArrayList<>()).add(new DcValue(text, ValueCleaner.languageTag(lang)));
        }
        return this;
    }

    public DcRecordBuilder add(DcElement element, String raw) {
        return add(element, raw, null);
    }

    /** Adds a creator in detail and its name to dc:creator. */
    public DcRecordBuilder creator(Creator creator) {
        String name = ValueCleaner.clean(creator.name());
        if (name == null || creators.stream().anyMatch(c -> c.name().equals(name))) {
            return this;
        }
        creators.add(new Creator(name, ValueCleaner.clean(creator.affiliation()), ValueCleaner.clean(creator.orcid()),
                creator.corresponding()));
        return add(DcElement.CREATOR, name);
    }

    /** Records a fact the format states outright (cleaned; empties and repeats dropped). */
    public DcRecordBuilder citation(Citation fact, String raw) {
        String text = ValueCleaner.clean(raw);
        if (text != null) {
            List<String> values = citation.computeIfAbsent(fact, f -> new ArrayList<>());
            if (!values.contains(text)) {
                values.add(text);
            }
        }
        return this;
    }

    public DcRecordBuilder provenance(Provenance entry) {
        provenance.add(entry);
        return this;
    }

    public boolean has(DcElement element) {
        return elements.containsKey(element);
    }

    /** The record, with languages detected where the source gave none (no detection when detector is null). */
    public DcRecord build(LanguageDetector detector) {
        if (detector != null) {
            for (DcElement element : DETECTED) {
                List<DcValue> values = elements.get(element);
                if (values != null) {
                    values.replaceAll(v -> v.lang() != null ? v : new DcValue(v.text(), detector.detect(v.text())));
                }
            }
        }
        return new DcRecord(id, sourceId, oai, elements, creators, citation, provenance, false);
    }
}
