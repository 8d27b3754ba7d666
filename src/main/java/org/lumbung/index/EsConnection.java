package org.lumbung.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;

/**
 * A connection to an Elasticsearch cluster: the low-level REST client and the typed client over it, which waits for a
 * cluster that goes away or pushes back ({@link RetryingTransport}).
 */
public final class EsConnection implements AutoCloseable {

    private final URI url;
    private final ElasticsearchClient client;

    private EsConnection(URI url, ElasticsearchClient client) {
        this.url = url;
        this.client = client;
    }

    public static EsConnection open(URI url) {
        return open(url, EsRetry.DEFAULT);
    }

    /** A connection that waits for the cluster as {@code retry} says when it goes away or pushes back. */
    public static EsConnection open(URI url, EsRetry retry) {
        RestClient rest = RestClient.builder(HttpHost.create(url.toString()))
                .setRequestConfigCallback(rc -> rc.setConnectTimeout(10_000).setSocketTimeout(120_000))
                .build();
        // Documents written by a newer Lumbung may carry fields this one does not know: ignore them, keep the rest.
        ObjectMapper json = new ObjectMapper()
                .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                .setSerializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL);
        RestClientTransport transport = new RestClientTransport(rest, new JacksonJsonpMapper(json));
        return new EsConnection(url, new ElasticsearchClient(new RetryingTransport(transport, retry)));
    }

    public URI url() {
        return url;
    }

    public ElasticsearchClient client() {
        return client;
    }

    /** How long this connection waited for a cluster gone or busy, and what it sent again. */
    public EsWaits waits() {
        return EsWaits.of(client);
    }

    /** Cluster health status (green, yellow, red), or the reason it could not be read. */
    public String health() {
        try {
            return client.cluster().health().status().jsonValue();
        } catch (IOException | RuntimeException e) {
            return "unreachable: " + e.getMessage();
        }
    }

    @Override
    public void close() throws IOException {
        client._transport().close();
    }
}
