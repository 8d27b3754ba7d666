package org.lumbung.index;

import co.elastic.clients.json.JsonpMapper;
import co.elastic.clients.util.BinaryData;
import jakarta.json.stream.JsonGenerator;
import java.io.ByteArrayOutputStream;

/**
 * Renders documents as the JSON a bulk request carries. The client's own {@link BinaryData#of(Object, JsonpMapper)}
 * grows a fresh buffer from 32 bytes for every document and keeps it, up to twice the document's size, for as long
 * as the document waits in the ingester; here each thread renders into a buffer of its own and keeps exactly the
 * document's bytes.
 */
public final class JsonBytes {

    private static final int INITIAL = 32 * 1024;
    /**
     * A buffer grown past this by a huge document is dropped rather than kept by its thread: an indexer without a
     * pool renders on its caller's thread, and a {@code run} has many.
     */
    private static final int KEPT = 256 * 1024;

    private final JsonpMapper mapper;
    private final ThreadLocal<ByteArrayOutputStream> buffers =
            ThreadLocal.withInitial(() -> new ByteArrayOutputStream(INITIAL));

    public JsonBytes(JsonpMapper mapper) {
        this.mapper = mapper;
    }

    /** The document as JSON bytes, exactly as long as they are. */
    public BinaryData of(Object document) {
        ByteArrayOutputStream out = buffers.get();
        out.reset();
        try (JsonGenerator generator = mapper.jsonProvider().createGenerator(out)) {
            mapper.serialize(document, generator);
        }
        byte[] bytes = out.toByteArray();
        if (bytes.length > KEPT) {
            buffers.remove();
        }
        return BinaryData.of(bytes, "application/json");
    }
}
