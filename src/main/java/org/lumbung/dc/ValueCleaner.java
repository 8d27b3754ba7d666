package org.lumbung.dc;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.parser.Parser;

/**
 * Makes a value fit to index: HTML entities decoded (also when encoded twice), HTML tags reduced to their text,
 * Unicode NFC, no control characters, white space trimmed and collapsed, and words broken at a line-end hyphen joined
 * again. Every step first checks cheaply whether it has anything to do, since nearly all values need none of them.
 */
public final class ValueCleaner {

    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});");
    // Tags of the HTML that repositories let into abstracts and titles; a bare '<' in "p < 0.05" is not one of them.
    private static final Pattern TAG = Pattern.compile("(?i)</?(p|br|div|span|i|em|b|strong|u|sub|sup|a|ul|ol|li|h[1-6]"
            + "|font|small|big|blockquote|pre|code|table|thead|tbody|tr|td|th|hr|img|abbr|cite|q|s|strike|del|ins"
            + "|mark|section|article|header|footer)\\b[^<>]*>");
    /*
     * A hyphen right after a letter or digit and followed by white space, then a letter or digit: a word broken at a
     * line end ("Nagorno- Karabakh", "COVID- 19"). A dash with space on both sides ("1990 - 2000", "Name - Affiliation")
     * never matches, and a suspended hyphen before a conjunction ("pre- and post-war", "Ein- und Ausgang") is kept.
     */
    private static final Pattern BROKEN_HYPHEN = Pattern.compile("(?<=[\\p{L}\\p{N}])([-\\u2010\\u2011]) (?=[\\p{L}\\p{N}])");
    private static final Pattern CONJUNCTION = Pattern.compile("(?i)(and|or|nor|to|und|oder|bis|et|ou|y|o|e|dan|atau"
            + "|serta|hingga|sampai|maupun)\\b.*");
    private static final Pattern KEYWORD_SEMICOLON = Pattern.compile("\\s*;\\s*");
    private static final Pattern KEYWORD_COMMA = Pattern.compile("\\s*(?<!\\d),(?!\\d)\\s*");

    private ValueCleaner() {
    }

    /** The cleaned value, or null when nothing is left. */
    public static String clean(String raw) {
        if (raw == null) {
            return null;
        }
        String text = raw;
        if (text.indexOf('&') >= 0) {
            text = decodeEntities(text);
        }
        if (text.indexOf('<') >= 0 && TAG.matcher(text).find()) {
            text = Jsoup.parseBodyFragment(text).text();
        }
        text = spaced(text);
        if (text.indexOf("- ") >= 0 || text.indexOf("\u2010 ") >= 0 || text.indexOf("\u2011 ") >= 0) {
            text = joinBrokenWords(text);
        }
        if (text.indexOf('\u00AD') >= 0) {
            // A soft hyphen only says where a word may break: "Karaba\u00ADkh" is "Karabakh".
            text = text.replace("\u00AD ", "").replace("\u00AD", "");
        }
        return text.isEmpty() ? null : text;
    }

    /**
     * One pass over the value: control characters, the zero-width space and the byte order mark (which join what
     * they sit between) removed, every run of white space (no-break spaces included) one space, none at the ends, and
     * Unicode NFC. Returns the value itself when it needs none of that, as nearly all do; a regular expression
     * tried at every character of every abstract cost more than the rest of a record's reading.
     */
    private static String spaced(String text) {
        int length = text.length();
        boolean composable = false;
        boolean clean = length == 0 || !isSpace(text.charAt(0)) && !isSpace(text.charAt(length - 1));
        for (int i = 0; i < length && clean; i++) {
            char c = text.charAt(i);
            if (c > ' ' && c < '\u007F') {
                continue;
            }
            if (c == ' ') {
                clean = i + 1 == length || !isSpace(text.charAt(i + 1));
                continue;
            }
            composable |= c >= '\u0300';
            clean = !isDropped(c) && !isSpace(c);
        }
        String out = text;
        if (!clean) {
            StringBuilder b = new StringBuilder(length);
            boolean pendingSpace = false;
            for (int i = 0; i < length; i++) {
                char c = text.charAt(i);
                if (isDropped(c)) {
                    continue;
                }
                if (isSpace(c)) {
                    pendingSpace = b.length() > 0;
                    continue;
                }
                if (pendingSpace) {
                    b.append(' ');
                    pendingSpace = false;
                }
                composable |= c >= '\u0300';
                b.append(c);
            }
            out = b.toString();
        }
        // Below U+0300 (no combining marks) every string is already in NFC.
        if (composable && !Normalizer.isNormalized(out, Normalizer.Form.NFC)) {
            out = Normalizer.normalize(out, Normalizer.Form.NFC);
        }
        return out;
    }

    /** Every kind of white space, including the no-break spaces pages are full of. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\u000B' || c == '\f' || c == '\u00A0'
                || c > '\u1000' && (c == '\u1680' || c >= '\u2000' && c <= '\u200A' || c == '\u2028' || c == '\u2029'
                || c == '\u202F' || c == '\u205F' || c == '\u3000');
    }

    /** Control characters other than white space, the zero-width space and the byte order mark. */
    private static boolean isDropped(char c) {
        return c < ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\u000B' && c != '\f'
                || c >= '\u007F' && c <= '\u009F' || c == '\u200B' || c == '\uFEFF';
    }

    /**
     * Decodes HTML entities the XML parser left, up to three times: {@code &amp;amp;eacute;} from a repository that
     * escaped an already escaped value becomes {@code é}.
     */
    static String decodeEntities(String text) {
        String out = text;
        for (int i = 0; i < 3 && ENTITY.matcher(out).find(); i++) {
            String decoded = Parser.unescapeEntities(out, false);
            if (decoded.equals(out)) {
                break;
            }
            out = decoded;
        }
        return out;
    }

    private static String joinBrokenWords(String text) {
        Matcher m = BROKEN_HYPHEN.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        int last = 0;
        while (m.find()) {
            boolean suspended = CONJUNCTION.matcher(text).region(m.end(), text.length()).lookingAt();
            out.append(text, last, m.start()).append(suspended ? m.group() : m.group(1));
            last = m.end();
        }
        return out.append(text, last, text.length()).toString();
    }

    /**
     * Splits a keyword list as repositories write it into one subject per keyword: always at {@code ;}, and at commas
     * unless the value reads as one controlled heading ({@code United States -- History, 1900-},
     * {@code Education, Higher}), where a comma is part of the term. Never at a decimal comma.
     */
    public static List<String> keywords(String raw) {
        String text = clean(raw);
        if (text == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String part : text.indexOf(';') < 0 ? new String[] {text} : KEYWORD_SEMICOLON.split(text)) {
            if (commaSeparated(part)) {
                for (String keyword : KEYWORD_COMMA.split(part)) {
                    addKeyword(out, keyword);
                }
            } else {
                addKeyword(out, part);
            }
        }
        return out;
    }

    private static void addKeyword(List<String> out, String keyword) {
        String k = keyword.strip();
        if (!k.isEmpty()) {
            out.add(k);
        }
    }

    /**
     * A comma separates keywords unless the value is a subject heading: one with subdivisions ({@code --}), or an
     * inverted heading of two parts whose second is one capitalised word ({@code Education, Higher}, {@code Smith,
     * John}). {@code machine learning, deep learning} and {@code a, b} are lists.
     */
    private static boolean commaSeparated(String part) {
        if (part.indexOf(',') < 0) {
            return false;
        }
        String[] pieces = KEYWORD_COMMA.split(part);
        if (pieces.length < 2 || part.contains("--")) {
            return false;
        }
        if (pieces.length > 2) {
            return true;
        }
        String second = pieces[1].strip();
        boolean oneCapitalisedWord = !second.isEmpty() && second.indexOf(' ') < 0
                && Character.isUpperCase(second.codePointAt(0));
        return !oneCapitalisedWord;
    }

    /** A language tag as given, in lower case with {@code -} separators ({@code en_US} becomes {@code en-us}). */
    public static String languageTag(String raw) {
        String text = clean(raw);
        return text == null ? null : text.toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
