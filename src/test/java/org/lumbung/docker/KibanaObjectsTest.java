package org.lumbung.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lumbung.index.Analysis;
import org.lumbung.index.IndexLayout;
import org.lumbung.index.IndexSetup;

/**
 * Kibana cannot run here, so its saved objects are checked against what Kibana would check, and more: every line is
 * an object, every reference resolves inside the file, and every field a data view, the saved search or a dashboard
 * panel uses exists in the mappings Lumbung installs (rendered as Lumbung renders them) with a type that use can take.
 */
class KibanaObjectsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path NDJSON = Path.of("docker", "kibana", "lumbung.ndjson");
    private static final Set<String> NUMBERS = Set.of("integer", "long", "short", "byte", "float", "double",
            "half_float", "scaled_float");
    private static final Set<String> TERMS = Set.of("keyword", "integer", "long", "short", "byte", "boolean", "ip");
    private static final Map<String, Map<String, String>> FIELDS = new HashMap<>();
    private static final List<JsonNode> OBJECTS = new ArrayList<>();

    @BeforeAll
    static void read() throws Exception {
        IndexLayout layout = new IndexLayout("lumbung", 0);
        Map<String, String> records = new HashMap<>();
        collect(JSON.readTree(IndexSetup.renderTemplate(layout)).path("template").path("mappings"), "", records);
        collect(JSON.readTree(IndexSetup.renderSearchComponent(Analysis.PLUGIN)).path("template").path("mappings"), "",
                records);
        FIELDS.put(layout.recordsAlias(), records);
        FIELDS.put(layout.harvestsIndex(), fields(layout, "/es/harvests-index.json"));
        FIELDS.put(layout.deadletterIndex(), fields(layout, "/es/deadletter-index.json"));
        for (String line : Files.readAllLines(NDJSON, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                OBJECTS.add(JSON.readTree(line));
            }
        }
    }

    private static Map<String, String> fields(IndexLayout layout, String resource) throws Exception {
        Map<String, String> out = new HashMap<>();
        collect(JSON.readTree(IndexSetup.render(layout, resource)).path("mappings"), "", out);
        return out;
    }

    /** Field path to type, multi-fields included ({@code reason.keyword}). */
    private static void collect(JsonNode mapping, String prefix, Map<String, String> out) {
        for (Map.Entry<String, JsonNode> field : mapping.path("properties").properties()) {
            String path = prefix + field.getKey();
            if (field.getValue().has("type")) {
                out.put(path, field.getValue().get("type").asText());
            }
            field.getValue().path("fields").properties().forEach(sub ->
                    out.put(path + "." + sub.getKey(), sub.getValue().path("type").asText()));
            collect(field.getValue(), path + ".", out);
        }
    }

    private static JsonNode object(String type, String id) {
        return OBJECTS.stream().filter(o -> o.path("type").asText().equals(type) && o.path("id").asText().equals(id))
                .findFirst().orElseThrow(() -> new AssertionError("no " + type + " " + id + " in " + NDJSON));
    }

    /** The mapping a data view reads (its title is the alias or index). */
    private static Map<String, String> mappingOf(String dataViewId) {
        String title = object("index-pattern", dataViewId).path("attributes").path("title").asText();
        Map<String, String> fields = FIELDS.get(title);
        assertThat(fields).as("data view %s reads %s, an index Lumbung makes", dataViewId, title).isNotNull();
        return fields;
    }

    @Test
    void everyLineIsASavedObjectWithAUniqueIdAndEveryReferenceResolves() {
        assertThat(OBJECTS).extracting(o -> o.path("type").asText() + ":" + o.path("id").asText())
                .containsExactly("index-pattern:lumbung-records", "index-pattern:lumbung-harvests",
                        "index-pattern:lumbung-deadletter", "search:lumbung-latest-records", "dashboard:lumbung-overview")
                .doesNotHaveDuplicates();
        for (JsonNode o : OBJECTS) {
            assertThat(o.path("attributes").path("title").asText()).isNotBlank();
            for (JsonNode ref : o.path("references")) {
                object(ref.path("type").asText(), ref.path("id").asText());
            }
        }
    }

    @Test
    void dataViewsHaveDateTimeFieldsAndTheSavedSearchReadsExistingFields() throws Exception {
        for (String id : List.of("lumbung-records", "lumbung-harvests", "lumbung-deadletter")) {
            String time = object("index-pattern", id).path("attributes").path("timeFieldName").asText();
            assertThat(mappingOf(id).get(time)).as("time field %s of %s", time, id).isEqualTo("date");
        }
        JsonNode search = object("search", "lumbung-latest-records");
        JsonNode source = JSON.readTree(search.path("attributes").path("kibanaSavedObjectMeta")
                .path("searchSourceJSON").asText());
        assertThat(source.path("indexRefName").asText()).isEqualTo("kibanaSavedObjectMeta.searchSourceJSON.index");
        String dataView = reference(search, source.path("indexRefName").asText()).path("id").asText();
        Map<String, String> fields = mappingOf(dataView);
        for (JsonNode column : search.path("attributes").path("columns")) {
            assertThat(fields).as("column %s", column.asText()).containsKey(column.asText());
        }
        for (JsonNode sort : search.path("attributes").path("sort")) {
            assertThat(fields.get(sort.get(0).asText())).isEqualTo("date");
        }
    }

    @Test
    void everyPanelOfTheDashboardReadsFieldsThatExistWithATypeItCanUse() throws Exception {
        JsonNode dashboard = object("dashboard", "lumbung-overview");
        JsonNode panels = JSON.readTree(dashboard.path("attributes").path("panelsJSON").asText());
        List<String> used = new ArrayList<>();
        for (JsonNode panel : panels) {
            String index = panel.path("panelIndex").asText();
            assertThat(panel.path("gridData").path("i").asText()).isEqualTo(index);
            if (panel.has("panelRefName")) {
                JsonNode ref = reference(dashboard, index + ":" + panel.path("panelRefName").asText());
                object(ref.path("type").asText(), ref.path("id").asText());
                continue;
            }
            JsonNode lens = panel.path("embeddableConfig").path("attributes");
            lens.path("state").path("datasourceStates").path("formBased").path("layers").properties().forEach(l -> {
                String name = "indexpattern-datasource-layer-" + l.getKey();
                JsonNode inner = lens.path("references").findValues("name").stream()
                        .anyMatch(n -> n.asText().equals(name)) ? lens.path("references") : null;
                assertThat(inner).as("panel %s names its data view", index).isNotNull();
                String dataView = reference(dashboard, index + ":" + name).path("id").asText();
                Map<String, String> fields = mappingOf(dataView);
                l.getValue().path("columns").properties().forEach(c -> {
                    String op = c.getValue().path("operationType").asText();
                    String field = c.getValue().path("sourceField").asText();
                    assertThat(l.getValue().path("columnOrder").toString()).contains("\"" + c.getKey() + "\"");
                    if (op.equals("count")) {
                        assertThat(field).isEqualTo("___records___");
                        return;
                    }
                    String type = fields.get(field);
                    assertThat(type).as("panel %s: %s of %s", index, op, field).isNotNull();
                    switch (op) {
                        case "terms" -> assertThat(TERMS).as("panel %s: terms of %s (%s)", index, field, type).contains(type);
                        case "date_histogram" -> assertThat(type).as("panel %s: %s", index, field).isEqualTo("date");
                        case "sum", "average", "min", "max", "median" ->
                                assertThat(NUMBERS).as("panel %s: %s of %s (%s)", index, op, field, type).contains(type);
                        default -> throw new AssertionError("panel " + index + ": operation " + op + " unchecked");
                    }
                    used.add(dataView + ":" + field);
                });
            });
        }
        assertThat(used).contains("lumbung-records:source.id", "lumbung-records:derived.publishedYear",
                "lumbung-records:derived.type.label", "lumbung-records:derived.language.iso639_3",
                "lumbung-records:derived.accessRights.label", "lumbung-harvests:finishedAt", "lumbung-harvests:outcome",
                "lumbung-harvests:advertised", "lumbung-harvests:listed",
                "lumbung-deadletter:sourceId", "lumbung-deadletter:reason.keyword");
    }

    /**
     * The records data view's time field is indexedAt, so Kibana's default "last 15 minutes" shows nothing an hour
     * after a harvest: the dashboard stores a time range that covers every record, and opens on it.
     */
    @Test
    void theDashboardOpensOnATimeRangeThatShowsEveryRecord() {
        JsonNode dashboard = object("dashboard", "lumbung-overview").path("attributes");
        assertThat(dashboard.path("timeRestore").asBoolean()).as("timeRestore").isTrue();
        assertThat(dashboard.path("timeTo").asText()).isEqualTo("now");
        Matcher from = Pattern.compile("now-(\\d+)y").matcher(dashboard.path("timeFrom").asText());
        assertThat(from.matches()).as("timeFrom %s is years back from now", dashboard.path("timeFrom")).isTrue();
        assertThat(Integer.parseInt(from.group(1))).isGreaterThanOrEqualTo(30);
        assertThat(dashboard.path("refreshInterval").path("pause").isBoolean()).isTrue();
    }

    private static JsonNode reference(JsonNode object, String name) {
        for (JsonNode ref : object.path("references")) {
            if (ref.path("name").asText().equals(name)) {
                return ref;
            }
        }
        throw new AssertionError(object.path("id").asText() + " has no reference " + name);
    }
}
