package org.lumbung.search.cite;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Writes references as CSL-JSON, the array of items citeproc processors and Zotero read: {@code article-journal} for
 * journal articles, authors split into family and given names (a name without that form as a {@code literal}), the
 * date as {@code date-parts}. Jackson writes the JSON, so any text is escaped as JSON needs.
 */
public final class CslJsonWriter {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CslJsonWriter() {
    }

    public static String write(List<Reference> references) {
        ArrayNode items = JSON.createArrayNode();
        references.forEach(r -> items.add(item(r)));
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(items);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings is always written", e);
        }
    }

    static ObjectNode item(Reference r) {
        ObjectNode item = JSON.createObjectNode();
        item.put("id", r.id());
        item.put("type", r.journalArticle() ? "article-journal" : "article");
        put(item, "title", r.title());
        if (!r.authors().isEmpty()) {
            ArrayNode authors = item.putArray("author");
            for (Reference.Author a : r.authors()) {
                ObjectNode name = authors.addObject();
                if (a.family() == null) {
                    name.put("literal", a.name());
                } else {
                    name.put("family", a.family());
                    name.put("given", a.given());
                }
            }
        }
        if (!r.dateParts().isEmpty()) {
            ArrayNode parts = item.putObject("issued").putArray("date-parts").addArray();
            r.dateParts().forEach(parts::add);
        }
        put(item, "container-title", r.journal());
        put(item, "volume", r.volume());
        put(item, "issue", r.issue());
        put(item, "page", r.pages());
        put(item, "ISSN", r.issn().isEmpty() ? null : String.join(", ", r.issn()));
        put(item, "DOI", r.doi());
        put(item, "URL", r.url());
        put(item, "language", r.languages().isEmpty() ? null : r.languages().get(0));
        put(item, "abstract", r.summary());
        put(item, "keyword", r.keywords().isEmpty() ? null : String.join(", ", r.keywords()));
        return item;
    }

    private static void put(ObjectNode item, String name, String value) {
        if (value != null) {
            item.put(name, value);
        }
    }
}
