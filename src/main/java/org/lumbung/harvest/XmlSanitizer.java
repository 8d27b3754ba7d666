package org.lumbung.harvest;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Entities;
import org.lumbung.xml.XmlChars;

/**
 * Makes a repository's bytes parseable without losing what they say, counting every repair: a byte order mark or
 * text (PHP warnings, HTML debris) before the XML, an encoding declared wrongly, invalid UTF-8, characters and
 * character references that XML 1.0 forbids, HTML entities ({@code &nbsp;}) and bare ampersands. One bad character
 * must not cost a page of records.
 */
public final class XmlSanitizer {

    private static final Pattern DECLARATION = Pattern.compile("^<\\?xml[^>]*\\?>");
    private static final Pattern ENCODING = Pattern.compile("encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");
    private static final Pattern REFERENCE = Pattern.compile("&(#[xX][0-9a-fA-F]{1,8}|#[0-9]{1,9}|[A-Za-z][A-Za-z0-9]{0,31});");

    /**
     * The text to parse, from {@code start} on in {@code text} (a page is a megabyte or two: the head cut off is not
     * copied away), and what was repaired on the way.
     */
    public record Sanitized(String text, int start, int illegalCharacters, int invalidBytes, int entities,
                            String encodingNote) {

        /** The text to parse, as a string of its own. */
        public String xml() {
            return start == 0 ? text : text.substring(start);
        }

        /** The text to parse, read where it starts, without a copy. */
        public Reader reader() {
            StringReader reader = new StringReader(text);
            try {
                reader.skip(start);
            } catch (IOException e) {
                throw new UncheckedIOException(e); // a StringReader skips without I/O
            }
            return reader;
        }

        /** Up to {@code length} characters of the text to parse, from its start. */
        public String head(int length) {
            return text.substring(start, Math.min(text.length(), start + length));
        }

        public int repairs() {
            return illegalCharacters + invalidBytes + entities;
        }
    }

    private XmlSanitizer() {
    }

    public static Sanitized sanitize(byte[] body) {
        int start = 0;
        Charset bomCharset = null;
        if (body.length >= 3 && (body[0] & 0xff) == 0xEF && (body[1] & 0xff) == 0xBB && (body[2] & 0xff) == 0xBF) {
            start = 3;
        } else if (body.length >= 2 && (body[0] & 0xff) == 0xFE && (body[1] & 0xff) == 0xFF) {
            start = 2;
            bomCharset = StandardCharsets.UTF_16BE;
        } else if (body.length >= 2 && (body[0] & 0xff) == 0xFF && (body[1] & 0xff) == 0xFE) {
            start = 2;
            bomCharset = StandardCharsets.UTF_16LE;
        }
        Decoded decoded = bomCharset != null
                ? new Decoded(new String(body, start, body.length - start, bomCharset), 0, null)
                : decode(body, start);
        String text = decoded.text();
        int from = xmlStart(text);
        Matcher declaration = DECLARATION.matcher(text).region(from, text.length());
        if (declaration.lookingAt()) {
            // The parser reads characters, not bytes: the declared encoding no longer applies.
            from = declaration.end();
        }
        int[] illegal = {0};
        String legal = removeIllegal(text, from, illegal);
        int xmlAt = legal == text ? from : 0;
        int[] entities = {0};
        String xml = repairReferences(legal, xmlAt, entities);
        return new Sanitized(xml, xml == legal ? xmlAt : 0, illegal[0], decoded.invalidBytes(), entities[0],
                decoded.note());
    }

    private record Decoded(String text, int invalidBytes, String note) {
    }

