package org.lumbung.derived;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one Handle rule: a Handle is written as an {@code https://hdl.handle.net/} address, {@code hdl:} or
 * {@code info:hdl/}; its normal form is the bare {@code prefix/suffix}. A bare {@code 123456789/42} is not taken for
 * one: DSpace's local ids look the same.
 */
public final class Handle {

    private static final Pattern WRITTEN = Pattern.compile(
            "(?i)^(?:https?://hdl\\.handle\\.net/|hdl:\\s*|info:hdl/)(\\d[\\w.]*/\\S+)$");

    private Handle() {
    }

    /** The Handle a whole value is, as {@code prefix/suffix}, or null. */
    public static String of(String raw) {
        // A cheap look before the pattern: most values are plain addresses.
        if (raw == null || !raw.toLowerCase(Locale.ROOT).contains("hdl")) {
            return null;
        }
        Matcher m = WRITTEN.matcher(raw.strip());
        return m.matches() ? TrailingPunctuation.trim(m.group(1)) : null;
    }
}
