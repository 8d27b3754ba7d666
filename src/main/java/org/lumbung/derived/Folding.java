package org.lumbung.derived;

import java.text.Normalizer;

/**
 * The character passes that keys and search fields fold text with: decomposition, marks and apostrophes dropped,
 * runs of non-word characters made one space. Each is one loop over the text, which returns the text itself when it
 * has nothing to change (most values are plain ASCII); they read code points, as the patterns {@code \p{M}} and
 * {@code [^\p{L}\p{N}]} they replace did, and give the same strings (a test holds them to those patterns).
 */
public final class Folding {

    private Folding() {
    }

    /** The text decomposed by compatibility (NFKD); ASCII is its own decomposition and is not copied. */
    public static String compatibilityDecomposed(String text) {
        return isAscii(text) ? text : Normalizer.normalize(text, Normalizer.Form.NFKD);
    }

    /** The text decomposed canonically (NFD); ASCII is its own decomposition and is not copied. */
    public static String canonicallyDecomposed(String text) {
        return isAscii(text) ? text : Normalizer.normalize(text, Normalizer.Form.NFD);
    }

    /** The text without combining marks (Mn, Mc, Me). */
    public static String withoutMarks(String text) {
        return without(text, false);
    }

    /** The text without combining marks, nor the apostrophes titles are written with ({@code ' ’ ‘ ` ʼ ʻ}). */
    public static String withoutMarksOrApostrophes(String text) {
        return without(text, true);
    }

    /** Each run of characters that are neither letters nor numbers made one space; none at either end. */
    public static String words(String text) {
        int length = text.length();
        StringBuilder out = null;
        boolean gap = false;
        int kept = 0;
        for (int i = 0; i < length; ) {
            int c = text.codePointAt(i);
            int next = i + Character.charCount(c);
            if (isWord(c)) {
                // Text as it would be written (single spaces between words) is not copied.
                boolean asWritten = !gap || kept > 0 && i == kept + 1 && text.charAt(kept) == ' ';
                if (out == null && !asWritten) {
                    out = new StringBuilder(length).append(text, 0, kept);
                }
                if (out != null) {
                    if (gap && out.length() > 0) {
                        out.append(' ');
                    }
                    out.appendCodePoint(c);
                }
                kept = next;
                gap = false;
            } else {
                gap = true;
            }
            i = next;
        }
        if (out == null) {
            return kept == length ? text : text.substring(0, kept);
        }
        return out.toString();
    }

    private static String without(String text, boolean apostrophes) {
        int length = text.length();
        StringBuilder out = null;
        for (int i = 0; i < length; ) {
            int c = text.codePointAt(i);
            int next = i + Character.charCount(c);
            boolean dropped = isMark(c) || apostrophes && isApostrophe(c);
            if (dropped && out == null) {
                out = new StringBuilder(length).append(text, 0, i);
            } else if (!dropped && out != null) {
                out.appendCodePoint(c);
            }
            i = next;
        }
        return out == null ? text : out.toString();
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static boolean isMark(int c) {
        if (c < 0x300) {
            return false;
        }
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK;
    }

    private static boolean isApostrophe(int c) {
        return c == '\'' || c == '’' || c == '‘' || c == '`' || c == 'ʼ' || c == 'ʻ';
    }

    private static boolean isWord(int c) {
        if (c < 0x80) {
            return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
        }
        if (Character.isLetter(c)) {
            return true;
        }
        int type = Character.getType(c);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }
}
