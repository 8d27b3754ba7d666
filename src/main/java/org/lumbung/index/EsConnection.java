package org.lumbung.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.TransportUtils;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
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
        RestClientBuilder builder = RestClient.builder(HttpHost.create(url.toString()))
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
        return new EsConnection(url, new ElasticsearchClient(new RetryingTransport(transport, retry)));
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
