package org.lumbung.testing;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.lumbung.config.BuildInfo;
import org.lumbung.es.EmbeddedElasticsearch;
import org.lumbung.es.NodeOptions;
import org.lumbung.es.NodeStartException;
import org.lumbung.index.EsConnection;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.elasticsearch.ElasticsearchContainer;

/**
 * The one Elasticsearch node every test of a JVM run shares. By default the embedded distribution, started by the
 * same launcher the app uses, in target/test-data/es; {@code LUMBUNG_TEST_ES=docker} (or -Dlumbung.test.es=docker)
 * runs the official image through Testcontainers instead, and {@code LUMBUNG_TEST_ES_URL} uses a running cluster.
 * Each test class works under its own index prefix.
 */
public final class TestElasticsearch {

    private static URI url;
    private static EsConnection connection;
    private static EmbeddedElasticsearch embedded;

    private TestElasticsearch() {
    }

    public static synchronized URI url() {
        if (url == null) {
            url = start();
            Runtime.getRuntime().addShutdownHook(new Thread(TestElasticsearch::stop, "test-elasticsearch-stop"));
        }
        return url;
    }

    public static synchronized ElasticsearchClient client() {
        if (connection == null) {
            connection = EsConnection.open(url());
        }
        return connection.client();
    }

    /** The shared node's data folder (for tests of the launcher itself); null when the node is not embedded. */
    public static Path embeddedDataDir() {
        url();
        return embedded == null ? null : dataDir();
    }

    static Path dataDir() {
        return Path.of(System.getProperty("lumbung.test.data", "target/test-data"), "es").toAbsolutePath();
    }

    private static URI start() {
        String mode = System.getProperty("lumbung.test.es", System.getenv().getOrDefault("LUMBUNG_TEST_ES", "embedded"));
        String external = System.getenv("LUMBUNG_TEST_ES_URL");
        if (external != null && !external.isBlank()) {
            return URI.create(external);
        }
        if (mode.equals("docker")) {
            return startContainer();
        }
        try {
            embedded = EmbeddedElasticsearch.startOrAttach(new NodeOptions(dataDir(), "512m", 0, null,
                    Duration.ofMinutes(3), "nobody", BuildInfo.elasticsearchVersion()));
            return embedded.url();
        } catch (NodeStartException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static URI startContainer() {
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            throw new IllegalStateException("LUMBUNG_TEST_ES=docker asks for the Elasticsearch image, but no Docker"
                    + " engine answers here; unset it to test on the embedded distribution");
        }
        ElasticsearchContainer container = new ElasticsearchContainer(
                "docker.elastic.co/elasticsearch/elasticsearch:" + BuildInfo.elasticsearchVersion())
                .withEnv("xpack.security.enabled", "false")
                .withEnv("ES_JAVA_OPTS", "-Xms512m -Xmx512m")
                .withCertPath("");
        container.start();
        Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
        return URI.create("http://" + container.getHttpHostAddress());
    }

    private static synchronized void stop() {
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (IOException e) {
            // the JVM is ending
        }
        if (embedded != null) {
            embedded.close();
        }
    }

    /** A fresh index prefix for a test class: indices and templates left by an earlier run are deleted. */
    /** The index prefix of one test method under its class's fresh prefix: each test starts from empty indices. */
    public static String methodPrefix(String classPrefix, org.junit.jupiter.api.TestInfo test) {
        return classPrefix + "-" + test.getTestMethod().orElseThrow().getName().toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z]", "");
    }

    public static String freshPrefix(Class<?> testClass) {
        String prefix = "t-" + testClass.getSimpleName().toLowerCase(Locale.ROOT);
        try {
            // Elasticsearch 8 refuses to delete indices by wildcard: name each.
            for (String index : client().indices().get(g -> g.index(prefix + "-*").allowNoIndices(true))
                    .result().keySet()) {
                client().indices().delete(d -> d.index(index));
            }
            for (var template : client().indices().getIndexTemplate().indexTemplates()) {
                if (template.name().startsWith(prefix + "-")) {
                    client().indices().deleteIndexTemplate(d -> d.name(template.name()));
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot clean indices " + prefix + "-*: " + e.getMessage(), e);
        }
        return prefix;
    }

    /** Every document behind an alias, by id (refreshes first). */
    @SuppressWarnings("rawtypes")
    public static Map<String, Map> documents(String alias) throws IOException {
        return documents(client(), alias);
    }

    /** Every document behind an alias on another node, by id (refreshes first). */
    @SuppressWarnings("rawtypes")
    public static Map<String, Map> documents(ElasticsearchClient client, String alias) throws IOException {
        client.indices().refresh(r -> r.index(alias));
        SearchResponse<Map> response = client.search(s -> s.index(alias).size(1000)
                .query(q -> q.matchAll(m -> m)), Map.class);
        Map<String, Map> out = new LinkedHashMap<>();
        for (Hit<Map> hit : response.hits().hits()) {
            out.put(hit.id(), hit.source());
        }
        return out;
    }
}
