package org.lumbung.derived;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the journal, volume, issue and pages out of a dc:source written the way Open Journal Systems writes it:
 * {@code Jurnal Hubungan Internasional; Vol 12, No 1 (2026)}, {@code Jurnal X; Vol. 5 No. 2 (2020): Edisi Juli;
 * 100-115}, {@code Journal; Volume 3, Issue 4; 15}. A value without a volume or issue part is not taken for a
 * journal: dc:source also holds collection names and ISSNs.
 */
public final class JournalNormaliser {

    private static final Pattern PARTS = Pattern.compile("\\s*;\\s*");
    private static final Pattern VOLUME = Pattern.compile(
            "(?i)\\b(?:vol(?:ume)?|jilid|volumen|v|bd|jg)\\.?\\s*(\\d+[a-z]?)\\b");
    private static final Pattern ISSUE = Pattern.compile(
            "(?i)\\b(?:no|nr|num(?:ber|ero)?|issue|nomor|iss|heft)\\.?\\s*(\\d+[a-z]?(?:\\s*[-/]\\s*\\d+)?)\\b");
    private static final Pattern PAGES_IN_TEXT = Pattern.compile(
            "(?i)\\b(?:pp?|s|hal(?:aman)?)\\.?\\s*([a-z]?\\d+)\\s*[-\u2013]\\s*([a-z]?\\d+)");
    private static final Pattern PAGES = Pattern.compile("(?i)^(?:pp?\\.?\\s*|hal(?:aman)?\\.?\\s*)?([a-z]?\\d+)(?:\\s*[-\u2013]\\s*([a-z]?\\d+))?$");

    /** The articles of an issue share their source. */
    private static final ValueCache<Journal> KNOWN = new ValueCache<>(JournalNormaliser::parse);

    private JournalNormaliser() {
    }

    /**
     * The last page written out in full: catalogues abbreviate {@code 102-14} for 102 to 114. A last page that is
     * not a number, or already full, stays as written.
     */
    public static String lastPage(String first, String last) {
        if (first == null || last == null || !digits(first) || !digits(last) || last.length() >= first.length()
                || first.length() > 18 || Long.parseLong(last) >= Long.parseLong(first)) {
            return last;
        }
        String full = first.substring(0, first.length() - last.length()) + last;
        return Long.parseLong(full) >= Long.parseLong(first) ? full : last;
    }

    private static boolean digits(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** What an OJS-style dc:source says, or {@link Journal#NONE}. */
    public static Journal fromSource(String source) {
        if (source == null || source.indexOf(';') < 0) {
            return Journal.NONE;
        }
        return KNOWN.get(source);
    }

    private static Journal parse(String source) {
        String[] parts = PARTS.split(source.strip());
        if (parts.length < 2) {
            return Journal.NONE;
        }
        Journal issue = fromEnumeration(parts[1]);
        if (issue.volume() == null && issue.issue() == null) {
            return Journal.NONE;
        }
        String first = null;
        String last = null;
        if (parts.length > 2) {
            Matcher pages = PAGES.matcher(parts[parts.length - 1]);
            if (pages.matches()) {
                first = pages.group(1);
                last = pages.group(2);
            }
        }
        return new Journal(parts[0].isEmpty() ? null : parts[0], List.of(), issue.volume(), issue.issue(), first, last);
    }

    /**
     * The volume, issue and pages of an enumeration written out: {@code Vol 12, No 1 (2026)}, MARC 773's
     * {@code Vol. 5, no. 2 (2020), p. 10-20}, {@code Jg. 3, H. 4}. What it does not say stays null.
     */
    public static Journal fromEnumeration(String text) {
        if (text == null) {
            return Journal.NONE;
        }
        Matcher volume = VOLUME.matcher(text);
        Matcher issue = ISSUE.matcher(text);
        Matcher pages = PAGES_IN_TEXT.matcher(text);
        boolean paged = pages.find();
        return new Journal(null, List.of(), volume.find() ? volume.group(1) : null,
                issue.find() ? issue.group(1).replaceAll("\\s+", "") : null, paged ? pages.group(1) : null,
                paged ? pages.group(2) : null);
    }
}
