package org.lumbung.derived;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one ORCID iD rule: sixteen characters in four groups, the last a check character that may be {@code X}, written
 * bare, as an {@code https://orcid.org/} address or after an {@code ORCID iD:} label. A value known to be an ORCID
 * (a creator's ORCID field) may drop the hyphens; in free text only the hyphenated form counts, since an author line
 * can hold other sixteen-digit numbers (an Indonesian NIK has sixteen).
 */
public final class Orcid {

    private static final String GROUPS = "(\\d{4})%1$s(\\d{4})%1$s(\\d{4})%1$s(\\d{3}[\\dX])";
    private static final Pattern IN_VALUE = Pattern.compile(GROUPS.formatted("-?"), Pattern.CASE_INSENSITIVE);
    /** An iD in a text with the label and address it is written with, so that all of it can be taken out. */
    private static final Pattern IN_TEXT = Pattern.compile(
            "(?i)(?:orcid(?:\\s+id)?\\s*:?\\s*)?(?:https?://(?:www\\.)?orcid\\.org/)?(?<![\\d-])"
                    + GROUPS.formatted("-") + "(?!\\d)");

    private Orcid() {
    }

    /** The iD in a value ({@code https://orcid.org/0000-0002-1825-0097}, bare, unhyphenated) if its check digit holds. */
    public static String of(String raw) {
        if (raw == null) {
            return null;
        }
        Matcher m = IN_VALUE.matcher(raw);
        if (!m.find()) {
            return null;
        }
        String id = hyphenated(m);
        return id.charAt(18) == checkCharacter(id.replace("-", "")) ? id : null;
    }

    /**
     * The first hyphenated iD in a text, in upper case, or null. Its check digit is not asked: a page's ORCID is
     * kept as the page gives it, and {@link #of} decides later whether it is one.
     */
    public static String firstIn(String text) {
        Matcher m = IN_TEXT.matcher(text == null ? "" : text);
        return m.find() ? hyphenated(m) : null;
    }

    /** The text with every hyphenated iD, its label and its address replaced by a space. */
    public static String removedFrom(String text) {
        return IN_TEXT.matcher(text).replaceAll(" ");
    }

    private static String hyphenated(Matcher m) {
        return (m.group(1) + "-" + m.group(2) + "-" + m.group(3) + "-" + m.group(4)).toUpperCase(Locale.ROOT);
    }

    /** ISO 7064 MOD 11-2, as ORCID computes it. */
    private static char checkCharacter(String digits) {
        int total = 0;
        for (int i = 0; i < 15; i++) {
            total = (total + (digits.charAt(i) - '0')) * 2;
        }
        int check = (12 - total % 11) % 11;
        return check == 10 ? 'X' : (char) ('0' + check);
    }
}
