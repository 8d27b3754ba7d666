package org.lumbung.dc;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lumbung.derived.Derived;
import org.lumbung.derived.LanguageNormaliser;
import org.lumbung.derived.NameNormaliser;
import org.lumbung.language.LanguageDetector;

/**
 * Collects a record's values as a crosswalk or an extractor finds them: cleans each value, drops empties and
 * repeats, and at the end fills in the language of titles and descriptions that came without one and derives the
 * normalised values ({@link DcDeriver}).
 */
public final class DcRecordBuilder {

    /** Elements whose values are prose long enough to detect a language from. */
    private static final Set<DcElement> DETECTED = Set.of(DcElement.TITLE, DcElement.DESCRIPTION);
    /** Languages a detector tells apart least surely, each with the other: Indonesian and Malay. */
    private static final Map<String, String> SIBLINGS = Map.of("id", "ms", "ms", "id");

    private final String id;
    private final String sourceId;
    private final Map<DcElement, List<DcValue>> elements = new EnumMap<>(DcElement.class);
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
        return addClean(element, ValueCleaner.clean(raw), lang);
    }

    public DcRecordBuilder add(DcElement element, String raw) {
        return add(element, raw, null);
    }

    /** Adds a keyword list ({@code a; b; c}, {@code a, b}) as one subject per keyword. */
    public DcRecordBuilder keywords(String raw, String lang) {
        for (String keyword : ValueCleaner.keywords(raw)) {
            addClean(DcElement.SUBJECT, keyword, lang);
        }
        return this;
    }

    private DcRecordBuilder addClean(DcElement element, String text, String lang) {
        if (text == null) {
            return this;
        }
        List<DcValue> values = elements.computeIfAbsent(element, e -> new ArrayList<>(2));
        for (DcValue value : values) {
            if (value.text().equals(text)) {
                return this;
            }
        }
        values.add(new DcValue(text, ValueCleaner.languageTag(lang)));
        return this;
    }

    /**
     * Adds a creator in detail and its name to dc:creator. A space before the comma of an inverted name goes: HAL
     * writes {@code Pereira , Rodrigo M.}.
     */
    public DcRecordBuilder creator(Creator creator) {
        String name = NameNormaliser.noSpaceBeforeComma(ValueCleaner.clean(creator.name()));
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

    public boolean hasCitation(Citation fact) {
        return citation.containsKey(fact);
    }

    /**
     * The record, with languages detected where the source gave none (no detection when detector is null) and its
     * derived values.
     */
    public DcRecord build(LanguageDetector detector) {
        if (detector != null) {
            Set<String> stated = statedLanguages();
            for (DcElement element : DETECTED) {
                List<DcValue> values = elements.get(element);
                if (values != null) {
                    values.replaceAll(v -> v.lang() != null ? v : detected(v, detector, stated));
                }
            }
        }
        DcRecord record = new DcRecord(id, sourceId, oai, elements, creators, citation, Derived.NONE, provenance,
                false);
        return record.withDerived(DcDeriver.derive(record));
    }

    /**
     * A value's detected language; between Indonesian and Malay, which are written nearly alike, the one the record
     * states (dc:language, a page's {@code DC.Language}) when it states that one and not the other: a short
     * Indonesian title can score as Malay, and was shown as Malay on a record that said {@code id}.
     */
    private static DcValue detected(DcValue value, LanguageDetector detector, Set<String> stated) {
        String lang = detector.detect(value.text());
        if (lang == null) {
            return value;
        }
        String sibling = SIBLINGS.get(lang);
        if (sibling != null && stated.contains(sibling) && !stated.contains(lang)) {
            lang = sibling;
        }
        return new DcValue(value.text(), lang, true);
    }

    /** The ISO 639-1 codes of the languages the record's dc:language values name. */
    private Set<String> statedLanguages() {
        Set<String> stated = new java.util.HashSet<>();
        for (DcValue v : elements.getOrDefault(DcElement.LANGUAGE, List.of())) {
            LanguageNormaliser.codes(v.text()).stream().map(LanguageNormaliser.Code::iso639_1)
                    .filter(java.util.Objects::nonNull).forEach(stated::add);
        }
        return stated;
    }
}
