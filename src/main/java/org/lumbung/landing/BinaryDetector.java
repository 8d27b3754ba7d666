package org.lumbung.landing;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Tells a document that is not text (a PDF, an archive, an image, random bytes) from a page or a text dump, by its
 * content and never by its name: a file called article.html may hold anything. Read as text, such bytes become a
 * record with a mojibake title and hundreds of "creators". Formats whose first bytes could start a text are left to
 * the second test, the share of control and undecodable characters, which every compressed or binary format fails.
 */
public final class BinaryDetector {

    /** Characters looked at: enough to judge, little to decode. */
    private static final int SAMPLE = 64 * 1024;
    /** Above this share of control or undecodable characters the bytes are not text (real pages stay under 1%). */
    private static final double MAX_GARBLED = 0.05;

    /** A format known by its first bytes. */
    private record Magic(String name, int offset, byte[] bytes) {
        Magic(String name, String ascii) {
            this(name, 0, ascii.getBytes(StandardCharsets.ISO_8859_1));
        }

        Magic(String name, int... bytes) {
            this(name, 0, toBytes(bytes));
        }

        boolean matches(byte[] data) {
            return data.length >= offset + bytes.length
                    && Arrays.equals(data, offset, offset + bytes.length, bytes, 0, bytes.length);
        }
    }

    private static final List<Magic> MAGIC = List.of(
            new Magic("a PDF document", "%PDF-"),
            new Magic("a ZIP archive (or an Office or EPUB file)", 0x50, 0x4B, 0x03, 0x04),
            new Magic("an empty ZIP archive", 0x50, 0x4B, 0x05, 0x06),
            new Magic("a gzip archive", 0x1F, 0x8B),
            new Magic("an xz archive", 0xFD, '7', 'z', 'X', 'Z', 0x00),
            new Magic("a 7-Zip archive", '7', 'z', 0xBC, 0xAF, 0x27, 0x1C),
            new Magic("a Zstandard archive", 0x28, 0xB5, 0x2F, 0xFD),
            new Magic("a RAR archive", 'R', 'a', 'r', '!', 0x1A, 0x07),
            new Magic("a PNG image", 0x89, 'P', 'N', 'G'),
            new Magic("a JPEG image", 0xFF, 0xD8, 0xFF),
            new Magic("a GIF image", "GIF87a"),
            new Magic("a GIF image", "GIF89a"),
            new Magic("a TIFF image", 'I', 'I', 0x2A, 0x00),
            new Magic("a TIFF image", 'M', 'M', 0x00, 0x2A),
            new Magic("an ISO media file (MP4, HEIC)", 4, "ftyp".getBytes(StandardCharsets.ISO_8859_1)),
            new Magic("an old Office document (OLE)", 0xD0, 0xCF, 0x11, 0xE0),
            new Magic("an executable (ELF)", 0x7F, 'E', 'L', 'F'),
            new Magic("a Java class file", 0xCA, 0xFE, 0xBA, 0xBE));

    private BinaryDetector() {
    }

    /** Why the document is not text, beginning "not text: "; null when it reads as text. */
    public static String refusal(byte[] bytes, String contentType) {
        for (Magic magic : MAGIC) {
            if (magic.matches(bytes)) {
                return "not text: " + magic.name();
            }
        }
        byte[] head = bytes.length <= SAMPLE ? bytes : Arrays.copyOf(bytes, SAMPLE);
        String text = PageCharset.decode(head, contentType);
        // The sample may end inside a character; its last few are not counted against it.
        int length = bytes.length <= SAMPLE ? text.length() : Math.max(0, text.length() - 4);
        int nul = 0;
        int garbled = 0;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c == 0) {
                nul++;
            } else if (c == '\uFFFD' || Character.isISOControl(c) && !Character.isWhitespace(c)) {
                garbled++;
            }
        }
        if (nul > 0) {
            return "not text: " + nul + " NUL characters in its first " + length + " characters";
        }
        if (length > 0 && garbled > length * MAX_GARBLED) {
            return String.format(Locale.ROOT, "not text: %.0f%% of its first %d characters are control or"
                    + " undecodable characters", 100.0 * garbled / length, length);
        }
        return null;
    }

    private static byte[] toBytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }
}
