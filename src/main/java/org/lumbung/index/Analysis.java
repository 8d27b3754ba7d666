package org.lumbung.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which text analysis the cluster offers, found at start, and the analyzers Lumbung's template then uses. The
 * analyzers always have the same names ({@code lumbung_folded}, {@code lumbung_id}, {@code lumbung_en}), so the
 * mapping is one; only what stands behind them changes:
 * <ul>
 * <li>{@link #PLUGIN}: Lumbung's own stable plugin (the embedded node, which lacks analysis-common);</li>
 * <li>{@link #BUILTIN}: the built-in asciifolding and stemmers of a stock Elasticsearch 8 or 9, managed services
 * included, where no plugin can be installed; search behaves exactly as with the plugin;</li>
 * <li>{@link #STANDARD}: neither, so no folding and no stemming (said at start).</li>
 * </ul>
 */
public enum Analysis {
    PLUGIN("lumbung_asciifolding", "lumbung_indonesian_stem", "lumbung_english_stem", "lumbung_english_possessive"),
    BUILTIN("asciifolding", "lumbung_indonesian_stem", "lumbung_english_stem", "lumbung_english_possessive"),
    STANDARD(null, null, null, null);

    private static final Logger LOG = LoggerFactory.getLogger(Analysis.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String folding;
    private final String indonesianStem;
    private final String englishStem;
    private final String englishPossessive;

    Analysis(String folding, String indonesianStem, String englishStem, String englishPossessive) {
        this.folding = folding;
        this.indonesianStem = indonesianStem;
        this.englishStem = englishStem;
        this.englishPossessive = englishPossessive;
    }

    /**
     * Asks the cluster: Lumbung's plugin filter, else the built-in one, else neither. A cluster that cannot be reached
     * is an error, not a cluster without analysis.
     */
    public static Analysis detect(ElasticsearchClient client) throws IOException {
        Analysis found = works(client, "lumbung_asciifolding") ? PLUGIN : works(client, "asciifolding") ? BUILTIN : STANDARD;
        if (found == STANDARD) {
            LOG.warn("this Elasticsearch has neither Lumbung's analysis plugin nor analysis-common: search falls back"
                    + " to the standard analyzer (no accent folding, no Indonesian or English stemming)");
        } else {
            LOG.info("text analysis: {}", found == PLUGIN ? "Lumbung's analysis plugin" : "the built-in filters");
        }
        return found;
    }

    private static boolean works(ElasticsearchClient client, String filter) throws IOException {
        try {
            client.indices().analyze(a -> a.tokenizer(t -> t.name("standard")).filter(f -> f.name(filter)).text("Erdoğan"));
            return true;
        } catch (RuntimeException e) {
            return false; // the cluster answered (an ElasticsearchException): it has no such filter
        }
    }

    /** The {@code analysis} settings: the three analyzers and, for the built-ins, the stemmer filters they name. */
    public ObjectNode settings() {
        ObjectNode analysis = JSON.createObjectNode();
        ObjectNode analyzers = analysis.putObject("analyzer");
        analyzers.set("lumbung_folded", analyzer(java.util.Arrays.asList("lowercase", folding)));
        analyzers.set("lumbung_id", analyzer(java.util.Arrays.asList("lowercase", folding, indonesianStem)));
        analyzers.set("lumbung_en", analyzer(java.util.Arrays.asList(englishPossessive, "lowercase", folding, englishStem)));
        if (this == BUILTIN) {
            ObjectNode filters = analysis.putObject("filter");
            filters.putObject(indonesianStem).put("type", "stemmer").put("language", "indonesian");
            filters.putObject(englishStem).put("type", "stemmer").put("language", "english");
            filters.putObject(englishPossessive).put("type", "stemmer").put("language", "possessive_english");
        }
        return analysis;
    }

    private static ObjectNode analyzer(List<String> filters) {
        ObjectNode analyzer = JSON.createObjectNode().put("type", "custom").put("tokenizer", "standard");
        ArrayNode names = analyzer.putArray("filter");
        filters.stream().filter(java.util.Objects::nonNull).forEach(names::add);
        return analyzer;
    }
}
