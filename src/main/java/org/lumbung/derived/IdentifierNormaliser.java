package org.lumbung.derived;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells what kind of identifier a value is and writes it in its normal form. DOIs come in every wrapping
 * ({@code https://doi.org/...}, {@code http://dx.doi.org/...}, {@code doi:...}, {@code info:doi/...},
 * {@code DOI: 10...}, in angle brackets as HAL's citations write them ({@code 〈10...〉}, {@code <10...>}),
 * percent-encoded, even {@code http://dx.doi.org/https://doi.org/...}) and leave as the lower-case
 * {@code 10.} name, since DOIs are case-insensitive. ISSNs and ISBNs count only with a valid check digit, and bare
 * numbers only in the hyphenated or labelled forms that cannot be something else.
 */
public final class IdentifierNormaliser {

    /** Kinds of identifier, in the order they are tried. */
    public enum Kind { DOI, HANDLE, URN, ARK, ISSN, ISBN, URL }

    /** A value classified: its kind and normal form. */
    public record Identifier(Kind kind, String value) {
    }

    private static final Pattern DOI_NAME = Pattern.compile("10\\.\\d{4,9}/\\S+");
    private static final Pattern DOI_WRAPPING = Pattern.compile(
            "^(?:https?://(?:dx\\.|www\\.)?doi\\.org/|doi\\.org/|info:doi/|urn:doi:|doi\\s*:\\s*|doi\\s+|[<\u3008\u27e8]\\s*)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DOI_IN_TEXT = Pattern.compile(
            "(?i)(?:doi\\.org/|\\bdoi\\s*:?\\s*)(10\\.\\d{4,9}/[^\\s\"<>]+)");
    /** A DOI name anywhere in a text, not the tail of a longer number. */
    private static final Pattern ANY_DOI = Pattern.compile("(?<![\\w.])10\\.\\d{4,9}/[^\\s\"<>\u3008\u3009\u27e8\u27e9]+");
    private static final Pattern HANDLE = Pattern.compile(
            "(?i)^(?:https?://hdl\\.handle\\.net/|hdl:\\s*|info:hdl/)(\\d[\\w.]*/\\S+)$");
    private static final Pattern URN = Pattern.compile(
            "(?i)^(?:https?://[^/]*(?:nbn-resolving|resolver)[^/]*/)?(urn:[a-z0-9][a-z0-9-]{0,31}:\\S+)$");
    private static final Pattern ARK = Pattern.compile("(?i)^(?:https?://\\S*?/)?ark:/?(\\d{5,9}/\\S+)$");
    private static final Pattern ISSN = Pattern.compile(
            "(?i)^(?:(?:[ep]-?)?issn\\s*:?\\s*(?:\\(?(?:print|online|electronic|cetak)\\)?\\s*:?\\s*)?|urn:issn:)?"
                    + "(\\d{4})(-)?(\\d{3}[\\dx])(?:\\s*\\(.*\\))?$");
    private static final Pattern ISBN = Pattern.compile(
            "(?i)^(isbn(?:-1[03])?\\s*:?\\s*|urn:isbn:)?([\\d][\\d\\- ]{8,15}[\\dx])(?:\\s*[(:;].*)?$");
    private static final Pattern URL = Pattern.compile("(?i)^https?://[^\\s/$.?#][^\\s]*$");
    private static final String TRAILING = ".,;:)]}>'\"\u3009\u27e9";

    private IdentifierNormaliser() {
    }

    /** The value classified, or null when it is none of the kinds (a local id, a citation, free text). */
    public static Identifier classify(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String text = raw.strip();
        String doi = doi(text);
        if (doi != null) {
            return new Identifier(Kind.DOI, doi);
        }
        // Cheap looks before each pattern: most values are plain addresses.
        String lower = text.toLowerCase(Locale.ROOT);
        Matcher m = HANDLE.matcher(text);
        if (lower.contains("hdl") && m.matches()) {
            return new Identifier(Kind.HANDLE, trimTrailing(m.group(1)));
        }
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
        Matcher m = URN.matcher(text);
        if (m.matches()) {
            String urn = m.group(1);
            String lower = urn.toLowerCase(Locale.ROOT);
            if (lower.startsWith("urn:isbn:") || lower.startsWith("urn:issn:")) {
                return null;
            }
            return new Identifier(Kind.URN, "urn:" + urn.substring(4));
        }
        m = ARK.matcher(text);
        if (m.matches()) {
            return new Identifier(Kind.ARK, "ark:/" + trimTrailing(m.group(1)));
        }
        return null;
    }

    /** The DOI a whole value is (bare or wrapped), in lower case, or null. */
    public static String doi(String raw) {
        if (raw == null || !raw.contains("10.")) {
            return null;
        }
        String text = raw.strip();
        for (int i = 0; i < 3; i++) {
            String unwrapped = DOI_WRAPPING.matcher(text).replaceFirst("").strip();
            if (unwrapped.equals(text)) {
                break;
            }
            text = unwrapped;
        }
        if (text.indexOf('%') >= 0) {
            text = decode(text);
        }
        text = trimTrailing(text);
        return DOI_NAME.matcher(text).matches() ? text.toLowerCase(Locale.ROOT) : null;
    }

    /** The first DOI named inside a longer text (a citation with {@code https://doi.org/...} or {@code doi:}), or null. */
    public static String doiInText(String raw) {
        if (raw == null) {
            return null;
        }
        Matcher m = DOI_IN_TEXT.matcher(raw);
        return m.find() ? doi(m.group(1)) : null;
    }

    /** Every DOI a text names, bare, linked, labelled or in brackets, in lower case and in order, each once. */
    public static List<String> dois(String raw) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = ANY_DOI.matcher(raw == null ? "" : raw);
        while (m.find()) {
            String doi = doi(m.group());
            if (doi != null) {
                out.add(doi);
            }
        }
        return List.copyOf(out);
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

    /** Punctuation that ends a sentence around an identifier, not the identifier: a trailing {@code .} or {@code )}. */
    private static String trimTrailing(String text) {
        int end = text.length();
        while (end > 0 && TRAILING.indexOf(text.charAt(end - 1)) >= 0) {
            char c = text.charAt(end - 1);
            // A closing bracket that closes one opened inside the DOI stays: 10.1016/S0370-2693(00)00889-3.
            if ((c == ')' && opens(text, end, '(', ')')) || (c == ']' && opens(text, end, '[', ']'))) {
                break;
            }
            end--;
        }
        return text.substring(0, end);
    }

    private static boolean opens(String text, int end, char open, char close) {
        int depth = 0;
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            depth += c == open ? 1 : c == close ? -1 : 0;
        }
        return depth >= 0;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }
}
