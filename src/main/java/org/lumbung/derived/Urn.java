package org.lumbung.derived;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one URN rule: {@code urn:<namespace>:<name>}, bare or behind a resolver ({@code https://nbn-resolving.org/},
 * a national library's {@code resolver}), normal with a lower-case {@code urn:}. ISBNs and ISSNs written as URNs are
 * not URNs here: they have rules of their own with check digits.
 */
public final class Urn {

    private static final Pattern WRITTEN = Pattern.compile(
            "(?i)^(?:https?://[^/]*(?:nbn-resolving|resolver)[^/]*/)?(urn:[a-z0-9][a-z0-9-]{0,31}:\\S+)$");

    private Urn() {
    }

    /** The URN a whole value is, or null. */
    public static String of(String raw) {
        if (raw == null) {
            return null;
        }
        Matcher m = WRITTEN.matcher(raw.strip());
        if (!m.matches()) {
            return null;
        }
        String urn = m.group(1);
        String lower = urn.toLowerCase(Locale.ROOT);
        if (lower.startsWith("urn:isbn:") || lower.startsWith("urn:issn:")) {
            return null;
        }
        return "urn:" + urn.substring(4);
    }
}
