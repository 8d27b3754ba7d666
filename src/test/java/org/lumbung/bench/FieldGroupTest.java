package org.lumbung.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.lumbung.dc.DcRecord;
import org.lumbung.index.Analysis;
import org.lumbung.index.DocumentMapper;
import org.lumbung.testing.GoldenInputs;

/**
 * The field groups of {@code bench --field-costs} take out of the records index (as the template and the search
 * component compose it) and out of a real document what they say, and nothing else.
 */
class FieldGroupTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode mappings(FieldGroup group) throws Exception {
        ObjectNode index = FieldCosts.recordsIndex(Analysis.PLUGIN);
        group.removeFrom((ObjectNode) index.get("mappings"));
        return (ObjectNode) index.get("mappings");
    }

    private static ObjectNode document(FieldGroup group) {
        // A crosswalked record keeps its raw record in provenance.
        DcRecord withRaw = GoldenInputs.crosswalked(GoldenInputs.crosswalkCases().get(0));
        ObjectNode doc = JSON.valueToTree(DocumentMapper.toDocument(withRaw, Instant.EPOCH));
        group.removeFromDocument(doc);
        return doc;
    }

    @Test
    void theComposedIndexHasTheTemplatesFieldsTheSearchFieldsAndTheirAnalysis() throws Exception {
        ObjectNode index = FieldCosts.recordsIndex(Analysis.PLUGIN);
        assertThat(index.at("/mappings/properties/dc/properties/title/fields/keyword/type").asText()).isNotEmpty();
        assertThat(index.at("/mappings/properties/search/properties/title/properties/en/analyzer").asText())
                .isEqualTo("lumbung_en");
        assertThat(index.at("/mappings/_source").isMissingNode()).as("nothing left out of _source").isTrue();
        assertThat(index.at("/settings/analysis/analyzer/lumbung_en").isObject()).isTrue();
        assertThat(index.at("/settings/number_of_shards").asInt()).isEqualTo(1);
    }

    @Test
    void eachGroupLeavesTheMappingAndTheDocumentWithoutItsFields() throws Exception {
        assertThat(mappings(FieldGroup.NONE)).isEqualTo(FieldCosts.recordsIndex(Analysis.PLUGIN).get("mappings"));
        assertThat(mappings(FieldGroup.RAW).at("/properties/provenance/properties/raw").isMissingNode()).isTrue();
        assertThat(document(FieldGroup.RAW).at("/provenance/0/raw").isMissingNode()).isTrue();
        assertThat(document(FieldGroup.NONE).at("/provenance/0/raw").asText()).isNotEmpty();
        assertThat(mappings(FieldGroup.SEARCH).at("/properties/search").isMissingNode()).isTrue();
        assertThat(document(FieldGroup.SEARCH).has("search")).isFalse();
        assertThat(mappings(FieldGroup.FACET).at("/properties/facet").isMissingNode()).isTrue();
        assertThat(document(FieldGroup.FACET).has("facet")).isFalse();
        assertThat(mappings(FieldGroup.DERIVED).at("/properties/derived").isMissingNode()).isTrue();
        assertThat(document(FieldGroup.DERIVED).has("derived")).isFalse();
        assertThat(document(FieldGroup.DERIVED).has("dc")).isTrue();
        assertThat(mappings(FieldGroup.KEYWORD).toString()).doesNotContain("\"fields\"");
        assertThat(document(FieldGroup.KEYWORD)).isEqualTo(document(FieldGroup.NONE));
        JsonNode title = mappings(FieldGroup.DC_TEXT).at("/properties/dc/properties/title");
        assertThat(title.get("index").asBoolean(true)).isFalse();
    }
}
