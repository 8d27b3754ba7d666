package org.lumbung.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** A body's bytes in an array sized from what the answer announced, and a server's word taken only so far. */
class BodyBufferTest {

    private static final long LIMIT = 256L * 1024 * 1024;

    @Test
    void aBodyOfTheAnnouncedLengthIsHandedOnInTheArrayItFilled() {
        byte[] page = page(6 * 1024 * 1024 + 17);
        BodyBuffer buffer = new BodyBuffer(page.length, LIMIT);
        write(buffer, page);
        assertThat(buffer.capacity()).isEqualTo(page.length);
        byte[] bytes = buffer.bytes();
        assertThat(bytes).isEqualTo(page);
        assertThat(buffer.bytes()).isSameAs(bytes);
    }

    @Test
    void aBodyShorterOrLongerThanAnnouncedKeepsExactlyItsBytes() {
        byte[] page = page(100_000);
        BodyBuffer longer = new BodyBuffer(page.length + 5_000, LIMIT);
        write(longer, page);
        assertThat(longer.bytes()).isEqualTo(page);
        BodyBuffer shorter = new BodyBuffer(1_000, LIMIT);
        write(shorter, page);
        assertThat(shorter.bytes()).isEqualTo(page);
        BodyBuffer unknown = new BodyBuffer(-1, LIMIT);
        write(unknown, page);
        assertThat(unknown.bytes()).isEqualTo(page);
    }

    @Test
    void anAnnouncedLengthIsTakenOnlyUpToTheAheadBoundAndTheLimit() {
        assertThat(firstByte(new BodyBuffer(200L * 1024 * 1024, LIMIT))).isEqualTo(BodyBuffer.MAX_AHEAD);
        assertThat(firstByte(new BodyBuffer(Integer.MAX_VALUE, LIMIT))).isEqualTo(BodyBuffer.MAX_AHEAD);
        assertThat(firstByte(new BodyBuffer(Long.MAX_VALUE, Long.MAX_VALUE))).isEqualTo(BodyBuffer.MAX_AHEAD);
        assertThat(firstByte(new BodyBuffer(1_000_000, 4_096))).isEqualTo(4_096);
        assertThat(firstByte(new BodyBuffer(0, LIMIT))).isPositive();
    }

    @Test
    void anAnswerWithNoBodyMakesNoArrayWhateverItAnnounced() {
        BodyBuffer notModified = new BodyBuffer(6_000_000, LIMIT);
        assertThat(notModified.capacity()).isZero();
        assertThat(notModified.bytes()).isEmpty();
        assertThat(notModified.capacity()).isZero();
    }

    @Test
    void gzipIsUndoneWhateverItsTrailerSays() throws IOException {
        byte[] page = page(300_000);
        byte[] zipped = gzip(page);
        assertThat(HttpFetcher.gzipSize(zipped)).isEqualTo(page.length);
        assertThat(HttpFetcher.decode(zipped, "gzip", LIMIT)).isEqualTo(page);

        // Two members: the trailer names the last one's size only.
        byte[] first = page(200_000);
        byte[] second = "</OAI-PMH>".getBytes(StandardCharsets.UTF_8);
        byte[] both = concat(gzip(first), gzip(second));
        assertThat(HttpFetcher.gzipSize(both)).isEqualTo(second.length);
        assertThat(HttpFetcher.decode(both, "", LIMIT)).isEqualTo(concat(first, second));

        // A forged trailer that claims 4 GB.
        byte[] forged = zipped.clone();
        for (int i = forged.length - 4; i < forged.length; i++) {
            forged[i] = (byte) 0xff;
        }
        assertThat(HttpFetcher.gzipSize(forged)).isEqualTo(0xffffffffL);
        assertThatThrownBy(() -> HttpFetcher.decode(forged, "gzip", LIMIT)).isInstanceOf(IOException.class);
        assertThat(HttpFetcher.gzipSize(new byte[10])).isEqualTo(-1);
    }

    @Test
    void deflateIsUndoneAndABombStopsAtTheLimit() throws IOException {
        byte[] page = page(50_000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflate = new DeflaterOutputStream(out)) {
            deflate.write(page);
        }
        assertThat(HttpFetcher.decode(out.toByteArray(), "deflate", LIMIT)).isEqualTo(page);
        byte[] bomb = gzip(new byte[5 * 1024 * 1024]);
        assertThatThrownBy(() -> HttpFetcher.decode(bomb, "gzip", 1024 * 1024))
                .isInstanceOf(HttpFetcher.TooLargeException.class);
    }

    /** The array's size once the first byte came. */
    private static int firstByte(BodyBuffer buffer) {
        buffer.write('<');
        return buffer.capacity();
    }

    private static byte[] page(int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) ('a' + i % 26);
        }
        return bytes;
    }

    private static void write(BodyBuffer buffer, byte[] bytes) {
        for (int at = 0; at < bytes.length; at += 16_384) {
            buffer.write(bytes, at, Math.min(16_384, bytes.length - at));
        }
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
