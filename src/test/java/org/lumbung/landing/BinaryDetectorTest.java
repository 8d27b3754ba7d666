package org.lumbung.landing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.lumbung.testing.SeedPage;

/** Documents that are not text are told by their bytes; every real page and text dump of the fixtures is text. */
class BinaryDetectorTest {

    private static final String ABSTRACT = "Penelitian ini membahas kebijakan luar negeri Turki terhadap konflik"
            + " Nagorno-Karabakh.\n\tKata kunci: diplomasi, keamanan, Kaukasus.\r\n\f";

    @Test
    void refusesRandomBytes() {
        byte[] noise = new byte[200 * 1024];
        new Random(13).nextBytes(noise);
        assertThat(BinaryDetector.refusal(noise, null)).startsWith("not text: ").contains("NUL characters");
        assertThat(BinaryDetector.refusal(noise, "text/html; charset=UTF-8")).startsWith("not text: ");
    }

    @Test
    void refusesRandomBytesWithoutNulAsGarbled() {
        byte[] noise = new byte[4096];
        new Random(7).nextBytes(noise);
        for (int i = 0; i < noise.length; i++) {
            noise[i] = noise[i] == 0 ? 1 : noise[i];
        }
        assertThat(BinaryDetector.refusal(noise, null))
                .matches("not text: \\d+% of its first \\d+ characters are control or undecodable characters");
    }

    @Test
    void namesFormatsKnownByTheirFirstBytesEvenWhenTheRestReadsAsText() throws Exception {
        assertThat(BinaryDetector.refusal(("%PDF-1.7\n" + ABSTRACT).getBytes(StandardCharsets.US_ASCII), "text/html"))
                .isEqualTo("not text: a PDF document");
        assertThat(BinaryDetector.refusal(gzip(ABSTRACT), null)).isEqualTo("not text: a gzip archive");
        assertThat(BinaryDetector.refusal(zip(ABSTRACT), null))
                .isEqualTo("not text: a ZIP archive (or an Office or EPUB file)");
        assertThat(BinaryDetector.refusal(concat(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'},
                ABSTRACT), null)).isEqualTo("not text: a PNG image");
        assertThat(BinaryDetector.refusal(concat(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0},
                ABSTRACT), null)).isEqualTo("not text: a JPEG image");
        assertThat(BinaryDetector.refusal(("GIF89a" + ABSTRACT).getBytes(StandardCharsets.US_ASCII), null))
                .isEqualTo("not text: a GIF image");
    }

    @Test
    void refusesTextWithNulCharacters() {
        assertThat(BinaryDetector.refusal((ABSTRACT + "\0" + ABSTRACT).getBytes(StandardCharsets.UTF_8), null))
                .isEqualTo("not text: 1 NUL characters in its first " + (2 * ABSTRACT.length() + 1) + " characters");
    }

    @Test
    void readsTextInUtf8AndOldCharsetsAsText() {
        String accented = "Économie et société: « une étude » — café, naïve, Œuvre ™ " + ABSTRACT;
        assertThat(BinaryDetector.refusal(accented.getBytes(StandardCharsets.UTF_8), null)).isNull();
        assertThat(BinaryDetector.refusal(accented.getBytes(Charset.forName("windows-1252")), null)).isNull();
        assertThat(BinaryDetector.refusal(accented.getBytes(StandardCharsets.ISO_8859_1), "text/html; charset=ISO-8859-1"))
                .isNull();
        assertThat(BinaryDetector.refusal("MZ and RIFF may start a sentence".getBytes(StandardCharsets.US_ASCII), null))
                .isNull();
    }

    @Test
    void everyLandingPageAndTextDumpOfTheFixturesAndTheSeedIsText() throws Exception {
        List<Path> files;
        try (Stream<Path> walk = Stream.concat(Files.walk(Path.of("src/test/resources/fixtures/landing")),
                Stream.of(SeedPage.FILE))) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(files).hasSizeGreaterThan(10);
        for (Path file : files) {
            assertThat(BinaryDetector.refusal(Files.readAllBytes(file), null)).as(file.toString()).isNull();
        }
    }

    private static byte[] gzip(String text) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    private static byte[] zip(String text) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    private static byte[] concat(byte[] head, String text) {
        byte[] rest = text.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + rest.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(rest, 0, all, head.length, rest.length);
        return all;
    }
}
