package org.lumbung.bench;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.lumbung.crosswalk.Crosswalks;
import org.lumbung.index.Analysis;
import org.lumbung.index.IndexLayout;
import org.lumbung.index.IndexSetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code bench --field-costs}: what each part of the records document costs Elasticsearch. The ceiling's own
 * documents are posted to {@code _bulk} as the ceiling posts them, once whole and once with each {@link FieldGroup}
 * left out of the mapping and the documents, each into a fresh index of the records template and the search
 * component composed as Lumbung's index is; measured are Elasticsearch's CPU while indexing and the bytes the index
 * takes on disk as one segment. The order of the groups turns from run to run.
 */
final class FieldCosts {

    private static final Logger LOG = LoggerFactory.getLogger("lumbung.bench");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One group's indexing in one run, and the bytes its index took. */
    record Cost(FieldGroup removed, Measurement indexing, long storeBytes) {
    }

    /** A size's costs, run by run, by the group left out. */
    record SizeCosts(int records, Map<FieldGroup, List<Cost>> runs) {
    }

    private final ElasticsearchClient client;
    private final BulkCeiling ceiling;
    private final Bench.Options options;
    private final String prefix;

    FieldCosts(URI es, ElasticsearchClient client, Bench.Options options, String prefix) {
        this.client = client;
        this.ceiling = new BulkCeiling(es, client, Math.max(1, options.bulkInFlight()));
        this.options = options;
        this.prefix = prefix;
    }

    List<SizeCosts> run(Crosswalks crosswalks) throws IOException, InterruptedException {
        ObjectNode index = recordsIndex(client);
        List<SizeCosts> sizes = new ArrayList<>();
        for (int size : options.sizes()) {
            Corpus corpus = Corpus.prepare(Files.createDirectories(options.work().resolve("corpus")), size,
                    options.seed(), HarvestRun.SOURCE_ID, crosswalks);
            Map<FieldGroup, List<Path>> bodies = new EnumMap<>(FieldGroup.class);
            for (FieldGroup group : FieldGroup.values()) {
                bodies.put(group, bodies(corpus, group));
            }
            if (sizes.isEmpty()) {
                // As the bench does: a fresh node runs its indexing code interpreted at first.
                measure(corpus, FieldGroup.NONE, index, bodies.get(FieldGroup.NONE), prefix + "-fc-warmup");
            }
            SizeCosts costs = new SizeCosts(size, new EnumMap<>(FieldGroup.class));
            for (int run = 1; run <= options.runs(); run++) {
                List<FieldGroup> order = new ArrayList<>(List.of(FieldGroup.values()));
                Collections.rotate(order, run - 1);
                for (FieldGroup group : order) {
                    Cost cost = measure(corpus, group, index, bodies.get(group),
                            prefix + "-fc-" + group.name().toLowerCase(java.util.Locale.ROOT) + "-r" + run);
                    costs.runs().computeIfAbsent(group, g -> new ArrayList<>()).add(cost);
                    LOG.info("{} records, run {}, without {}: {} CPU s per 1,000, {} bytes", size, run, group,
                            String.format(java.util.Locale.ROOT, "%.2f", cost.indexing().esCpuPerThousand()),
                            cost.storeBytes());
                }
            }
            sizes.add(costs);
        }
        return sizes;
    }

    private Cost measure(Corpus corpus, FieldGroup group, ObjectNode recordsIndex, List<Path> bodies, String at)
            throws IOException, InterruptedException {
        String name = at + "-records";
        ObjectNode body = recordsIndex.deepCopy();
        group.removeFrom((ObjectNode) body.get("mappings"));
        String json = JSON.writeValueAsString(body);
        return Indices.measure(client, at, corpus.records(), p -> {
            client.indices().create(c -> c.index(name).withJson(new StringReader(json)));
            return ceiling.post(group.name().toLowerCase(java.util.Locale.ROOT), corpus.records(), name + "/_bulk?",
                    bodies, name);
        }, m -> new Cost(group, m, Indices.storeBytes(client, name)));
    }

    /**
     * The settings and mappings of a records index as Lumbung's template and search component compose them: the
     * component's settings and mappings, then the template's over them.
     */
    static ObjectNode recordsIndex(ElasticsearchClient client) throws IOException {
        return recordsIndex(Analysis.detect(client));
    }

    static ObjectNode recordsIndex(Analysis analysis) throws IOException {
        IndexLayout layout = new IndexLayout("fc", 0);
        ObjectNode index = (ObjectNode) JSON.readTree(IndexSetup.renderSearchComponent(analysis)).get("template");
        merge(index, (ObjectNode) JSON.readTree(IndexSetup.renderTemplate(layout)).get("template"));
        return index;
    }

    private static void merge(ObjectNode into, ObjectNode from) {
        from.properties().forEach(e -> {
            if (into.get(e.getKey()) instanceof ObjectNode inner && e.getValue() instanceof ObjectNode more) {
                merge(inner, more);
            } else {
                into.set(e.getKey(), e.getValue());
            }
        });
    }

    /** The ceiling's own bodies with the group left out of every document, written beside them. */
    private static List<Path> bodies(Corpus corpus, FieldGroup group) throws IOException {
        List<Path> own = BulkBodies.all(corpus, BulkBodies.Kind.OWN);
        if (group == FieldGroup.NONE) {
            return own;
        }
        Path dir = Files.createDirectories(corpus.dir().resolve("field-costs")
                .resolve(group.name().toLowerCase(java.util.Locale.ROOT)));
        List<Path> bodies = new ArrayList<>();
        for (Path body : own) {
            Path out = dir.resolve(body.getFileName());
            try (BufferedReader in = Files.newBufferedReader(body, StandardCharsets.UTF_8);
                 BufferedWriter writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                boolean document = false;
                for (String line = in.readLine(); line != null; line = in.readLine(), document = !document) {
                    if (document) {
                        ObjectNode doc = (ObjectNode) JSON.readTree(line);
                        group.removeFromDocument(doc);
                        line = JSON.writeValueAsString(doc);
                    }
                    writer.write(line);
                    writer.write('\n');
                }
            }
            bodies.add(out);
        }
        return bodies;
    }
}
