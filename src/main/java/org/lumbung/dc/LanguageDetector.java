package org.lumbung.dc;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.Language;
import java.util.List;
import java.util.Locale;

/**
 * Detects the language of a value the source gave no language for. It chooses among a short list of candidates (the
 * languages a national aggregator expects) and reads only a bounded prefix, which keeps it fast and keeps Indonesian
 * and Malay apart better than a detector that must consider every language. Returns null when it cannot tell.
 */
public final class LanguageDetector {

    private static final int MIN_LETTERS = 12;

    private final com.github.pemistahl.lingua.api.LanguageDetector lingua;
    private final int prefix;

    public LanguageDetector(List<String> candidates, int prefix) {
        IsoCode639_1[] codes = candidates.stream()
                .map(c -> IsoCode639_1.valueOf(c.toUpperCase(Locale.ROOT)))
                .toArray(IsoCode639_1[]::new);
        // No minimum distance between the best and the second best: Indonesian and Malay always score close
        // (0.99 against 1.0 on the seed's title) yet rank right, and a threshold would leave them undetected.
        this.lingua = com.github.pemistahl.lingua.api.LanguageDetectorBuilder.fromIsoCodes639_1(codes).build();
        this.prefix = prefix;
    }

    /** The ISO 639-1 code of the text's language, or null. */
    public String detect(String text) {
        if (text == null || text.codePoints().filter(Character::isLetter).count() < MIN_LETTERS) {
            return null;
        }
        String sample = text.length() > prefix ? text.substring(0, prefix) : text;
        Language language = lingua.detectLanguageOf(sample);
        return language == Language.UNKNOWN ? null : language.getIsoCode639_1().toString();
    }
}
