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
