package org.lumbung.xml;

/** The characters XML 1.0 can carry: what a response Lumbung writes keeps, and what a page it reads is repaired to. */
public final class XmlChars {

    private XmlChars() {
    }

    /** Whether XML 1.0 allows the code point in a document (its {@code Char} production). */
    public static boolean legal(int c) {
        return c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD
                || c >= 0x10000 && c <= 0x10FFFF;
    }

    /** The value as text with the characters XML 1.0 cannot carry left out, so a hostile value never breaks a reply. */
    public static String text(Object value) {
        String s = String.valueOf(value);
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().filter(XmlChars::legal).forEach(out::appendCodePoint);
        return out.toString();
    }
}