    /**
     * Valid UTF-8 is taken for UTF-8 whatever the declaration says; otherwise the declared single-byte charset; UTF-8
     * without a valid multi-byte sequence but with stray high bytes is Windows-1252 mislabelled; else UTF-8 with each
     * invalid sequence replaced (and counted).
     */
    private static Decoded decode(byte[] body, int start) {
        // The JDK's own UTF-8 decoding is the fast path; only a replacement character in its result (an invalid
        // sequence, or one the page really holds) sends the page through the strict decoder below.
        String lenient = new String(body, start, body.length - start, StandardCharsets.UTF_8);
        if (lenient.indexOf('\uFFFD') < 0) {
            return new Decoded(lenient, 0, null);
        }
        ByteBuffer bytes = ByteBuffer.wrap(body, start, body.length - start);
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes).toString();
            return new Decoded(text, 0, null);
        } catch (CharacterCodingException notUtf8) {
            String head = new String(body, start, Math.min(body.length - start, 400), StandardCharsets.ISO_8859_1);
            Matcher m = ENCODING.matcher(head);
            String declared = m.find() ? m.group(1).toUpperCase(Locale.ROOT) : "UTF-8";
            Charset charset = declared.equals("UTF-8") || declared.equals("UTF8") ? null : supported(declared);
            if (charset != null) {
                return new Decoded(new String(body, start, body.length - start, charset), 0, null);
            }
            int[] counts = utf8Counts(body, start);
            if (counts[0] == 0) {
                return new Decoded(new String(body, start, body.length - start, Charset.forName("windows-1252")),
                        counts[1], "declared UTF-8 but written in Windows-1252");
            }
            return new Decoded(new String(body, start, body.length - start, StandardCharsets.UTF_8), counts[1],
                    "invalid UTF-8 replaced");
        }
    }

    /** The charset of this name, or null for a name Java does not know or that is no charset name ({@code .UTF-8}). */
    private static Charset supported(String name) {
        try {
            return Charset.isSupported(name) ? Charset.forName(name) : null;
        } catch (IllegalArgumentException illegalName) {
            return null;
        }
    }

    /** [valid multi-byte sequences, invalid bytes] of a byte range read as UTF-8. */
    private static int[] utf8Counts(byte[] b, int start) {
        int valid = 0;
        int invalid = 0;
        int i = start;
        while (i < b.length) {
            int c = b[i] & 0xff;
            int len = c < 0x80 ? 1 : c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
            boolean ok = len > 0 && i + len <= b.length;
            for (int k = 1; ok && k < len; k++) {
                ok = (b[i + k] & 0xC0) == 0x80;
            }
            if (!ok) {
                invalid++;
                i++;
            } else {
                valid += len > 1 ? 1 : 0;
                i += len;
            }
        }
        return new int[] {valid, invalid};
    }

    /**
     * Drops whatever stands before the XML declaration or, failing one, the document type declaration, the OAI-PMH
     * root or the first tag. A DTD is kept so that the parser refuses it rather than this skipping it unseen.
     */
    private static int xmlStart(String text) {
        int at = text.indexOf("<?xml");
        if (at < 0) {
            int root = text.indexOf("<OAI-PMH");
            int doctype = text.indexOf("<!DOCTYPE");
            at = doctype >= 0 && (root < 0 || doctype < root) ? doctype : root;
        }
        if (at < 0) {
            at = text.indexOf('<');
        }
        return Math.max(at, 0);
    }

    /**
     * The text from {@code from} on without the characters XML 1.0 forbids (controls, U+FFFE/U+FFFF, lone
     * surrogates), counted. A page without any (nearly every page: it is a megabyte or two) is returned as it is,
     * head and all, for the caller to read from {@code from}; else the text from {@code from} on, repaired.
     */
    private static String removeIllegal(String text, int from, int[] removed) {
        int first = from;
        int length = text.length();
        while (first < length) {
            char c = text.charAt(first);
            if (c >= ' ' && c < '\uD800' || c == '\n' || c == '\t' || c == '\r') {
                first++; // nearly every character of every page: one comparison
            } else if (legalAt(text, first)) {
                first += Character.isHighSurrogate(c) ? 2 : 1;
            } else {
                break;
            }
        }
        if (first >= length) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() - from).append(text, from, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else if (XmlChars.legal(c)) {
                out.append(c);
            } else {
                removed[0]++;
            }
        }
        return out.toString();
    }

    /** Whether the character at {@code i} is one XML 1.0 allows, a surrogate only as half of a pair. */
    private static boolean legalAt(String text, int i) {
        char c = text.charAt(i);
        return Character.isHighSurrogate(c)
                ? i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))
                : XmlChars.legal(c);
    }

    /**
     * Character references to forbidden code points are dropped, HTML entities become their characters, and an
     * ampersand that starts no reference becomes {@code &amp;}.
     */
    private static String repairReferences(String text, int start, int[] repaired) {
        if (text.indexOf('&', start) < 0) {
            return text;
        }
        // Copied only from the first reference that needs a repair: most pages hold only &amp; and &lt;.
        StringBuilder out = null;
        Matcher m = REFERENCE.matcher(text);
        int last = start;
        for (int amp = text.indexOf('&', start); amp >= 0; amp = text.indexOf('&', amp + 1)) {
            m.region(amp, text.length());
            boolean reference = m.lookingAt();
            String replacement = reference ? reference(m.group(1)) : "&amp;";
            if (replacement == null) {
                amp = m.end() - 1;
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length() + 16);
            }
            out.append(text, last, amp).append(replacement);
            repaired[0]++;
            last = reference ? m.end() : amp + 1;
            amp = last - 1;
        }
        return out == null ? text : out.append(text, last, text.length()).toString();
    }

    /** null to keep the reference as it is, else its replacement. */
    private static String reference(String ref) {
        if (ref.startsWith("#")) {
            boolean hex = ref.length() > 1 && (ref.charAt(1) == 'x' || ref.charAt(1) == 'X');
            long code;
            try {
                code = Long.parseLong(ref.substring(hex ? 2 : 1), hex ? 16 : 10);
            } catch (NumberFormatException e) {
                return "";
            }
            return code <= 0x10FFFF && XmlChars.legal((int) code) ? null : "";
        }
        switch (ref) {
            case "amp", "lt", "gt", "quot", "apos":
                return null;
            default:
                String named = Entities.getByName(ref);
                return named.isEmpty() ? "&amp;" + ref + ";" : escape(named);
        }
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;");
    }
}
