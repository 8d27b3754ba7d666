package org.lumbung.index;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.lumbung.pipeline.Sha256;

/**
 * Elasticsearch ids are at most 512 bytes. Record ids are kept as they are when they fit; a longer one (some
 * repositories use whole URLs with queries as identifiers) keeps its first part and gains a hash of the whole.
 */
public final class DocumentIds {

    private static final int MAX_BYTES = 512;

    private DocumentIds() {
    }

    public static String safe(String id) {
        byte[] bytes = id.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= MAX_BYTES) {
            return id;
        }
        String head = new String(bytes, 0, 400, StandardCharsets.UTF_8).replace("\uFFFD", "");
        return head + "#sha256:" + HexFormat.of().formatHex(Sha256.of(bytes));
    }
}
