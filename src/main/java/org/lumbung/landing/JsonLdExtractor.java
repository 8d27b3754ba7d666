package org.lumbung.landing;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads schema.org JSON-LD: every {@code <script type="application/ld+json">} block, each an object, an array of
 * objects, or an {@code @graph}, a web page's {@code mainEntity} included. Of the nodes found, the work the page is
 * about is the one of the best-ranked type ({@link #WORK_TYPES}, scholarly kinds first; the first such node on a tie),
 * and {@link SchemaOrgMapper} reads it, following {@code @id} references to the other nodes.
 *
 * <p>Real blocks are often sloppy JSON: raw line breaks inside strings, trailing commas, comments, a CDATA wrapper;
 * those are read. A block that is still not JSON is skipped, the reason logged at debug, and the other blocks and
 * schemes are read all the same.
 */
final class JsonLdExtractor implements SchemeExtractor {

    private static final Logger LOG = LoggerFactory.getLogger(JsonLdExtractor.class);

    /** The kinds of work a landing page is about, best first. */
    static final List<String> WORK_TYPES = List.of("ScholarlyArticle", "MedicalScholarlyArticle", "Thesis", "Chapter",
            "Report", "Dataset", "Book", "Article", "NewsArticle", "BlogPosting", "CreativeWork");

    // A bounded nesting depth: a hostile block of a million brackets must not exhaust the stack.
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS, JsonReadFeature.ALLOW_TRAILING_COMMA,
                    JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build())
            .build());

    @Override
    public void read(HtmlPage page, Findings out) {
        List<JsonNode> nodes = new ArrayList<>();
        for (Element script : page.html().select("script[type]")) {
            if (script.attr("type").trim().toLowerCase(Locale.ROOT).startsWith("application/ld+json")) {
                JsonNode block = parse(script.data(), page.url());
                if (block != null) {
                    collect(block, nodes, 0);
                }
            }
        }
        Map<String, JsonNode> byId = new HashMap<>();
        nodes.forEach(n -> byId.putIfAbsent(n.path("@id").asText(""), n));
        byId.remove("");
        JsonNode work = null;
        int best = WORK_TYPES.size();
        for (JsonNode node : nodes) {
            int rank = SchemaOrgMapper.types(node).stream().mapToInt(WORK_TYPES::indexOf).filter(i -> i >= 0)
                    .min().orElse(WORK_TYPES.size());
            if (rank < best) {
                best = rank;
                work = node;
            }
        }
        if (work != null) {
            new SchemaOrgMapper(byId).read(work, out);
        }
    }

    private static JsonNode parse(String data, String url) {
        String json = data.strip();
        if (json.startsWith("//<![CDATA[") || json.startsWith("<![CDATA[")) {
            json = json.substring(json.indexOf("[CDATA[") + 7).replaceFirst("(//)?\\s*]]>\\s*$", "");
        }
        if (json.isEmpty()) {
            return null;
        }
        try {
            return JSON.readTree(json);
        } catch (JacksonException e) {
            LOG.debug("skipping a JSON-LD block that is not JSON on {}: {}", url, e.getOriginalMessage());
            return null;
        }
    }

    /** The block's nodes: the objects of an array, the members of a graph, and a page's main entity. */
    private static void collect(JsonNode node, List<JsonNode> into, int depth) {
        if (depth > 4) {
            return;
        }
        if (node.isArray()) {
            node.forEach(n -> collect(n, into, depth + 1));
        } else if (node.isObject()) {
            into.add(node);
            collect(node.path("@graph"), into, depth + 1);
            collect(node.path("mainEntity"), into, depth + 1);
        }
    }
}
