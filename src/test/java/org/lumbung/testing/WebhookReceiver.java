package org.lumbung.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An alert webhook on 127.0.0.1, as an operator's would be: it checks each POST's {@code X-Lumbung-Signature} against
 * its own HMAC-SHA256 of the body under the shared secret, keeps the alerts whose signature holds, counts the others,
 * and can answer the next requests with a 500 (a receiver down for a moment).
 */
public final class WebhookReceiver implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final byte[] secret;
    private final List<JsonNode> alerts = new ArrayList<>();
    private final AtomicInteger badSignatures = new AtomicInteger();
    private final AtomicInteger failing = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();

    public WebhookReceiver(String secret) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hooks/lumbung", this::receive);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/lumbung";
    }

    /** The next n requests are answered 500, whatever they carry. */
    public void failNext(int n) {
        failing.set(n);
    }

    /** The alerts received with a good signature, in order. */
    public synchronized List<JsonNode> alerts() {
        return List.copyOf(alerts);
    }

    /** The alerts of one source, in order. */
    public List<JsonNode> alertsOf(String source) {
        return alerts().stream().filter(a -> a.path("source").asText().equals(source)).toList();
    }

    /** The alerts of one source, as {@code event} words, in order. */
    public List<String> events(String source) {
        return alertsOf(source).stream().map(a -> a.path("event").asText()).toList();
    }

    /**
     * Waits for exactly these alerts of the source, then {@code quiet} longer: an alert sent twice, or one more, would
     * arrive by then.
     */
    public void awaitEvents(String source, List<String> expected, Duration quiet) throws Exception {
        Await.until(expected + " alerts of " + source + " (received " + events(source) + ")", Duration.ofSeconds(30),
                () -> events(source).size() >= expected.size());
        Thread.sleep(quiet.toMillis());
        assertThat(events(source)).isEqualTo(expected);
    }

    public int badSignatures() {
        return badSignatures.get();
    }

    public int requests() {
        return requests.get();
    }

    private void receive(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        byte[] body = exchange.getRequestBody().readAllBytes();
        int status;
        if (failing.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            status = 500;
        } else if (!signed(exchange.getRequestHeaders().getFirst("X-Lumbung-Signature"), body)) {
            badSignatures.incrementAndGet();
            status = 401;
        } else {
            synchronized (this) {
                alerts.add(JSON.readTree(body));
            }
            status = 204;
        }
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    private boolean signed(String header, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] expected = ("sha256=" + HexFormat.of().formatHex(mac.doFinal(body))).getBytes(StandardCharsets.UTF_8);
            return header != null && MessageDigest.isEqual(expected, header.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
