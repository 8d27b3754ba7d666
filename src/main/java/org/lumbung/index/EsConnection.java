package org.lumbung.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.TransportUtils;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import org.apache.http.Header;
import org.apache.http.HttpHost;
import org.apache.http.auth.AuthScope;
import org.apache.http.auth.UsernamePasswordCredentials;
import org.apache.http.impl.client.BasicCredentialsProvider;
import org.apache.http.message.BasicHeader;
import org.elasticsearch.client.RestClient;
import org.elasticsearch.client.RestClientBuilder;

/**
 * A connection to an Elasticsearch cluster: the low-level REST client and the typed client over it, which waits for a
 * cluster that goes away or pushes back ({@link RetryingTransport}). Given several nodes, the REST client sends each
 * request to the next in turn; a node that refuses or drops a connection, or answers 502-504, is marked dead and the
 * request goes to another at once, and a dead node is tried again after a minute (longer each time it fails again),
 * or as soon as every node has failed.
 */
public final class EsConnection implements AutoCloseable {

    private final List<URI> nodes;
    private final ElasticsearchClient client;

    private EsConnection(List<URI> nodes, ElasticsearchClient client) {
        this.nodes = nodes;
        this.client = client;
    }

    public static EsConnection open(URI url) {
        return open(url, EsCredentials.NONE, EsRetry.DEFAULT);
    }

    /** A connection that authenticates with an API key or a password and checks TLS against the CA file, if given. */
    public static EsConnection open(URI url, EsCredentials credentials) {
        return open(url, credentials, EsRetry.DEFAULT);
    }

    /**
     * A connection with credentials (an API key or a password, TLS checked against the CA file, if given) that waits
     * for the cluster as {@code retry} says when it goes away or pushes back.
     */
    public static EsConnection open(URI url, EsCredentials credentials, EsRetry retry) {
        return open(List.of(url), credentials, retry);
    }

    /** A connection to every node listed, with the same credentials and TLS for all. */
    public static EsConnection open(List<URI> nodes, EsCredentials credentials, EsRetry retry) {
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("no Elasticsearch node to connect to");
        }
        HttpHost[] hosts = nodes.stream().map(n -> HttpHost.create(n.toString())).toArray(HttpHost[]::new);
        RestClientBuilder builder = RestClient.builder(hosts)
                .setRequestConfigCallback(rc -> rc.setConnectTimeout(10_000).setSocketTimeout(120_000));
        if (credentials.hasApiKey()) {
            builder.setDefaultHeaders(new Header[] {new BasicHeader("Authorization", "ApiKey " + credentials.apiKey())});
        }
        SSLContext tls = credentials.caFile() == null ? null : tls(credentials.caFile());
        if (credentials.hasPassword() || tls != null) {
            builder.setHttpClientConfigCallback(hc -> {
                if (credentials.hasPassword()) {
                    BasicCredentialsProvider provider = new BasicCredentialsProvider();
                    provider.setCredentials(AuthScope.ANY,
                            new UsernamePasswordCredentials(credentials.username(), credentials.password()));
                    hc.setDefaultCredentialsProvider(provider);
                }
                return tls == null ? hc : hc.setSSLContext(tls);
            });
        }
        RestClient rest = builder.build();
        RestClientTransport transport = new RestClientTransport(rest, jsonMapper());
        // Setting the same nodes again clears the client's list of dead ones (see RetryingTransport).
        RetryingTransport retrying = new RetryingTransport(transport, retry, () -> rest.setNodes(rest.getNodes()));
        return new EsConnection(List.copyOf(nodes), new ElasticsearchClient(retrying));
    }

    /** How documents become JSON and back, for the client and for whatever must write exactly what it writes. */
    public static JacksonJsonpMapper jsonMapper() {
        // Documents written by a newer Lumbung may carry fields this one does not know: ignore them, keep the rest.
        ObjectMapper json = new ObjectMapper()
                .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                // Elasticsearch does not tell one value from a list of one: a document written by another tool may
                // hold a string where Lumbung writes a list.
                .configure(com.fasterxml.jackson.databind.DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY, true)
                .setSerializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL);
        return new JacksonJsonpMapper(json);
    }

    private static SSLContext tls(java.nio.file.Path caFile) {
        try {
            return TransportUtils.sslContextFromHttpCaCrt(caFile.toFile());
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("cannot read the CA certificate " + caFile + ": " + e.getMessage(), e);
        }
    }

    /** The first node listed (a tool that talks to one node uses it). */
    public URI url() {
        return nodes.get(0);
    }

    /** The nodes as {@code --es} and {@code lumbung.es.url} take them: separated by commas. */
    public String address() {
        return nodes.stream().map(URI::toString).collect(Collectors.joining(","));
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
