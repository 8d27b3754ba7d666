package org.lumbung.index;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** One template, three clusters: Lumbung's plugin, the built-in filters, or neither. */
class AnalysisTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode analysis(Analysis kind) throws Exception {
        return JSON.readTree(IndexSetup.renderSearchComponent(kind)).get("template").get("settings").get("analysis");
    }

    @Test
    void rendersThePluginsFiltersOnTheEmbeddedNode() throws Exception {
        JsonNode a = analysis(Analysis.PLUGIN);
        assertThat(a.get("analyzer").get("lumbung_id").get("filter").toString())
                .isEqualTo("[\"lowercase\",\"lumbung_asciifolding\",\"lumbung_indonesian_stem\"]");
        assertThat(a.get("analyzer").get("lumbung_en").get("filter").toString()).isEqualTo(
                "[\"lumbung_english_possessive\",\"lowercase\",\"lumbung_asciifolding\",\"lumbung_english_stem\"]");
        assertThat(a.has("filter")).as("the plugin's filters need no definition").isFalse();
    }

    @Test
    void rendersTheBuiltInEquivalentsOnAStockCluster() throws Exception {
        JsonNode a = analysis(Analysis.BUILTIN);
        assertThat(a.get("analyzer").get("lumbung_folded").get("filter").toString())
                .isEqualTo("[\"lowercase\",\"asciifolding\"]");
        assertThat(a.get("filter").get("lumbung_indonesian_stem").toString())
                .isEqualTo("{\"type\":\"stemmer\",\"language\":\"indonesian\"}");
        assertThat(a.get("filter").get("lumbung_english_stem").get("language").asText()).isEqualTo("english");
    }

    @Test
    void fallsBackToTheStandardAnalysisWithNeither() throws Exception {
        JsonNode a = analysis(Analysis.STANDARD);
        assertThat(a.get("analyzer").get("lumbung_id").get("filter").toString()).isEqualTo("[\"lowercase\"]");
        assertThat(a.get("analyzer").get("lumbung_en").get("tokenizer").asText()).isEqualTo("standard");
    }

    @Test
    void theRecordsTemplateIsComposedOfTheSearchComponent() throws Exception {
        JsonNode template = JSON.readTree(IndexSetup.renderTemplate(new IndexLayout("lumbung", 0)));
        assertThat(template.get("composed_of").get(0).asText()).isEqualTo("lumbung-search");
        assertThat(template.get("index_patterns").get(0).asText()).isEqualTo("lumbung-records-v*");
    }

    @Test
    void foldsFacetValuesInJava() {
        assertThat(SearchFields.fold("  Recep Tayyip Erdoğan ")).isEqualTo("recep tayyip erdogan");
        assertThat(SearchFields.fold("Øresund Ålborg Straße")).isEqualTo("oresund alborg strasse");
        assertThat(SearchFields.fields("id-ID")).containsExactly("id");
        assertThat(SearchFields.fields("eng")).containsExactly("en");
        assertThat(SearchFields.fields(null)).containsExactly("id", "en", "other");
    }
}
