package org.lumbung.harvest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GETs a URL the way a polite, stubborn harvester must. Requests to one host wait their turn in its queue
 * ({@link HostQueues}); connection errors, timeouts and 5xx answers are retried with backoff, 429 and 503 after
 * Retry-After ({@link RetryPolicy}). Bodies come back decoded: gzip and deflate are asked for and undone whether the
 * server announced them or not (some repositories gzip without saying so). Redirects are followed, http to https
 * included. TLS is verified unless a source explicitly opts out.
 */
public final class HttpFetcher {

    private static final Logger LOG = LoggerFactory.getLogger("lumbung.http");

    /** A response: status, decoded body, content type (may be null), the address after redirects, attempts made. */
    public record Response(int status, byte[] body, String contentType, String finalUrl, int attempts) {
    }

    /** A source's manners: an extra pause between its requests, and whether its TLS certificate is checked. */
    public record Politeness(Duration delay, boolean verifyTls) {
        public static final Politeness DEFAULT = new Politeness(Duration.ZERO, true);
    }

    private final HttpClient client;
    private final HttpClient unverifiedClient;
    private final HttpOptions options;
    private final RetryPolicy retry;
    private final HostQueues hosts;

    public HttpFetcher(HttpOptions options, RetryPolicy retry, HostQueues hosts) {
        this.options = options;
        this.retry = retry;
        this.hosts = hosts;
        this.client = HttpClient.newBuilder()
                .connectTimeout(options.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        this.unverifiedClient = HttpClient.newBuilder()
                .connectTimeout(options.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .sslContext(UnverifiedTls.context())
                .build();
    }

    public HttpFetcher(HttpOptions options) {
        this(options, RetryPolicy.DEFAULT, new HostQueues(1, Duration.ZERO));
    }

    public Response get(String url) throws IOException, InterruptedException {
        return get(url, Politeness.DEFAULT);
    }

    /**
     * The response, once it is not worth retrying: a 2xx or 4xx answer, or the last of the attempts. Throws the
     * last transport error when no attempt got an answer.
     */
    public Response get(String url, Politeness politeness) throws IOException, InterruptedException {
        URI uri = URI.create(url);
        IOException lastError = null;
        for (int attempt = 1; attempt <= retry.attempts(); attempt++) {
            Duration wait;
            try (HostQueues.Slot turn = hosts.acquire(uri, politeness.delay())) {
                HttpResponse<byte[]> response = send(uri, politeness);
                int status = response.statusCode();
                if (!retryable(status) || attempt == retry.attempts()) {
                    String encoding = response.headers().firstValue("Content-Encoding").orElse("");
                    return new Response(status, decode(response.body(), encoding),
                            response.headers().firstValue("Content-Type").orElse(null), response.uri().toString(),
                            attempt);
                }
                Optional<Duration> asked = status == 429 || status == 503
                        ? retry.retryAfter(response.headers().firstValue("Retry-After").orElse(null), Instant.now())
                        : Optional.empty();
                wait = asked.orElse(retry.backoff(attempt));
                LOG.warn("{} answered {}; attempt {} of {}, next in {} ms", url, status, attempt, retry.attempts(),
                        wait.toMillis());
            } catch (IOException e) {
                lastError = e;
                if (attempt == retry.attempts()) {
                    break;
                }
                wait = retry.backoff(attempt);
                LOG.warn("{}: {}; attempt {} of {}, next in {} ms", url, describe(e), attempt, retry.attempts(),
                        wait.toMillis());
            }
            Thread.sleep(Math.max(wait.toMillis(), 1));
        }
        throw new FetchException(url, retry.attempts(), lastError);
    }

    private HttpResponse<byte[]> send(URI uri, Politeness politeness) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(options.readTimeout())
                .header("User-Agent", options.userAgent())
                .header("Accept-Encoding", "gzip, deflate")
                .GET();
        if (options.from() != null && !options.from().isBlank()) {
            request.header("From", options.from());
        }
        HttpClient http = politeness.verifyTls() ? client : unverifiedClient;
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Worth another try: the server is busy (429), failing (5xx) or asking for patience (503). */
    static boolean retryable(int status) {
        return status == 429 || status >= 500 && status != 501 && status != 505;
    }

    /** A transport failure in words: the JDK client often throws ConnectException without a message. */
    public static String describe(IOException e) {
        StringBuilder out = new StringBuilder();
        String previous = "";
        Throwable t = e;
        while (t != null && out.length() < 300) {
            if (t instanceof FetchException) {
                // its message already describes the last error
                out.append(out.isEmpty() ? "" : ": ").append(t.getMessage());
                break;
            }
            String kind = switch (t.getClass().getSimpleName()) {
                case "ConnectException" -> "connection failed";
                case "UnknownHostException", "UnresolvedAddressException" -> "unknown host";
                case "HttpConnectTimeoutException" -> "connect timed out";
                case "HttpTimeoutException" -> "timed out";
                case "SSLHandshakeException" -> "TLS handshake failed";
                default -> t.getClass().getSimpleName();
            };
            String piece = t.getMessage() == null || t.getMessage().equals(kind) ? kind : kind + " (" + t.getMessage() + ")";
            if (!piece.equals(previous)) {
                out.append(out.isEmpty() ? "" : ": ").append(piece);
            }
            previous = piece;
            t = t.getCause() == t ? null : t.getCause();
        }
        return out.toString();
    }

    static byte[] decode(byte[] body, String encoding) throws IOException {
        boolean gzipMagic = body.length > 2 && (body[0] & 0xff) == 0x1f && (body[1] & 0xff) == 0x8b;
        if (gzipMagic || encoding.equalsIgnoreCase("gzip") && body.length > 0) {
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
                return in.readAllBytes();
            }
        }
        if (encoding.equalsIgnoreCase("deflate") && body.length > 0) {
            try (InputStream in = new InflaterInputStream(new ByteArrayInputStream(body))) {
                return in.readAllBytes();
            }
        }
        return body;
    }

    /** Every attempt at a URL failed without an answer; the cause is the last transport error. */
    public static final class FetchException extends IOException {

        private static final long serialVersionUID = 1L;

        FetchException(String url, int attempts, IOException last) {
            super("no answer after " + attempts + (attempts == 1 ? " attempt" : " attempts")
                    + (last == null ? "" : ", last: " + describe(last)), last);
        }
    }
}
