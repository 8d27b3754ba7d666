package org.lumbung.index;

import co.elastic.clients.json.JsonpMapper;
import co.elastic.clients.util.BinaryData;
import jakarta.json.stream.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import org.lumbung.pipeline.Sha256;

/**
 * Renders documents as the JSON a bulk request carries. The client's own {@link BinaryData#of(Object, JsonpMapper)}
 * grows a fresh buffer from 32 bytes for every document and keeps it, up to twice the document's size, for as long
 * as the document waits in the ingester; here each thread renders into a buffer of its own and keeps exactly the
 * document's bytes.
 */
public final class JsonBytes {

    /**
     * The field a records document carries the fingerprint of its own JSON in: the SHA-256 of every byte of it but
     * its change time ({@code indexedAt}) and this field, cut to 128 bits, Base64 for URLs. A document rendered again
     * with the same bytes is the same document, whatever its change time.
     */
    public static final String FINGERPRINT = "fingerprint";
    private static final int FINGERPRINT_BYTES = 16;
    private static final int INITIAL = 32 * 1024;
    /**
     * A buffer grown past this by a huge document is dropped rather than kept by its thread: an indexer without a
     * pool renders on its caller's thread, and a {@code run} has many.
     */
    private static final int KEPT = 256 * 1024;

    /** A records document as JSON and the fingerprint it carries. */
    public record Document(BinaryData json, String fingerprint) {
    }

    /** A buffer whose last bytes can be taken back. */
    private static final class Buffer extends ByteArrayOutputStream {

        Buffer() {
            super(INITIAL);
        }

        /** Drops the last byte written, which must be this one. */
        void takeBack(byte expected) {
            if (count == 0 || buf[count - 1] != expected) {
                throw new IllegalStateException("the rendered document does not end in '" + (char) expected + "'");
            }
            count--;
        }

        byte[] digest(MessageDigest digest) {
            digest.update(buf, 0, count);
            return digest.digest();
        }
    }

    private final JsonpMapper mapper;
    private final ThreadLocal<Buffer> buffers = ThreadLocal.withInitial(Buffer::new);
    private final ThreadLocal<MessageDigest> digests = ThreadLocal.withInitial(Sha256::digest);

    public JsonBytes(JsonpMapper mapper) {
        this.mapper = mapper;
    }

    /** The document as JSON bytes, exactly as long as they are. */
    public BinaryData of(Object document) {
        Buffer out = render(document);
        return kept(out);
    }

    /**
     * A records document as JSON bytes with its fingerprint ({@link #FINGERPRINT}): rendered without its change time,
     * fingerprinted, and the change time and fingerprint added as its last two fields. Every document Lumbung writes
     * whole is rendered here, so a fingerprint always stands for the bytes around it.
     */
    public Document document(IndexDocument document) {
        Buffer out = render(document.at(null));
        byte[] digest = out.digest(digests.get());
        String fingerprint = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(Arrays.copyOf(digest, FINGERPRINT_BYTES));
        out.takeBack((byte) '}');
        StringBuilder tail = new StringBuilder(96);
        if (document.indexedAt() != null) {
            // An Instant's text: digits, '-', ':', '.', 'T' and 'Z', nothing to escape.
            tail.append(",\"indexedAt\":\"").append(document.indexedAt()).append('"');
        }
        tail.append(",\"").append(FINGERPRINT).append("\":\"").append(fingerprint).append("\"}");
        out.writeBytes(tail.toString().getBytes(StandardCharsets.US_ASCII));
        return new Document(kept(out), fingerprint);
    }

    private Buffer render(Object document) {
        Buffer out = buffers.get();
        out.reset();
        try (JsonGenerator generator = mapper.jsonProvider().createGenerator(out)) {
            mapper.serialize(document, generator);
        }
        return out;
    }

    private BinaryData kept(Buffer out) {
        byte[] bytes = out.toByteArray();
        if (bytes.length > KEPT) {
            buffers.remove();
        }
        return BinaryData.of(bytes, "application/json");
    }
}
