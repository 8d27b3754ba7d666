package org.lumbung.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs the index template (from {@code es/records-template.json}, the same file in production and in tests) and
 * creates the concrete index behind the alias when it is absent; an index of an older version is reported, to be
 * rebuilt.
 */
public final class IndexSetup {

    private static final Logger LOG = LoggerFactory.getLogger(IndexSetup.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * Fields added to the records template since its version was last raised, which an index of that version gets in
     * place: a new field needs no rebuild, its documents gain it as they are written.
     */
    static final java.util.List<String> ADDED_IN_PLACE = java.util.List.of(JsonBytes.FINGERPRINT);

    private final ElasticsearchClient client;
    private final IndexLayout layout;

    public IndexSetup(ElasticsearchClient client, IndexLayout layout) {
        this.client = client;
        this.layout = layout;
    }

    /**
     * The replicas each new index gets: an explicit count as given (the cluster is not asked); {@code auto} (empty)
     * as {@link #autoReplicas} says for the data nodes the cluster has now.
     */
    public static int replicas(OptionalInt configured, ElasticsearchClient client) throws IOException {
        if (configured.isPresent()) {
            return configured.getAsInt();
        }
        int dataNodes = client.cluster().health().numberOfDataNodes();
        int replicas = autoReplicas(dataNodes);
        LOG.info("replicas per index: {} (auto, the cluster has {} data node{})", replicas, dataNodes,
                dataNodes == 1 ? "" : "s");
        return replicas;
    }

    /**
     * One replica on a cluster of more than one data node, so that losing a node loses no shard; none on one node,
     * which cannot hold a copy of its own shards (they would stay unassigned and the cluster yellow).
     */
    static int autoReplicas(int dataNodes) {
        return dataNodes > 1 ? 1 : 0;
    }

    /** The records template with this layout's names filled in, composed of the search component. */
    public static String renderTemplate(IndexLayout layout) {
        try {
            ObjectNode template = (ObjectNode) JSON.readTree(render(layout, "/es/records-template.json"));
            template.putArray("composed_of").add(layout.searchComponent());
            // The alias is moved by Lumbung, atomically, when a new version of the index replaces the old.
            ((ObjectNode) template.get("template")).remove("aliases");
            return JSON.writeValueAsString(template);
        } catch (IOException e) {
            throw new IllegalStateException("es/records-template.json is not JSON", e);
        }
    }

    /** How often the records template has a records index refreshed: what a rebuilt index returns to. */
    public static String refreshInterval() {
        try (InputStream in = IndexSetup.class.getResourceAsStream("/es/records-template.json")) {
            return JSON.readTree(in).path("template").path("settings").path("refresh_interval").asText("1s");
        } catch (IOException e) {
            throw new IllegalStateException("es/records-template.json cannot be read", e);
        }
    }

    /** The search component template with the analysis this cluster offers. */
    public static String renderSearchComponent(Analysis analysis) {
        try (InputStream in = IndexSetup.class.getResourceAsStream("/es/search-component.json")) {
            ObjectNode component = (ObjectNode) JSON.readTree(in);
            ((ObjectNode) component.get("template").get("settings")).set("analysis", analysis.settings());
            return JSON.writeValueAsString(component);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("cannot read es/search-component.json", e);
        }
    }

    /** A mapping or template file of {@code es/} with this layout's names filled in, as it is sent to Elasticsearch. */
    public static String render(IndexLayout layout, String resource) {
        try (InputStream in = IndexSetup.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("${prefix}", layout.prefix())
                    .replace("\"${replicas}\"", Integer.toString(layout.replicas()))
                    .replace("${codec}", layout.codec())
                    .replace("${version}", Integer.toString(IndexLayout.TEMPLATE_VERSION));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }

    /** The indices the records alias stands for now (none when it does not exist yet). */
    private java.util.Set<String> aliased() throws IOException {
        if (!client.indices().existsAlias(e -> e.name(layout.recordsAlias())).value()) {
            return new java.util.HashSet<>();
        }
        return new java.util.HashSet<>(client.indices().getAlias(g -> g.name(layout.recordsAlias())).result().keySet());
    }

    /** Creates an index of Lumbung's own bookkeeping with its mapping, unless it exists. */
    private void ensureIndex(String name, String resource) throws IOException {
        if (!client.indices().exists(e -> e.index(name)).value()) {
            String body = render(layout, resource);
            try {
                client.indices().create(c -> c.index(name).withJson(new StringReader(body)));
                LOG.info("created index {}", name);
            } catch (co.elastic.clients.elasticsearch._types.ElasticsearchException e) {
                // Another Lumbung on the cluster created it in between.
                if (!"resource_already_exists_exception".equals(e.error().type())) {
                    throw e;
                }
            }
        }
    }

    /**
     * Puts the file's mapping on an index that exists: fields added since it was created (the audit's counts in the
     * harvests index) arrive; the fields it has are unchanged, as a mapping's fields can only be added to.
     */
    private void addNewFields(String name, String resource) throws IOException {
        String mappings = JSON.writeValueAsString(JSON.readTree(render(layout, resource)).get("mappings"));
        client.indices().putMapping(p -> p.index(name).withJson(new StringReader(mappings)));
    }

    /** Puts the fields {@link #ADDED_IN_PLACE} on a records index of this template version (a no-op once there). */
    private void addRecordFields(String index) throws IOException {
        com.fasterxml.jackson.databind.JsonNode fields = JSON.readTree(renderTemplate(layout))
                .path("template").path("mappings").path("properties");
        ObjectNode added = JSON.createObjectNode();
        ObjectNode properties = added.putObject("properties");
        ADDED_IN_PLACE.forEach(field -> properties.set(field, fields.get(field)));
        String body = JSON.writeValueAsString(added);
        client.indices().putMapping(p -> p.index(index).withJson(new StringReader(body)));
    }

    /**
     * Installs the templates and makes sure the records alias stands for an index. Returns the index it stands for
     * when that index is of an older template version: the caller rebuilds it from the raw archive
     * ({@code reindex}), and until then the alias stays where it is.
     */
    public java.util.Optional<String> ensure() throws IOException {
        Analysis analysis = Analysis.detect(client);
        String component = renderSearchComponent(analysis);
        client.cluster().putComponentTemplate(c -> c.name(layout.searchComponent()).withJson(new StringReader(component)));
        String template = renderTemplate(layout);
        client.indices().putIndexTemplate(r -> r.name(layout.recordsTemplate()).withJson(new StringReader(template)));
        java.util.Set<String> current = aliased();
        java.util.Optional<String> outdated = java.util.Optional.empty();
        if (current.isEmpty()) {
            try {
                client.indices().create(c -> c.index(layout.recordsIndex())
                        .aliases(layout.recordsAlias(), a -> a));
                LOG.info("created index {} behind alias {}", layout.recordsIndex(), layout.recordsAlias());
            } catch (co.elastic.clients.elasticsearch._types.ElasticsearchException e) {
                // Another Lumbung on the cluster created it in between.
                if (!"resource_already_exists_exception".equals(e.error().type())) {
                    throw e;
                }
            }
        } else {
            int version = current.stream().mapToInt(layout::versionOf).max().orElse(-1);
            if (version < IndexLayout.TEMPLATE_VERSION) {
                LOG.warn("alias {} stands for {}, of template version {}; this Lumbung writes version {}",
                        layout.recordsAlias(), current, version, IndexLayout.TEMPLATE_VERSION);
                outdated = current.stream().findFirst();
            } else if (version > IndexLayout.TEMPLATE_VERSION) {
                throw new IllegalStateException("alias " + layout.recordsAlias() + " stands for " + current
                        + ", written by a newer Lumbung (template version " + version + "; this one writes "
                        + IndexLayout.TEMPLATE_VERSION + "): upgrade this Lumbung");
            } else {
                for (String index : current) {
                    addRecordFields(index);
                }
            }
        }
        ensureIndex(layout.sourcesIndex(), "/es/sources-index.json");
        ensureIndex(layout.hostsIndex(), "/es/hosts-index.json");
        ensureIndex(layout.harvestsIndex(), "/es/harvests-index.json");
        addNewFields(layout.harvestsIndex(), "/es/harvests-index.json");
        ensureIndex(layout.deadletterIndex(), "/es/deadletter-index.json");
        ensureIndex(layout.pagesIndex(), "/es/pages-index.json");
        client.cluster().health(h -> h.index(layout.recordsAlias()).waitForStatus(
                co.elastic.clients.elasticsearch._types.HealthStatus.Yellow));
        return outdated;
    }
}
