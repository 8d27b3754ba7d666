package org.lumbung.index;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What Lumbung sends a secured Elasticsearch: the API key or the password in the Authorization header, and TLS checked
 * against the configured CA file (a certificate made here with the JDK's keytool). The server is a stand-in that
 * records the headers it receives.
 */
class EsConnectionTest {

    /** What a one-node cluster answers to {@code _cluster/health}, every field the client requires. */
    private static final String HEALTH = "{\"cluster_name\":\"stand-in\",\"status\":\"green\",\"timed_out\":false,"
            + "\"number_of_nodes\":1,\"number_of_data_nodes\":1,\"active_primary_shards\":0,\"active_shards\":0,"
            + "\"relocating_shards\":0,\"initializing_shards\":0,\"unassigned_shards\":0,"
            + "\"unassigned_primary_shards\":0,\"delayed_unassigned_shards\":0,\"number_of_pending_tasks\":0,"
            + "\"number_of_in_flight_fetch\":0,\"task_max_waiting_in_queue_millis\":0,"
            + "\"active_shards_percent_as_number\":100.0}";

    private final List<String> authorizations = new CopyOnWriteArrayList<>();

    @Test
    void sendsTheApiKeyAsElasticsearchExpectsIt() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.start();
        try (EsConnection es = EsConnection.open(URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
                new EsCredentials("aWQ6c2VjcmV0", null, null, null))) {
            es.health();
        } finally {
            server.stop(0);
        }
        assertThat(authorizations).containsExactly("ApiKey aWQ6c2VjcmV0");
    }

    @Test
    void sendsBasicAuthenticationWhenAsked() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            // Like Elasticsearch: a challenge first, then the client answers it with the credentials.
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            if (auth == null) {
                exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"security\"");
                exchange.sendResponseHeaders(401, -1);
                exchange.close();
                return;
            }
            answer(exchange);
        });
        server.start();
        try (EsConnection es = EsConnection.open(URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
                new EsCredentials(null, "lumbung", "s3cret", null))) {
            es.health();
        } finally {
            server.stop(0);
        }
        assertThat(authorizations).containsExactly("Basic " + Base64.getEncoder()
                .encodeToString("lumbung:s3cret".getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Given a cluster's nodes, the client sends requests to each in turn, with the same credentials; a node that is
     * gone (its port closed) is passed over for the next, so no request fails while another node answers.
     */
    @Test
    void spreadsRequestsOverEveryNodeAndPassesOverOneThatIsGone() throws Exception {
        List<String> reached = new CopyOnWriteArrayList<>();
        List<HttpServer> servers = new java.util.ArrayList<>();
        List<URI> nodes = new java.util.ArrayList<>();
        for (String name : List.of("a", "b")) {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                reached.add(name);
                answer(exchange);
            });
            server.start();
            servers.add(server);
            nodes.add(URI.create("http://127.0.0.1:" + server.getAddress().getPort()));
        }
        try (java.net.ServerSocket closed = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            nodes.add(URI.create("http://127.0.0.1:" + closed.getLocalPort()));
        }
        try (EsConnection es = EsConnection.open(nodes, new EsCredentials("aWQ6c2VjcmV0", null, null, null),
                EsRetry.DEFAULT)) {
            for (int i = 0; i < 6; i++) {
                assertThat(es.health()).isEqualTo("green");
            }
            assertThat(es.address()).isEqualTo(nodes.get(0) + "," + nodes.get(1) + "," + nodes.get(2));
        } finally {
            servers.forEach(s -> s.stop(0));
        }
        assertThat(reached).hasSize(6).contains("a", "b");
        assertThat(authorizations).hasSize(6).containsOnly("ApiKey aWQ6c2VjcmV0");
    }

    /**
     * The low-level client marks a node dead for a minute at its first failure, up to 30 minutes after many; when all
     * are dead it sends a request to the one closest to coming back, alone. So after a spell in which every node
     * failed (503s while a shard starts, a lost master), a request would go only to the node gone for good, again and
     * again. The connection forgets which nodes failed whenever a request failed on all of them: the next tries all.
     */
    @Test
    void afterEveryNodeFailedTheNextRequestTriesEveryNodeAgain() throws Exception {
        List<HttpServer> servers = new java.util.ArrayList<>();
        List<URI> nodes = new java.util.ArrayList<>();
        try (java.net.ServerSocket closed = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            nodes.add(URI.create("http://127.0.0.1:" + closed.getLocalPort()));
        }
        for (int i = 0; i < 2; i++) {
            java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                if (asked.getAndIncrement() == 0) {
                    exchange.sendResponseHeaders(503, -1);
                    exchange.close();
                } else {
                    answer(exchange);
                }
            });
            server.start();
            servers.add(server);
            nodes.add(URI.create("http://127.0.0.1:" + server.getAddress().getPort()));
        }
        try (EsConnection es = EsConnection.open(nodes, EsCredentials.NONE, EsRetry.DEFAULT)) {
            assertThat(es.health()).as("every node fails once").startsWith("unreachable");
            assertThat(es.health()).isEqualTo("green");
        } finally {
            servers.forEach(s -> s.stop(0));
        }
    }

    @Test
    void trustsTheConfiguredCaAndNothingElse(@TempDir Path dir) throws Exception {
        Path keystore = dir.resolve("node.p12");
        Path ca = dir.resolve("ca.pem");
        keytool("-genkeypair", "-alias", "node", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=127.0.0.1",
                "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-keystore", keystore.toString(), "-storetype", "PKCS12",
                "-storepass", "changeit", "-keypass", "changeit");
        keytool("-exportcert", "-rfc", "-alias", "node", "-keystore", keystore.toString(), "-storepass", "changeit",
                "-file", ca.toString());
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serverTls(keystore)));
        server.createContext("/", this::answer);
        server.start();
        URI url = URI.create("https://127.0.0.1:" + server.getAddress().getPort());
        try {
            try (EsConnection es = EsConnection.open(url, new EsCredentials("a2V5", null, null, null))) {
                assertThat(es.health()).startsWith("unreachable");
            }
            assertThat(authorizations).as("without the CA nothing is sent").isEmpty();
            try (EsConnection es = EsConnection.open(url, new EsCredentials("a2V5", null, null, ca))) {
                es.health();
            }
            assertThat(authorizations).containsExactly("ApiKey a2V5");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void neverShowsASecretInItsDescription() {
        assertThat(new EsCredentials("aWQ6c2VjcmV0", null, null, null).toString()).isEqualTo("API key")
                .doesNotContain("aWQ6");
        assertThat(new EsCredentials(null, "lumbung", "s3cret", Path.of("/ca.pem")).toString())
                .isEqualTo("user lumbung, CA /ca.pem");
    }

    private void answer(HttpExchange exchange) throws IOException {
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        if (auth != null) {
            authorizations.add(auth);
        }
        byte[] body = HEALTH.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("X-Elastic-Product", "Elasticsearch");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static SSLContext serverTls(Path keystore) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(keystore.toFile())) {
            store.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, "changeit".toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keys.getKeyManagers(), null, null);
        return tls;
    }

    private static void keytool(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(Files.exists(Path.of(args[args.length - 1])) || args[0].equals("-genkeypair")).isTrue();
    }
}
