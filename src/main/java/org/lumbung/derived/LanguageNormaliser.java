package org.lumbung.derived;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.regex.Pattern;

/**
 * Reads languages as repositories write them into ISO 639-3 (with the ISO 639-1 code where one exists): codes in any
 * case and form ({@code en}, {@code EN}, {@code eng}, {@code ger}, {@code en_US}, {@code id-ID}), and names in English,
 * in the language itself and in Indonesian ({@code English}, {@code Español}, {@code Inggris}, {@code Bahasa
 * Indonesia}). The tables come from the JDK's locale data, plus the ISO 639-2 bibliographic codes and the regional
 * languages of Indonesia that have no two-letter code. A value may name several ({@code eng; ind}).
 */
public final class LanguageNormaliser {

    /** An ISO 639-3 code and, where one exists, the ISO 639-1 code of the same language. */
    public record Code(String iso639_3, String iso639_1) {
    }

    private static final Pattern SEPARATORS = Pattern.compile("\\s*(?:[;,/|+&]|\\s+and\\s+|\\s+dan\\s+)\\s*");
    private static final Pattern TAG = Pattern.compile("([a-z]{2,3})(?:[-_][a-z0-9]{1,8})*");
    private static final Pattern PARENTHESES = Pattern.compile("\\s*[(\\[].*?[)\\]]\\s*");
    /** Values that say the language is unknown, several, or not applicable. */
    private static final List<String> NONE = List.of("und", "mul", "zxx", "mis", "other", "others", "unknown", "n/a",
            "na", "none", "lainnya", "multiple", "various");
    private static final Map<String, Code> BY_KEY = table();
    private static final ValueCache<List<Code>> KNOWN = new ValueCache<>(LanguageNormaliser::parse);

    private LanguageNormaliser() {
    }

    /** The languages a value names, in order and without repeats; empty when it names none Lumbung knows. */
    public static List<Code> codes(String raw) {
        return raw == null || raw.isBlank() ? List.of() : KNOWN.get(raw);
    }

    private static List<Code> parse(String raw) {
        List<Code> out = new ArrayList<>(2);
        String whole = raw.strip().toLowerCase(Locale.ROOT);
        Code code = code(whole);
        if (code != null) {
            return List.of(code);
        }
        for (String part : SEPARATORS.split(whole)) {
            Code c = code(part);
            if (c != null && !out.contains(c)) {
                out.add(c);
            }
        }
        return List.copyOf(out);
    }

    /**
     * The primary language subtag of a tag, lower case and without its region or script: {@code id} of
     * {@code id-ID}, {@code en} of {@code EN_us}, {@code ind} of {@code ind}. Not checked against any list.
     */
    public static String primarySubtag(String tag) {
        String text = tag.strip();
        int cut = 0;
        while (cut < text.length() && text.charAt(cut) != '-' && text.charAt(cut) != '_') {
            cut++;
        }
        return text.substring(0, cut).toLowerCase(Locale.ROOT);
    }

    /** The single language of a tag such as {@code id-ID} or {@code en_US}, or null. */
    public static Code code(String raw) {
        if (raw == null) {
            return null;
        }
        String text = PARENTHESES.matcher(raw.strip().toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
        if (text.isEmpty() || NONE.contains(text)) {
            return null;
        }
        Code named = BY_KEY.get(text);
        if (named != null) {
            return named;
        }
        if (text.startsWith("bahasa ")) {
            return BY_KEY.get(text.substring("bahasa ".length()).strip());
        }
        var tag = TAG.matcher(text);
        if (tag.matches() && !NONE.contains(tag.group(1))) {
            return BY_KEY.get(tag.group(1));
        }
        return null;
    }

    private static Map<String, Code> table() {
        Map<String, Code> table = new HashMap<>();
        Locale indonesian = Locale.forLanguageTag("id");
        for (String two : Locale.getISOLanguages()) {
            Locale locale = Locale.forLanguageTag(two);
            String three;
            try {
                three = locale.getISO3Language();
            } catch (MissingResourceException e) {
                continue;
            }
            if (three.isEmpty()) {
                continue;
            }
            // The JDK lists the retired in, iw and ji beside id, he and yi; the current code is the language's.
            Code code = new Code(three, locale.getLanguage());
            table.put(two, code);
            table.putIfAbsent(three, code);
            addName(table, locale.getDisplayLanguage(Locale.ENGLISH), code);
            addName(table, locale.getDisplayLanguage(locale), code);
            addName(table, locale.getDisplayLanguage(indonesian), code);
        }
        // ISO 639-2 bibliographic codes, which library systems (MARC, MODS) use.
        String[][] bibliographic = {{"alb", "sqi"}, {"arm", "hye"}, {"baq", "eus"}, {"bur", "mya"}, {"chi", "zho"},
            {"cze", "ces"}, {"dut", "nld"}, {"fre", "fra"}, {"geo", "kat"}, {"ger", "deu"}, {"gre", "ell"},
            {"ice", "isl"}, {"mac", "mkd"}, {"mao", "mri"}, {"may", "msa"}, {"per", "fas"}, {"rum", "ron"},
            {"slo", "slk"}, {"tib", "bod"}, {"wel", "cym"}};
        for (String[] pair : bibliographic) {
            table.put(pair[0], table.get(pair[1]));
        }
        // Retired two-letter codes still found in old records and Java 6 era systems.
        table.put("in", table.get("id"));
        table.put("iw", table.get("he"));
        table.put("ji", table.get("yi"));
        // Regional languages of Indonesia with no two-letter code, and Standard Malay.
        String[][] regional = {{"ace", "acehnese", "aceh"}, {"ban", "balinese", "bali"}, {"bjn", "banjar", "banjarese"},
            {"bew", "betawi"}, {"bug", "buginese", "bugis"}, {"mad", "madurese", "madura"},
            {"mak", "makasar", "makassarese"}, {"min", "minangkabau", "minang"}, {"sas", "sasak"},
            {"bbc", "batak toba", "toba batak"}, {"zsm", "standard malay", "malaysian"}};
        for (String[] entry : regional) {
            Code code = new Code(entry[0], null);
            for (String key : entry) {
                table.putIfAbsent(key, code);
            }
        }
        return Map.copyOf(table);
    }

    private static void addName(Map<String, Code> table, String name, Code code) {
        if (name != null && !name.isBlank()) {
            table.putIfAbsent(name.toLowerCase(Locale.ROOT), code);
        }
    }
}
