package org.lumbung.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.lumbung.index.EsConnection;
import org.opentest4j.AssertionFailedError;

/**
 * Golden files: an expected JSON document under src/test/resources/fixtures. A mismatch fails with both documents;
 * running with -Dlumbung.golden.write=true rewrites the file instead (review the diff before committing it).
 */
public final class Golden {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    private static final ObjectMapper CLIENT_JSON = EsConnection.jsonMapper().objectMapper();

    private Golden() {
    }

    /**
     * Compares a document with the golden file; indexedAt (the time of indexing), the fingerprint of the whole
     * (DocumentJsonTest), the search-only fields and the raw records the provenance keeps (the fixture itself) are
     * left out.
     */
    public static void assertMatches(String fixture, Object document) {
        // Turned into JSON by the client's own mapper, as it is when indexed.
        ObjectNode actual = CLIENT_JSON.valueToTree(document);
        actual.remove("indexedAt");
        actual.remove("fingerprint");
        // Derived for search only, kept out of _source and tested on their own (AnalysisTest, LanguageSearchIT).
        actual.remove("search");
        actual.remove("facet");
        actual.path("provenance").forEach(p -> ((ObjectNode) p).remove("raw"));
        Path file = Path.of("src/test/resources/fixtures", fixture);
        try {
            if (Boolean.getBoolean("lumbung.golden.write")) {
                Files.writeString(file, JSON.writeValueAsString(JSON.treeToValue(actual, Object.class)) + "\n",
                        StandardCharsets.UTF_8);
                return;
            }
            JsonNode expected = JSON.readTree(OaiTestServer.fixture(fixture));
            if (!expected.equals(actual)) {
                throw new AssertionFailedError("document differs from " + file, JSON.writeValueAsString(expected),
                        JSON.writeValueAsString(actual));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
