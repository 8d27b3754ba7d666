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
        try (InputStream in = IndexSetup.class.getResourceAsStream("/es/records-template.json")) {
            if (in == null) {
                throw new IllegalStateException("es/records-template.json is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("${prefix}", layout.prefix())
                    .replace("\"${replicas}\"", Integer.toString(layout.replicas()))
                    .replace("${version}", Integer.toString(IndexLayout.TEMPLATE_VERSION));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read es/records-template.json", e);
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
        client.cluster().health(h -> h.index(layout.recordsAlias()).waitForStatus(
                co.elastic.clients.elasticsearch._types.HealthStatus.Yellow));
    }
}
