package org.lumbung.derived;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The key that tells copies of one work apart from other works when they share no DOI: the normalised title, the first
 * creator's family name and the publication year, as {@code title|family|year}. The title is folded (case, accents
 * and diacritics: {@code Erdoğan} and {@code Erdogan}, {@code Qur'an} and {@code Quran}), its punctuation dropped, and
 * cut at its subtitle ({@code :}, {@code ;}, {@code ?}, {@code !} or a spaced dash), since repositories keep or drop
 * subtitles at will; a part's number after the cut stays ({@code Part 2}, {@code Bagian II}), so the parts of a series
 * stay apart. A main title of fewer than three words keeps its subtitle (it would say too little alone). Titles that
 * name a kind of item rather than a work ({@code Editorial}, {@code Kata Pengantar}, {@code Book review}) have no key:
 * every issue of a journal has one.
 */
public final class WorkKey {

    private static final Pattern SUBTITLE = Pattern.compile("[:;?!]|\\s[-–—]+\\s|\\s--\\s");
    /** A part's number, in English and Indonesian: part 2, bagian II, jilid 3, vol. 4, seri 1, no. 5, chapter 6. */
    private static final Pattern PART = Pattern.compile("\\b(part|bagian|jilid|vol|volume|seri|series|no|nomor|"
            + "chapter|bab|edisi|edition|tahap|phase)\\s+([0-9]+|[ivxlc]+)\\b");
    /** Titles that are a kind of item, not a work's name; folded as the key folds them. */
    private static final Set<String> GENERIC = Set.of("editorial", "editorial board", "preface", "foreword",
            "introduction", "kata pengantar", "pengantar", "pengantar redaksi", "pendahuluan", "daftar isi",
            "table of contents", "contents", "front matter", "back matter", "cover", "sampul", "index", "indeks",
            "errata", "erratum", "corrigendum", "book review", "review", "resensi", "resensi buku", "tinjauan buku",
            "abstract", "abstrak", "lampiran", "appendix", "susunan redaksi", "dewan redaksi", "author guidelines",
            "pedoman penulisan", "untitled", "tanpa judul");
    private static final int MIN_WORDS = 3;
    /** Keys are keywords Elasticsearch keeps as doc values: a long title is cut, at a word. */
    private static final int MAX_TITLE = 300;

    private WorkKey() {
    }

    /**
     * The key, or null when the record lacks one of its parts or its title is generic.
     *
     * @param title      the record's first title
     * @param familyGiven the first creator as {@link NameNormaliser#familyGiven} writes it
     * @param year       the publication year
     */
    public static String of(String title, String familyGiven, Integer year) {
        String t = title == null ? "" : title(title);
        String family = familyGiven == null ? "" : family(familyGiven);
        if (t.isEmpty() || family.isEmpty() || year == null || GENERIC.contains(t)) {
            return null;
        }
        return t + "|" + family + "|" + year;
    }

    /** The title as the key has it: folded, without punctuation, the subtitle cut unless the rest is too short. */
    public static String title(String title) {
        String folded = fold(title);
        Matcher cut = SUBTITLE.matcher(folded);
        if (cut.find()) {
            String main = Folding.words(folded.substring(0, cut.start()));
            String rest = Folding.words(folded.substring(cut.end()));
            if (main.split(" ").length >= MIN_WORDS) {
                List<String> parts = new ArrayList<>();
                Matcher part = PART.matcher(rest);
                while (part.find()) {
                    parts.add(part.group(1) + " " + part.group(2));
                }
                return cap(parts.isEmpty() ? main : main + " " + String.join(" ", parts));
            }
        }
        return cap(Folding.words(folded));
    }

    /** The family name of {@code Family, Given} (or of a single name), folded to letters. */
    static String family(String familyGiven) {
        int comma = familyGiven.indexOf(',');
        String family = comma < 0 ? familyGiven : familyGiven.substring(0, comma);
        return Folding.words(fold(family)).replace(" ", "");
    }

    private static String fold(String text) {
        return Folding.withoutMarksOrApostrophes(Folding.compatibilityDecomposed(text)).toLowerCase(Locale.ROOT);
    }

    private static String cap(String title) {
        if (title.length() <= MAX_TITLE) {
            return title;
        }
        int space = title.lastIndexOf(' ', MAX_TITLE);
        return title.substring(0, space > 0 ? space : MAX_TITLE);
    }
}
