package org.lumbung.harvest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.FileInputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumbung.http.HostQueues;
import org.lumbung.http.HttpFetcher;
import org.lumbung.http.HttpOptions;
import org.lumbung.http.RetryPolicy;
import org.lumbung.testing.Cli;
import org.lumbung.testing.FakeRepository;
import org.lumbung.testing.Harvests;
import org.lumbung.testing.TestElasticsearch;

/**
 * The transport against real servers on 127.0.0.1: moved addresses, per-host queues, TLS and its opt-out, granularity.
 */
class TransportIT {

    private static HttpFetcher fetcher() {
        return new HttpFetcher(new HttpOptions(Duration.ofSeconds(2), Duration.ofSeconds(5), "Lumbung-test", "ops@example.org"),
                new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(1)),
                new HostQueues(1, Duration.ZERO));
    }

    /**
     * A 301 of the base URL to another path was followed silently; it is a move now, harvested at the new address
     * only once an operator accepts it (MovedEndpointIT has the servers, alerts and the source list's field).
     */
    @Test
    void aBaseUrlMovedPermanentlyIsHarvestedThereOnlyOnceTheMoveIsAccepted() throws Exception {
        String prefix = TestElasticsearch.freshPrefix(TransportIT.class) + "-redirect";
        try (FakeRepository repo = new FakeRepository().records(4, "2026-01-01")) {
            Cli.Result stopped = Harvests.harvest(repo.movedUrl(), "relocated", prefix);
            assertThat(stopped.status()).isEqualTo(1);
            assertThat(stopped.out()).contains("harvest relocated moved: 0 pages, 0 records indexed",
                    "HTTP 301: the base URL " + repo.movedUrl() + " moved permanently to " + repo.baseUrl(),
                    "`sources accept-move relocated`");
            assertThat(repo.queries()).as("nothing asked at the new address").isEmpty();
            assertThat(Harvests.records(prefix)).isEmpty();

            Cli.Result accepted = Cli.onTestEs(prefix, "sources", "accept-move", "relocated");
            assertThat(accepted.status()).as(accepted.said()).isZero();
            assertThat(accepted.out()).contains("source relocated: the move of " + repo.movedUrl() + " to "
                    + repo.baseUrl() + " accepted");
            assertThat(Cli.onTestEs(prefix, "sources", "accept-move", "relocated").status()).as("nothing to accept")
                    .isEqualTo(1);

            Harvests.harvest(repo.movedUrl(), "relocated", prefix).exits(0);
            assertThat(Harvests.records(prefix)).containsOnlyKeys("relocated:oai:fake:1", "relocated:oai:fake:2",
                    "relocated:oai:fake:3", "relocated:oai:fake:4");
        }
    }

    @Test
    void sendsOneRequestAtATimeToAHostWhileOtherHostsGoOn() throws Exception {
        HttpFetcher shared = fetcher();
        try (FakeRepository one = new FakeRepository().records(3, "2026-01-01").fault(stalls(8));
             FakeRepository other = new FakeRepository().records(3, "2026-01-01").fault(stalls(8))) {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<HttpFetcher.Response>> answers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                answers.add(pool.submit(() -> shared.get(one.baseUrl() + "?verb=Identify")));
                answers.add(pool.submit(() -> shared.get(other.baseUrl() + "?verb=Identify")));
            }
            for (Future<HttpFetcher.Response> answer : answers) {
                assertThat(answer.get().status()).isEqualTo(200);
            }
            pool.shutdown();
            // Two servers on one machine are two hosts here (host and port): each saw one request at a time.
            assertThat(one.maxConcurrent()).isEqualTo(1);
            assertThat(other.maxConcurrent()).isEqualTo(1);
            assertThat(one.queries()).hasSize(4);
        }
    }

    private static FakeRepository.Fault[] stalls(int n) {
        FakeRepository.Fault[] out = new FakeRepository.Fault[n];
        java.util.Arrays.fill(out, FakeRepository.Fault.stall(50));
        return out;
    }

    @Test
    void verifiesTlsUnlessTheSourceOptsOut(@TempDir Path dir) throws Exception {
        HttpsServer server = selfSigned(dir);
        try {
            String url = "https://127.0.0.1:" + server.getAddress().getPort() + "/oai?verb=Identify";
            HttpFetcher fetcher = fetcher();
            assertThatThrownBy(() -> fetcher.get(url)).isInstanceOf(HttpFetcher.FetchException.class)
                    .hasCauseInstanceOf(SSLHandshakeException.class)
                    .satisfies(e -> assertThat(HttpFetcher.describe((java.io.IOException) e))
                            .contains("TLS handshake failed", "unable to find valid certification path"));
            HttpFetcher.Response response = fetcher.get(url, new HttpFetcher.Politeness(Duration.ZERO, false));
            assertThat(response.status()).isEqualTo(200);
            assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("<OAI-PMH/>");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void writesFromInTheRepositorysOwnGranularity() throws Exception {
        String prefix = TestElasticsearch.freshPrefix(TransportIT.class) + "-seconds";
        try (FakeRepository repo = new FakeRepository().records(3, "2026-01-01").secondsGranularity()) {
            Harvests.harvest(repo.baseUrl(), "precise", prefix).exits(0);
            repo.clearQueries();
            Harvests.harvest(repo.baseUrl(), "precise", prefix).exits(0);
            assertThat(repo.queries()).anyMatch(q -> q.matches(
                    "verb=ListRecords&metadataPrefix=oai_dc&from=\\d{4}-\\d\\d-\\d\\dT\\d\\d%3A\\d\\d%3A\\d\\dZ"));
        }
    }

    /** An HTTPS server with a certificate nobody signed, made with the JDK's keytool. */
    private static HttpsServer selfSigned(Path dir) throws Exception {
        Path keystore = dir.resolve("server.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=repository.example", "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass", "changeit", "-keypass", "changeit").redirectErrorStream(true).start();
        assertThat(keytool.waitFor()).isZero();
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (FileInputStream in = new FileInputStream(keystore.toFile())) {
            store.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, "changeit".toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keys.getKeyManagers(), null, null);
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.createContext("/oai", exchange -> {
            byte[] body = "<OAI-PMH/>".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return server;
    }
}
