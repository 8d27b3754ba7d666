package org.lumbung.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs the index template (from {@code es/records-template.json}, the same file in production and in tests) and
 * creates the concrete index behind the alias when it is absent.
 */
public final class IndexSetup {

    private static final Logger LOG = LoggerFactory.getLogger(IndexSetup.class);

    private final ElasticsearchClient client;
    private final IndexLayout layout;

    public IndexSetup(ElasticsearchClient client, IndexLayout layout) {
        this.client = client;
        this.layout = layout;
    }

    /** The template with this layout's names filled in. */
    public static String renderTemplate(IndexLayout layout) {
        return render(layout, "/es/records-template.json");
    }

    private static String render(IndexLayout layout, String resource) {
        try (InputStream in = IndexSetup.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("${prefix}", layout.prefix())
                    .replace("\"${replicas}\"", Integer.toString(layout.replicas()))
                    .replace("${version}", Integer.toString(IndexLayout.TEMPLATE_VERSION));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
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

    public void ensure() throws IOException {
        String template = renderTemplate(layout);
        client.indices().putIndexTemplate(r -> r.name(layout.recordsTemplate()).withJson(new StringReader(template)));
        boolean exists = client.indices().exists(e -> e.index(layout.recordsAlias())).value();
        if (!exists) {
            client.indices().create(c -> c.index(layout.recordsIndex()));
            LOG.info("created index {} behind alias {}", layout.recordsIndex(), layout.recordsAlias());
        }
        ensureIndex(layout.sourcesIndex(), "/es/sources-index.json");
        ensureIndex(layout.harvestsIndex(), "/es/harvests-index.json");
        ensureIndex(layout.deadletterIndex(), "/es/deadletter-index.json");
        ensureIndex(layout.pagesIndex(), "/es/pages-index.json");
        client.cluster().health(h -> h.index(layout.recordsAlias()).waitForStatus(
                co.elastic.clients.elasticsearch._types.HealthStatus.Yellow));
    }
}
