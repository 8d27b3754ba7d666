package org.lumbung.dc;

import java.text.Normalizer;
import java.util.regex.Pattern;

/** Makes a value fit to index: Unicode NFC, no control characters, white space trimmed and collapsed. */
public final class ValueCleaner {

    // Every kind of white space, including the no-break spaces pages are full of.
    private static final Pattern SPACE = Pattern.compile("[\\s\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000]+");
    // Control characters, and the zero-width space and byte order mark, which join what they sit between.
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\t\\n\\r]]|[\\u200B\\uFEFF]");

    private ValueCleaner() {
    }

    /** The cleaned value, or null when nothing is left. */
    public static String clean(String raw) {
        if (raw == null) {
            return null;
        }
        String text = Normalizer.normalize(raw, Normalizer.Form.NFC);
        text = CONTROL.matcher(text).replaceAll("");
        text = SPACE.matcher(text).replaceAll(" ").trim();
        return text.isEmpty() ? null : text;
    }

    /** A language tag as given, in lower case with {@code -} separators ({@code en_US} becomes {@code en-us}). */
    public static String languageTag(String raw) {
        String text = clean(raw);
        return text == null ? null : text.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
