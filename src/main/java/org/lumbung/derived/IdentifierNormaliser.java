package org.lumbung.derived;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells what kind of identifier a value is and writes it in its normal form. The persistent identifiers have a rule
 * each ({@link Doi}, {@link Handle}, {@link Urn}); this class tries them in order and owns the rest. ISSNs and ISBNs count only with a valid check digit, and bare
 * numbers only in the hyphenated or labelled forms that cannot be something else.
 */
public final class IdentifierNormaliser {

    /** Kinds of identifier, in the order they are tried. */
    public enum Kind { DOI, HANDLE, URN, ARK, ISSN, ISBN, URL }

    /** A value classified: its kind and normal form. */
    public record Identifier(Kind kind, String value) {
    }

    private static final Pattern ARK = Pattern.compile("(?i)^(?:https?://\\S*?/)?ark:/?(\\d{5,9}/\\S+)$");
    private static final Pattern ISSN = Pattern.compile(
            "(?i)^(?:(?:[ep]-?)?issn\\s*:?\\s*(?:\\(?(?:print|online|electronic|cetak)\\)?\\s*:?\\s*)?|urn:issn:)?"
                    + "(\\d{4})(-)?(\\d{3}[\\dx])(?:\\s*\\(.*\\))?$");
    private static final Pattern ISBN = Pattern.compile(
            "(?i)^(isbn(?:-1[03])?\\s*:?\\s*|urn:isbn:)?([\\d][\\d\\- ]{8,15}[\\dx])(?:\\s*[(:;].*)?$");
    private static final Pattern URL = Pattern.compile("(?i)^https?://[^\\s/$.?#][^\\s]*$");

    private IdentifierNormaliser() {
    }

    /** The value classified, or null when it is none of the kinds (a local id, a citation, free text). */
    public static Identifier classify(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String text = raw.strip();
        String doi = Doi.of(text);
        if (doi != null) {
            return new Identifier(Kind.DOI, doi);
        }
        String handle = Handle.of(text);
        if (handle != null) {
            return new Identifier(Kind.HANDLE, handle);
        }
        // A cheap look before the patterns: most values are plain addresses.
        String lower = text.toLowerCase(Locale.ROOT);
        Identifier pid = lower.contains("urn:") || lower.contains("ark:") ? urnOrArk(text) : null;
        if (pid != null) {
            return pid;
        }
        String issn = text.length() < 40 ? issn(text) : null;
        if (issn != null) {
            return new Identifier(Kind.ISSN, issn);
        }
        String isbn = text.length() < 40 ? isbn(text) : null;
        if (isbn != null) {
            return new Identifier(Kind.ISBN, isbn);
        }
        if (URL.matcher(text).matches()) {
            return new Identifier(Kind.URL, text);
        }
        return null;
    }

    private static Identifier urnOrArk(String text) {
        String urn = Urn.of(text);
        if (urn != null) {
            return new Identifier(Kind.URN, urn);
        }
        Matcher m = ARK.matcher(text);
        if (m.matches()) {
            return new Identifier(Kind.ARK, "ark:/" + TrailingPunctuation.trim(m.group(1)));
        }
        return null;
    }

    /** An ISSN with a valid check digit, as {@code 1234-567X}, or null; unhyphenated only with an ISSN label. */
    public static String issn(String raw) {
        if (raw == null) {
            return null;
        }
        Matcher m = ISSN.matcher(raw.strip());
        if (!m.matches()) {
            return null;
        }
        boolean labelled = m.start(1) > 0;
        if (m.group(2) == null && !labelled) {
            return null;
        }
        String digits = (m.group(1) + m.group(3)).toUpperCase(Locale.ROOT);
        int sum = 0;
        for (int i = 0; i < 7; i++) {
            sum += (digits.charAt(i) - '0') * (8 - i);
        }
        int check = (11 - sum % 11) % 11;
        char expected = check == 10 ? 'X' : (char) ('0' + check);
        return digits.charAt(7) == expected ? digits.substring(0, 4) + "-" + digits.substring(4) : null;
    }

    /**
     * An ISBN with a valid check digit, as its digits (an ISBN-10 keeps its ten), or null. Unlabelled it must be
     * hyphenated or a 978/979 ISBN-13, since any ten digits pass the ISBN-10 check once in eleven.
     */
    public static String isbn(String raw) {
        if (raw == null) {
            return null;
        }
        Matcher m = ISBN.matcher(raw.strip());
        if (!m.matches()) {
            return null;
        }
        String digits = m.group(2).replaceAll("[\\- ]", "").toUpperCase(Locale.ROOT);
        boolean labelled = m.group(1) != null;
        boolean hyphenated = m.group(2).indexOf('-') >= 0;
        if (digits.length() == 13 && digits.matches("97[89]\\d{10}") && isbn13(digits)) {
            return digits;
        }
        if (digits.length() == 10 && (labelled || hyphenated) && digits.matches("\\d{9}[\\dX]") && isbn10(digits)) {
            return digits;
        }
        return null;
    }

    private static boolean isbn13(String digits) {
        int sum = 0;
        for (int i = 0; i < 13; i++) {
            sum += (digits.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return sum % 10 == 0;
    }

    private static boolean isbn10(String digits) {
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            char c = digits.charAt(i);
            sum += (c == 'X' ? 10 : c - '0') * (10 - i);
        }
        return sum % 11 == 0;
    }
}
