package org.lumbung.search;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.lumbung.derived.LanguageNormaliser;

/**
 * A language's name for a reader of Lumbung, in English and Indonesian ({@code ind} → "Indonesian / Bahasa
 * Indonesia"), from its ISO 639-3 code as {@code derived.language.iso639_3} holds it. The languages Indonesian
 * repositories use most are named here in both; any other code gets the JDK's English name (its Indonesian locale
 * data is partial: it calls {@code ind} "Indonesian"), and an unknown code is shown as it is.
 */
final class LanguageNames {

    private static final Map<String, String> COMMON = Map.ofEntries(
            Map.entry("ind", "Indonesian / Bahasa Indonesia"), Map.entry("eng", "English / Inggris"),
            Map.entry("msa", "Malay / Melayu"), Map.entry("zsm", "Malay / Melayu"),
            Map.entry("jav", "Javanese / Jawa"), Map.entry("sun", "Sundanese / Sunda"),
            Map.entry("min", "Minangkabau"), Map.entry("ban", "Balinese / Bali"),
            Map.entry("mad", "Madurese / Madura"), Map.entry("ace", "Acehnese / Aceh"),
            Map.entry("bug", "Buginese / Bugis"), Map.entry("ara", "Arabic / Arab"),
            Map.entry("nld", "Dutch / Belanda"), Map.entry("deu", "German / Jerman"),
            Map.entry("fra", "French / Prancis"), Map.entry("spa", "Spanish / Spanyol"),
            Map.entry("por", "Portuguese / Portugis"), Map.entry("jpn", "Japanese / Jepang"),
            Map.entry("zho", "Chinese / Tionghoa"), Map.entry("kor", "Korean / Korea"),
            Map.entry("tha", "Thai"), Map.entry("vie", "Vietnamese / Vietnam"), Map.entry("rus", "Russian / Rusia"),
            Map.entry("und", "Undetermined / Tidak diketahui"), Map.entry("mul", "Several languages / Beberapa bahasa"),
            Map.entry("zxx", "No linguistic content / Tanpa isi kebahasaan"));
    /** ISO 639-3 to the JDK's locale for that language, which is keyed by its two letters when it has them. */
    private static final Map<String, Locale> BY_ISO3 = new HashMap<>();

    static {
        for (String two : Locale.getISOLanguages()) {
            Locale locale = new Locale(two);
            try {
                BY_ISO3.putIfAbsent(locale.getISO3Language(), locale);
            } catch (java.util.MissingResourceException e) {
                // a code with no three-letter form: nothing to look up by
            }
        }
    }

    private LanguageNames() {
    }

    /**
     * The name of a value's language as the record tags it: two or three letters, with or without a region
     * ({@code id}, {@code in}, {@code ind}, {@code id-ID} are all Indonesian, never Malay); null when undetermined.
     */
    static String ofCode(String code) {
        if (code == null || code.isBlank() || code.equalsIgnoreCase("und")) {
            return null;
        }
        String base = LanguageNormaliser.primarySubtag(code);
        if (base.length() == 2) {
            try {
                base = new Locale(base).getISO3Language(); // id and the withdrawn in both give ind
            } catch (java.util.MissingResourceException e) {
                return code;
            }
        }
        return name(base);
    }

    static String name(String iso639_3) {
        String common = COMMON.get(iso639_3);
        if (common != null) {
            return common;
        }
        Locale locale = BY_ISO3.getOrDefault(iso639_3, new Locale(iso639_3));
        String english = locale.getDisplayLanguage(Locale.ENGLISH);
        return english.isBlank() ? iso639_3 : english;
    }
}
