package org.lumbung.es;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Asks a node on 127.0.0.1 whether it is ready and whether it is the expected one. Readiness is
 * {@code _cluster/health}: the integ-test distribution answers 405 to {@code GET /} and {@code HEAD /}.
 */
final class NodeProbe {

    private static final Duration POLL = Duration.ofMillis(250);

    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    NodeProbe(int port) {
        this.port = port;
    }

    boolean awaitHealthy(String nodeName, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (healthy(nodeName)) {
                return true;
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    private boolean healthy(String nodeName) {
        String health = get("/_cluster/health?wait_for_status=yellow&timeout=1s");
        if (health == null || !(health.contains("\"status\":\"yellow\"") || health.contains("\"status\":\"green\""))) {
            return false;
        }
        String names = get("/_cat/nodes?h=name");
        return names != null && names.lines().anyMatch(l -> l.trim().equals(nodeName));
    }

    private String get(String path) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? response.body() : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
