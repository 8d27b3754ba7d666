package org.lumbung.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Consumer;

/**
 * A group of the records document's fields, as {@code bench --field-costs} leaves it out: what it takes out of the
 * index's mapping, and what out of each document (nothing, where the group is a way of indexing values the document
 * keeps, such as the keyword sub-fields).
 */
enum FieldGroup {
    NONE("nothing: the documents as Lumbung indexes them", m -> { }, d -> { }),
    RAW("provenance.raw: the raw archive (stored in _source, not indexed)",
            m -> properties(m, "provenance").remove("raw"),
            d -> d.path("provenance").forEach(p -> ((ObjectNode) p).remove("raw"))),
    SEARCH("search.*: the per-language search fields, names and the catch-all", m -> properties(m).remove("search"),
            d -> d.remove("search")),
    KEYWORD("the keyword sub-fields (.keyword) of every text field", FieldGroup::removeSubFields, d -> { }),
    DC_TEXT("dc.* analysed as text (index: false; their keyword sub-fields kept)",
            m -> properties(m, "dc").forEach(f -> ((ObjectNode) f).put("index", false)), d -> { }),
    FACET("facet.*: the folded facet values", m -> properties(m).remove("facet"), d -> d.remove("facet")),
    DERIVED("derived.* and quality: the derived fields", m -> properties(m).remove(List.of("derived", "quality")),
            d -> d.remove(List.of("derived", "quality"))),
    WORK("work.*: the work key search collapses on and the title key copies find their DOI by",
            m -> properties(m).remove("work"), d -> d.remove("work"));

    private final String description;
    private final Consumer<ObjectNode> mapping;
    private final Consumer<ObjectNode> document;

    FieldGroup(String description, Consumer<ObjectNode> mapping, Consumer<ObjectNode> document) {
        this.description = description;
        this.mapping = mapping;
        this.document = document;
    }

    String description() {
        return description;
    }

    /** Takes the group out of the index's mappings. */
    void removeFrom(ObjectNode mappings) {
        mapping.accept(mappings);
    }

    /** Takes the group out of one document. */
    void removeFromDocument(ObjectNode document) {
        this.document.accept(document);
    }

    private static ObjectNode properties(ObjectNode mappings, String... path) {
        JsonNode node = mappings;
        for (String field : path) {
            node = node.path("properties").path(field);
        }
        return (ObjectNode) node.path("properties");
    }

    private static void removeSubFields(JsonNode mapping) {
        if (mapping instanceof ObjectNode object) {
            object.remove("fields");
            object.forEach(FieldGroup::removeSubFields);
        }
    }
}
