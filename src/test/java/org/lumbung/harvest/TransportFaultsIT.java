package org.lumbung.harvest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.lumbung.http.AddressGuard;
import org.lumbung.http.HostQueues;
import org.lumbung.http.HttpFetcher;
import org.lumbung.http.HttpOptions;
import org.lumbung.http.RetryPolicy;
import org.lumbung.pipeline.FailureKind;
import org.lumbung.testing.FakeRepository;
import org.lumbung.testing.FakeRepository.Fault;

/**
 * Transport failures told apart by kind, against real sockets on 127.0.0.1: a name that does not exist and a refused
 * connection fail at once, a body that trickles past the request deadline is cut off, and a request carrying a
 * resumption token is never sent twice once it may have reached the server.
 */
class TransportFaultsIT {

    private static HttpFetcher fetcher(Duration readTimeout, Duration deadline) {
        return new HttpFetcher(new HttpOptions(Duration.ofSeconds(2), readTimeout, deadline, "Lumbung-test", null),
                new RetryPolicy(4, Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(1)),
                new HostQueues(1, Duration.ZERO));
    }

    private static HttpFetcher fetcher() {
        return fetcher(Duration.ofSeconds(2), Duration.ofSeconds(30));
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void aHostNameThatDoesNotExistFailsAtOnceWithoutRetries() {
        HttpFetcher.FetchException e = catchThrowableOfType(HttpFetcher.FetchException.class,
                () -> fetcher().get("http://journal.lumbung-test.invalid/oai?verb=Identify"));
        assertThat(e.kind()).isEqualTo(FailureKind.DNS);
        assertThat(e.attempts()).isEqualTo(1);
        assertThat(e.getMessage()).isEqualTo("the host name journal.lumbung-test.invalid does not resolve (no such name)");
    }

    @Test
    void aRefusedConnectionFailsAtOnceWithoutRetries() throws Exception {
        int port = closedPort();
        HttpFetcher.FetchException e = catchThrowableOfType(HttpFetcher.FetchException.class,
                () -> fetcher().get("http://127.0.0.1:" + port + "/oai?verb=Identify"));
        assertThat(e.kind()).isEqualTo(FailureKind.REFUSED);
        assertThat(e.attempts()).isEqualTo(1);
    }

    @Test
    void sourcesAddSaysOnceThatTheHostDoesNotResolveNotOncePerPath() {
        OaiInspector inspector = new OaiInspector(fetcher());
        HarvestException e = catchThrowableOfType(HarvestException.class,
                () -> inspector.find("https://journal.lumbung-test.invalid/"));
        assertThat(e.kind()).isEqualTo(FailureKind.DNS);
        assertThat(e.reason()).isEqualTo("no OAI-PMH endpoint at https://journal.lumbung-test.invalid/: the host name"
                + " journal.lumbung-test.invalid does not resolve (no such name)");
    }

    @Test
    void aBodyTricklingPastTheRequestDeadlineIsCutOff() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        AtomicInteger requests = new AtomicInteger();
        server.createContext("/slow", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 100; i++) {
                    out.write('x');
                    out.flush();
                    Thread.sleep(100); // never silent for a whole read timeout, never done within the deadline
                }
            } catch (Exception gone) {
                // the client cut the body off
            }
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/slow";
            HttpFetcher.FetchException e = catchThrowableOfType(HttpFetcher.FetchException.class,
                    () -> fetcher(Duration.ofSeconds(1), Duration.ofMillis(700))
                            .get(HttpFetcher.Request.of(url, HttpFetcher.Politeness.DEFAULT).once()));
            assertThat(e.kind()).isEqualTo(FailureKind.TIMEOUT);
            assertThat(e.getMessage()).contains("longer than the request deadline");
            assertThat(requests.get()).as("a request that may have spent a token is not sent again").isEqualTo(1);
        } finally {
            server.stop(0);
        }
    }

    /**
     * A Content-Length that is no number, even beside a chunked body, makes the JDK client refuse the answer with an
     * IllegalArgumentException: it comes out as a malformed answer, named, asked once, never as an unexplained crash.
     */
    @Test
    void anAnswerWhoseLengthIsNoNumberIsAMalformedAnswerNamedAndAskedOnce() throws Exception {
        String body = "<?xml version=\"1.0\"?><OAI-PMH><Identify><repositoryName>Jurnal</repositoryName></Identify>"
                + "</OAI-PMH>";
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread server = new Thread(() -> {
                try (java.net.Socket client = socket.accept()) {
                    java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(
                            client.getInputStream(), java.nio.charset.StandardCharsets.ISO_8859_1));
                    for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                        // the request's head, read and left
                    }
                    OutputStream out = client.getOutputStream();
                    String half = body.substring(0, 40);
                    String rest = body.substring(40);
                    out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nContent-Length: twelve\r\n"
                            + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                            + Integer.toHexString(half.length()) + "\r\n" + half + "\r\n"
                            + Integer.toHexString(rest.length()) + "\r\n" + rest + "\r\n0\r\n\r\n")
                            .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
                    out.flush();
                } catch (java.io.IOException gone) {
                    // the test fails on what the client got
                }
            });
            server.start();
            String url = "http://127.0.0.1:" + socket.getLocalPort() + "/oai?verb=Identify";
            HttpFetcher.FetchException e = catchThrowableOfType(HttpFetcher.FetchException.class,
                    () -> fetcher().get(url));
            server.join(5_000);
            assertThat(e.kind()).isEqualTo(FailureKind.MALFORMED);
            assertThat(e.attempts()).isEqualTo(1);
            assertThat(e.url()).isEqualTo(url);
            assertThat(e.getMessage()).contains("the server's HTTP answer is malformed").contains("twelve");
        }
    }

    @Test
    void aTokenRequestCutMidBodyIsNeverSentAgainWhileAPlainOneIs() throws Exception {
        try (FakeRepository repo = new FakeRepository().records(9, "2026-01-01")) {
            String url = repo.baseUrl() + "?verb=ListRecords&resumptionToken=" + OaiRequest.encode("fake/+3///");
            repo.fault(Fault.dropMidBody());
            HttpFetcher.FetchException e = catchThrowableOfType(HttpFetcher.FetchException.class,
                    () -> fetcher().get(HttpFetcher.Request.of(url, HttpFetcher.Politeness.DEFAULT).once()));
            assertThat(e.kind().mayHaveReachedServer()).isTrue();
            assertThat(repo.queries()).hasSize(1);

            repo.clearQueries();
            repo.fault(Fault.dropMidBody());
            HttpFetcher.Response again = fetcher().get(url);
            assertThat(again.status()).isEqualTo(200);
            assertThat(again.resent()).isEqualTo(1);
            assertThat(repo.queries()).hasSize(2);
        }
    }

    @Test
    void aStatusAnsweredBeforeAnyBodyIsRetriedEvenWithAToken() throws Exception {
        try (FakeRepository repo = new FakeRepository().records(9, "2026-01-01")) {
            String url = repo.baseUrl() + "?verb=ListRecords&resumptionToken=" + OaiRequest.encode("fake/+3///");
            repo.fault(Fault.retryAfter(503, "0"));
            HttpFetcher.Response answer = fetcher().get(HttpFetcher.Request.of(url, HttpFetcher.Politeness.DEFAULT).once());
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.attempts()).isEqualTo(2);
            assertThat(answer.resent()).isZero();
        }
    }

    @Test
    void aBlockedAddressIsNotAFetchOfAnyOtherKind() {
        assertThatThrownBy(() -> new HttpFetcher(new HttpOptions(Duration.ofSeconds(1), Duration.ofSeconds(1), "t", null),
                RetryPolicy.DEFAULT, new HostQueues(1, Duration.ZERO), 1024, AddressGuard.publicOnly(java.util.List.of()))
                .get(HttpFetcher.Request.of("http://127.0.0.1:9/x", HttpFetcher.Politeness.DEFAULT).untrusted()))
                .isInstanceOf(AddressGuard.BlockedAddressException.class);
    }
}
