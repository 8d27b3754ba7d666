package org.lumbung.derived;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps dc:type values to COAR resource types (http://purl.org/coar/resource_type/): COAR URIs as they are, DRIVER's
 * {@code info:eu-repo/semantics/*} terms, DataCite's resourceTypeGeneral ({@code JournalArticle}), MODS genres, the
 * words crosswalks derive from a MARC leader, and free text in English and Indonesian ({@code Artikel},
 * {@code Skripsi}, {@code Tesis}, {@code Disertasi}, {@code Prosiding}, {@code Laporan}, {@code Buku}), plurals
 * included, as HAL names its document types ({@code Journal articles}, {@code Book sections}). Of several
 * values the most specific wins: {@code article} beats {@code Text}, {@code doctoral thesis} beats {@code thesis},
 * {@code Research Article} beats {@code info:eu-repo/semantics/article}.
 */
public final class TypeNormaliser {

    public static final String COAR = "http://purl.org/coar/resource_type/";

    private static final Pattern COAR_URI = Pattern.compile("(?i)purl\\.org/coar/resource_type/([a-z0-9_-]+)/?");
    private static final Pattern EU_REPO = Pattern.compile("(?i)info:eu-repo/semantics/([a-z]+)");
    private static final Pattern CAMEL = Pattern.compile("(?<=[a-z])(?=[A-Z])");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    /** COAR codes and their labels (COAR Resource Types 3.x). */
    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("c_6501", "journal article"), Map.entry("c_2df8fbb1", "research article"),
            Map.entry("c_dcae04bc", "review article"), Map.entry("c_b239", "editorial"),
            Map.entry("c_545b", "letter to the editor"), Map.entry("c_beb9", "data paper"),
            Map.entry("c_ba08", "book review"), Map.entry("c_3e5a", "contribution to journal"),
            Map.entry("c_5794", "conference paper"), Map.entry("c_f744", "conference proceedings"),
            Map.entry("c_6670", "conference poster"), Map.entry("c_c94f", "conference output"),
            Map.entry("c_2f33", "book"), Map.entry("c_3248", "book part"), Map.entry("c_46ec", "thesis"),
            Map.entry("c_db06", "doctoral thesis"), Map.entry("c_bdcc", "master thesis"),
            Map.entry("c_7a1f", "bachelor thesis"), Map.entry("c_93fc", "report"),
            Map.entry("c_18ws", "research report"), Map.entry("c_18gh", "technical report"),
            Map.entry("c_8042", "working paper"), Map.entry("c_816b", "preprint"), Map.entry("c_ddb1", "dataset"),
            Map.entry("c_5ce6", "software"), Map.entry("c_15cd", "patent"), Map.entry("c_8544", "lecture"),
            Map.entry("c_1162", "annotation"), Map.entry("c_efa0", "review"), Map.entry("c_0640", "journal"),
            Map.entry("c_2659", "periodical"), Map.entry("c_c513", "image"), Map.entry("c_12ce", "video"),
            Map.entry("c_18cc", "sound"), Map.entry("c_12cd", "map"), Map.entry("c_18cw", "musical notation"),
            Map.entry("c_e9a0", "interactive resource"), Map.entry("c_7ad9", "website"),
            Map.entry("c_393c", "workflow"), Map.entry("c_ab20", "data management plan"),
            Map.entry("c_86bc", "bibliography"), Map.entry("c_18cf", "text"), Map.entry("c_1843", "other"));

    /** Said of every kind of record, so any other type says more. */
    private static final Set<String> GENERIC = Set.of("c_18cf", "c_1843");
    /** Kinds of journal article: more specific than a journal article. */
    private static final Set<String> NARROW = Set.of("c_2df8fbb1", "c_dcae04bc", "c_b239", "c_545b", "c_beb9",
            "c_ba08");
    /** Kinds with more specific kinds below them. */
    private static final Set<String> BROAD = Set.of("c_46ec", "c_c94f", "c_93fc", "c_efa0", "c_0640", "c_2659",
            "c_3e5a");

    /** Whole values (lower case, words only), DRIVER terms, DataCite and MODS words, English and Indonesian. */
    private static final Map<String, String> TERMS = terms();

    /**
     * Words inside longer free text, tried in order after the whole-value table, each also with a plural s: a
     * journal's name comes last, since {@code Journal articles} are articles, not the periodical.
     */
    private static final List<Map.Entry<Pattern, String>> WORDS = List.of(
            // Indonesian degree levels: S1 (sarjana), S2 (magister), S3 (doktor).
            word("skripsi|tugas akhir|undergraduate thesis|bachelor|s1|sarjana", "c_7a1f"),
            word("disertasi|dissertation|doctoral|phd|ph d|doktor|s3", "c_db06"),
            word("tesis|master s? thesis|masters? thesis|magister|s2", "c_bdcc"),
            word("thesis|theses", "c_46ec"),
            word("prosiding|proceedings?", "c_f744"),
            word("conference|konferensi|seminar|symposium|workshop", "c_5794"),
            word("research article|original article|artikel penelitian|artikel riset", "c_2df8fbb1"),
            word("review article|artikel review|literature review|tinjauan pustaka", "c_dcae04bc"),
            word("book review|resensi", "c_ba08"),
            word("editorial", "c_b239"),
            word("book chapter|book part|chapter|bab buku", "c_3248"),
            word("book|buku|monograph|monografi", "c_2f33"),
            word("working paper", "c_8042"),
            word("article|artikel|paper|makalah", "c_6501"),
            word("technical report|laporan teknis", "c_18gh"),
            word("report|laporan", "c_93fc"),
            word("preprint|pre print", "c_816b"),
            word("dataset|data set|data", "c_ddb1"),
            word("software|perangkat lunak", "c_5ce6"),
            word("patent|paten", "c_15cd"),
            word("image|photograph|foto|gambar|still image", "c_c513"),
            word("video|film|moving image", "c_12ce"),
            word("sound|audio", "c_18cc"),
            word("journal|jurnal", "c_0640"));

    private static final ValueCache<CoarTerm> KNOWN = new ValueCache<>(TypeNormaliser::map);

    private TypeNormaliser() {
    }

    /** The most specific COAR type among the values, or null when none maps. */
    public static CoarTerm best(List<String> values) {
        CoarTerm best = null;
        int bestRank = -1;
        for (String value : values) {
            CoarTerm term = of(value);
            if (term != null && rank(term) > bestRank) {
                best = term;
                bestRank = rank(term);
            }
        }
        return best;
    }

    /** The COAR type of one value, or null. */
    public static CoarTerm of(String raw) {
        return raw == null || raw.isBlank() ? null : KNOWN.get(raw);
    }

    private static CoarTerm map(String raw) {
        Matcher m = COAR_URI.matcher(raw);
        if (m.find()) {
            String code = m.group(1);
            return new CoarTerm(COAR + code, LABELS.get(code));
        }
        m = EU_REPO.matcher(raw);
        String key = m.find() ? m.group(1).toLowerCase(Locale.ROOT) : words(raw);
        String code = TERMS.get(key);
        if (code == null) {
            for (Map.Entry<Pattern, String> word : WORDS) {
                if (word.getKey().matcher(key).find()) {
                    code = word.getValue();
                    break;
                }
            }
        }
        return code == null ? null : new CoarTerm(COAR + code, LABELS.get(code));
    }

    private static int rank(CoarTerm term) {
        String code = term.uri().substring(COAR.length());
        return GENERIC.contains(code) ? 0 : BROAD.contains(code) ? 1 : NARROW.contains(code) ? 3 : 2;
    }

    /** {@code JournalArticle}, {@code journal-article} and {@code Journal Article.} all become {@code journal article}. */
    private static String words(String raw) {
        String split = CAMEL.matcher(raw.strip()).replaceAll(" ");
        return NOT_WORD.matcher(split.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    private static Map.Entry<Pattern, String> word(String alternatives, String code) {
        return Map.entry(Pattern.compile("\\b(?:" + alternatives + ")s?\\b"), code);
    }

    private static Map<String, String> terms() {
        Map<String, String> t = new HashMap<>();
        // DRIVER / OpenAIRE v3 info:eu-repo/semantics terms (lower case); version terms map to nothing.
        put(t, "c_6501", "article", "journal article", "journalarticle", "artikel", "artikel jurnal", "artikel ilmiah",
                "peer reviewed article", "contribution to journal", "journal contribution", "jurnal artikel");
        put(t, "c_7a1f", "bachelorthesis", "bachelor thesis", "skripsi", "undergraduate thesis", "tugas akhir");
        put(t, "c_bdcc", "masterthesis", "master thesis", "masters thesis", "master s thesis", "tesis", "thesis master");
        put(t, "c_db06", "doctoralthesis", "doctoral thesis", "disertasi", "dissertation", "phd thesis");
        put(t, "c_46ec", "thesis", "theses", "karya ilmiah");
        put(t, "c_2f33", "book", "buku", "monograph");
        put(t, "c_3248", "bookpart", "book part", "book chapter", "chapter", "bab buku");
        put(t, "c_efa0", "review");
        put(t, "c_c94f", "conferenceobject", "conference object", "conference output", "conference item");
        put(t, "c_5794", "conference paper", "conferencepaper", "conference contribution", "makalah seminar");
        put(t, "c_f744", "conference proceedings", "conference proceeding", "conferenceproceeding", "proceedings",
                "prosiding");
        put(t, "c_6670", "conference poster", "poster");
        put(t, "c_8544", "lecture");
        put(t, "c_8042", "workingpaper", "working paper");
        put(t, "c_816b", "preprint");
        put(t, "c_93fc", "report", "laporan");
        put(t, "c_18ws", "research report", "laporan penelitian");
        put(t, "c_1162", "annotation");
        put(t, "c_3e5a", "contributiontoperiodical", "contribution to periodical");
        put(t, "c_15cd", "patent", "paten");
        put(t, "c_1843", "other", "lainnya", "lain lain", "misc", "miscellaneous");
        put(t, "c_18cf", "text", "teks", "text serial journal", "collection", "mixed material");
        put(t, "c_ddb1", "dataset", "data set", "data");
        put(t, "c_beb9", "data paper", "datapaper");
        put(t, "c_5ce6", "software", "computational notebook", "software multimedia");
        put(t, "c_c513", "image", "still image", "photograph", "gambar");
        put(t, "c_12ce", "audiovisual", "video", "moving image", "film");
        put(t, "c_18cc", "sound", "sound recording", "audio");
        put(t, "c_12cd", "map", "cartographic", "cartographic material", "peta");
        put(t, "c_18cw", "musical notation", "notated music");
        put(t, "c_e9a0", "interactive resource");
        put(t, "c_0640", "journal", "jurnal");
        put(t, "c_2659", "periodical", "serial");
        put(t, "c_b239", "editorial");
        put(t, "c_ba08", "book review");
        put(t, "c_dcae04bc", "review article");
        put(t, "c_2df8fbb1", "research article");
        put(t, "c_ab20", "output management plan", "data management plan");
        // HAL's document types (its typdoc labels in English), plural.
        put(t, "c_6501", "journal articles");
        put(t, "c_5794", "conference papers");
        put(t, "c_6670", "poster communications");
        put(t, "c_3248", "book sections");
        put(t, "c_2f33", "books");
        put(t, "c_816b", "preprints working papers");
        put(t, "c_f744", "directions of work or proceedings");
        put(t, "c_46ec", "habilitation à diriger des recherches");
        put(t, "c_8544", "lectures");
        put(t, "c_1843", "other publications");
        put(t, "c_393c", "workflow");
        return Map.copyOf(t);
    }

    private static void put(Map<String, String> table, String code, String... keys) {
        for (String key : keys) {
            table.put(key, code);
        }
    }
}
