package org.lumbung.index;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.json.JsonpMapper;
import co.elastic.clients.util.BinaryData;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lumbung.dc.DcRecord;
import org.lumbung.dc.OaiInfo;
import org.lumbung.dc.Provenance;
import org.lumbung.testing.GoldenInputs;
import org.lumbung.testing.KnownRecords;

/**
 * The JSON of every index document, whole (search and facet fields, raw records and time of indexing included),
 * written by the client's own mapper. The expected files were written by the map-building mapper before the document
 * became a record type, so this test holds the record to the same documents for the same inputs. Rewrite them with
 * -Dlumbung.golden.write=true only for an intended change of the schema, and review the diff.
 */
class DocumentJsonTest {

    private static final Path EXPECTED = Path.of("src/test/resources/fixtures/document");
    private static final JsonpMapper CLIENT_JSON = EsConnection.jsonMapper();
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    static Stream<Arguments> documents() {
        List<Arguments> cases = new ArrayList<>();
        for (Path file : GoldenInputs.crosswalkCases()) {
            cases.add(Arguments.of("crosswalk-" + GoldenInputs.caseName(file).replace('/', '-'),
                    GoldenInputs.crosswalked(file)));
        }
        cases.add(Arguments.of("seed-page", GoldenInputs.seedPage()));
        List<DcRecord> known = KnownRecords.records();
        for (int i = 0; i < known.size(); i++) {
            cases.add(Arguments.of("known-" + (i + 1), known.get(i)));
        }
        cases.add(Arguments.of("tombstone", DcRecord.tombstone("journal-a:oai:journal-a:3", "journal-a",
                new OaiInfo("oai:journal-a:3", "2023-01-01T00:00:00Z", List.of(), "oai_dc"),
                new Provenance("journal-a", "oai:journal-a:3", null, "2023-01-01T00:00:00Z", "oai_dc"))));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void writesTheSameJsonForTheSameRecord(String name, DcRecord record) throws IOException {
        ByteBuffer bytes = BinaryData.of(DocumentMapper.toDocument(record, Instant.EPOCH), CLIENT_JSON).asByteBuffer();
        ObjectNode actual = (ObjectNode) JSON.readTree(StandardCharsets.UTF_8.decode(bytes).toString());
        // The raw record's attribute order is not the same from one JVM to the next, so it is compared here with the
        // record's own raw text and left out of the file.
        for (int i = 0; i < record.provenance().size(); i++) {
            ObjectNode entry = (ObjectNode) actual.path("provenance").path(i);
            assertThat(entry.path("raw").textValue()).isEqualTo(record.provenance().get(i).raw());
            entry.remove("raw");
        }
        Path file = EXPECTED.resolve(name + ".json");
        if (Boolean.getBoolean("lumbung.golden.write")) {
            Files.writeString(file, JSON.writeValueAsString(JSON.treeToValue(actual, Object.class)) + "\n");
            return;
        }
        assertThat(actual).isEqualTo(JSON.readTree(file.toFile()));
    }

    /**
     * A document rendered for a write carries the fingerprint of its own JSON without its change time: the same at
     * any time, another for another document, and the JSON around it the client's rendering plus the fingerprint.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void fingerprintsTheDocumentWithoutItsChangeTime(String name, DcRecord record) throws Exception {
        JsonBytes json = new JsonBytes(CLIENT_JSON);
        IndexDocument document = DocumentMapper.toDocument(record, Instant.EPOCH);
        JsonBytes.Document now = json.document(document);
        JsonBytes.Document later = json.document(DocumentMapper.toDocument(record, Instant.parse("2027-01-01T00:00:00Z")));

        assertThat(later.fingerprint()).isEqualTo(now.fingerprint()).hasSize(22);
        byte[] withoutTime = text(json.of(document.at(null))).getBytes(StandardCharsets.UTF_8);
        byte[] sha = java.security.MessageDigest.getInstance("SHA-256").digest(withoutTime);
        assertThat(now.fingerprint()).isEqualTo(java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(java.util.Arrays.copyOf(sha, 16)));
        ObjectNode expected = (ObjectNode) JSON.readTree(text(BinaryData.of(document, CLIENT_JSON)));
        expected.put(JsonBytes.FINGERPRINT, now.fingerprint());
        assertThat(JSON.readTree(text(now.json()))).isEqualTo(expected);
        assertThat(json.document(document.inWork("doi:10.1234/another")).fingerprint())
                .isNotEqualTo(now.fingerprint());
    }

    /**
     * A harvest in a new process must find a record unchanged since the last one: the fingerprints of every case are
     * the same in two other JVMs. Each JVM orders {@code Set.of} and {@code Map.of} of two or more at random, so a
     * document that rendered one would show here as a fingerprint that moves.
     */
    @org.junit.jupiter.api.Test
    void fingerprintsAreTheSameInAnotherJvm() throws Exception {
        java.util.Map<String, String> here = fingerprints();
        assertThat(here).hasSizeGreaterThan(20);
        for (int jvm = 0; jvm < 2; jvm++) {
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), Fingerprints.class.getName())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(child.waitFor()).isZero();
            java.util.Map<String, String> there = new java.util.TreeMap<>();
            out.lines().filter(l -> l.startsWith("fingerprint ")).map(l -> l.split(" ", 3))
                    .forEach(f -> there.put(f[1], f[2]));
            assertThat(there).isEqualTo(here);
        }
    }

    private static java.util.Map<String, String> fingerprints() {
        JsonBytes json = new JsonBytes(CLIENT_JSON);
        java.util.Map<String, String> out = new java.util.TreeMap<>();
        documents().forEach(a -> out.put((String) a.get()[0],
                json.document(DocumentMapper.toDocument((DcRecord) a.get()[1], Instant.EPOCH)).fingerprint()));
        return out;
    }

    /** Prints each case's fingerprint, a line each, for {@link #fingerprintsAreTheSameInAnotherJvm}. */
    static final class Fingerprints {
        public static void main(String[] args) {
            fingerprints().forEach((name, fingerprint) -> System.out.println("fingerprint " + name + " " + fingerprint));
        }
    }

    private static String text(BinaryData data) throws IOException {
        return StandardCharsets.UTF_8.decode(data.asByteBuffer()).toString();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void readsBackWhatItWrote(String name, DcRecord record) {
        ObjectMapper client = EsConnection.jsonMapper().objectMapper();
        JsonNode written = client.valueToTree(DocumentMapper.toDocument(record, Instant.EPOCH));

        IndexDocument read = client.convertValue(written, IndexDocument.class);

        JsonNode again = client.valueToTree(read);
        assertThat(again).isEqualTo(written);
    }
}
