package org.lumbung.index;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.lumbung.dc.DcElement;
import org.lumbung.dc.DcRecord;
import org.lumbung.derived.Folding;
import org.lumbung.derived.LanguageNormaliser;
import org.lumbung.derived.NameNormaliser;

/**
 * The fields search reads, beside the Dublin Core ones: each title, description and subject in the field of its
 * language ({@code search.title.id}, {@code .en}, {@code .other}), analysed for that language; a value whose language
 * is unknown goes to all three. Names and a folded catch-all of the other searched elements; and folded keyword values
 * for the subject facet, computed here because keyword normalizers cannot use plugin filters.
 */
public final class SearchFields {

    private static final List<DcElement> BY_LANGUAGE = List.of(DcElement.TITLE, DcElement.DESCRIPTION, DcElement.SUBJECT);
    /**
     * What the catch-all holds: the searched elements no other search field has. Titles, descriptions and subjects
     * are not in it again: a word the folded catch-all would match, their field of their language matches too (its
     * analyzer folds alike and stems query and value alike), and a second analysed copy of every abstract was the
     * largest part of what the search fields cost Elasticsearch.
     */
    private static final List<DcElement> ALL_ELSE = List.of(DcElement.PUBLISHER, DcElement.SOURCE,
            DcElement.COVERAGE);

    private SearchFields() {
    }

    static Map<String, Object> search(DcRecord record) {
        Map<String, Object> search = new LinkedHashMap<>();
        for (DcElement element : BY_LANGUAGE) {
            Map<String, List<String>> buckets = new LinkedHashMap<>();
            List<String> values = record.values(element);
            List<String> languages = record.languages(element);
            for (int i = 0; i < values.size(); i++) {
                for (String field : fields(languages.get(i))) {
                    buckets.computeIfAbsent(field, f -> new ArrayList<>()).add(values.get(i));
                }
            }
            if (!buckets.isEmpty()) {
                search.put(element.term(), buckets);
            }
        }
        List<String> names = new ArrayList<>(record.values(DcElement.CREATOR));
        names.addAll(record.values(DcElement.CONTRIBUTOR));
        if (!names.isEmpty()) {
            search.put("names", names);
        }
        List<String> all = new ArrayList<>();
        for (DcElement e : ALL_ELSE) {
            all.addAll(record.values(e));
        }
        if (!all.isEmpty()) {
            search.put("all", all);
        }
        return search;
    }

    /**
     * The folded subjects the subject facet counts, and the creators the author facet counts: each name as
     * {@code Family, Given} where it reads as a person's (so {@code Budi Santoso} and {@code Santoso, Budi} count
     * together), else as written. Most records (plain oai_dc) have no detailed creators, so these come from dc:creator.
     */
    static Map<String, Object> facets(DcRecord record) {
        Map<String, Object> facets = new LinkedHashMap<>();
        put(facets, "subject", record.values(DcElement.SUBJECT));
        Set<String> creators = new LinkedHashSet<>();
        for (String name : record.values(DcElement.CREATOR)) {
            String normal = NameNormaliser.familyGiven(name);
            creators.add(normal != null ? normal : name.strip());
        }
        creators.remove("");
        if (!creators.isEmpty()) {
            facets.put("creator", List.copyOf(creators));
        }
        return facets;
    }

    private static void put(Map<String, Object> facets, String name, List<String> values) {
        Set<String> folded = new LinkedHashSet<>();
        values.forEach(v -> folded.add(fold(v)));
        folded.remove("");
        if (!folded.isEmpty()) {
            facets.put(name, List.copyOf(folded));
        }
    }

    /** Where a value of this language is searched: Indonesian (and Malay), English, or other; unknown: all. */
    static List<String> fields(String lang) {
        if (lang == null || lang.equals("und")) {
            return List.of("id", "en", "other");
        }
        return switch (LanguageNormaliser.primarySubtag(lang)) {
            case "id", "in", "ind", "ms", "msa", "zsm", "may" -> List.of("id");
            case "en", "eng" -> List.of("en");
            default -> List.of("other");
        };
    }

    /** Lower case without accents and marks, as ASCII folding reads them: Erdoğan and erdogan group together. */
    public static String fold(String value) {
        String bare = Folding.withoutMarks(Folding.canonicallyDecomposed(value)).toLowerCase(Locale.ROOT);
        return bare.replace("ı", "i").replace("ø", "o").replace("đ", "d").replace("ł", "l").replace("æ", "ae")
                .replace("œ", "oe").replace("ß", "ss").replace("þ", "th").strip();
    }
}
