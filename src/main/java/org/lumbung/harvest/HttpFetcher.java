package org.lumbung.harvest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GETs a URL the way a polite, stubborn harvester must. Requests to one host wait their turn in its queue
 * ({@link HostQueues}); connection errors, timeouts and 5xx answers are retried with backoff, 429 and 503 after
 * Retry-After ({@link RetryPolicy}). Bodies come back decoded: gzip and deflate are asked for and undone whether the
 * server announced them or not (some repositories gzip without saying so), and never beyond a size limit, compressed
 * or not (a gzip bomb stops at the limit). Redirects are followed here (http to https included, never back; a loop
 * or more than ten is an error) unless the caller follows them itself, each target checked by the
 * {@link AddressGuard}. TLS is verified unless a source explicitly opts out.
 */
public final class HttpFetcher {

    private static final Logger LOG = LoggerFactory.getLogger("lumbung.http");

    /** A response: status, decoded body, its headers, the address after redirects, attempts made. */
    public record Response(int status, byte[] body, HttpHeaders headers, String finalUrl, int attempts) {

        public String contentType() {
            return headers.firstValue("Content-Type").orElse(null);
        }

        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }
    }

    /** A source's manners: an extra pause between its requests, and whether its TLS certificate is checked. */
    public record Politeness(Duration delay, boolean verifyTls) {
        public static final Politeness DEFAULT = new Politeness(Duration.ZERO, true);
    }

    /**
     * A request beyond the plain GET: extra headers (conditional requests), redirects left to the caller, a smaller
     * size limit (0 keeps the fetcher's), and the {@link AddressGuard#authority} the operator configured (its own and
     * its redirects' targets may be on it whatever the address; null trusts none).
     */
    public record Request(String url, Politeness politeness, Map<String, String> headers, boolean followRedirects,
                          long maxBytes, String trusted) {
        /** A request to an address the operator configured: its host is trusted, whatever it is. */
        public static Request of(String url, Politeness politeness) {
            return new Request(url, politeness, Map.of(), true, 0, AddressGuard.authority(URI.create(url)));
        }

        /** The same request to an address that came from outside (the admin API): no host is trusted. */
        public Request untrusted() {
            return new Request(url, politeness, headers, followRedirects, maxBytes, null);
        }
    }

    /** How many redirects a request follows. */
    static final int MAX_REDIRECTS = 10;

    /** The body is larger than the limit (decoded); not retried. */
    public static final class TooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        TooLargeException(long limit) {
            super("the answer is larger than " + limit + " bytes");
        }
    }

    /** Redirects that do not end: a loop, or more than {@link #MAX_REDIRECTS}; not retried. */
    public static final class RedirectException extends IOException {
        private static final long serialVersionUID = 1L;

        RedirectException(String message) {
            super(message);
        }
    }

    /** Redirects are followed here, each target checked by the guard: the client never follows one itself. */
    private final HttpClient[] clients = new HttpClient[2];
    private final HttpOptions options;
    private final RetryPolicy retry;
    private final HostQueues hosts;
    private final long maxBytes;
    private final AddressGuard guard;

    public HttpFetcher(HttpOptions options, RetryPolicy retry, HostQueues hosts, long maxBytes, AddressGuard guard) {
        this.options = options;
        this.retry = retry;
        this.hosts = hosts;
        this.maxBytes = maxBytes;
        this.guard = guard;
        for (int i = 0; i < 2; i++) {
            HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(options.connectTimeout())
                    .followRedirects(HttpClient.Redirect.NEVER);
            if (i == 1) {
                builder.sslContext(UnverifiedTls.context());
            }
            clients[i] = builder.build();
        }
    }

    public HttpFetcher(HttpOptions options, RetryPolicy retry, HostQueues hosts, long maxBytes) {
        this(options, retry, hosts, maxBytes, AddressGuard.publicOnly(List.of()));
    }

    public HttpFetcher(HttpOptions options, RetryPolicy retry, HostQueues hosts) {
        this(options, retry, hosts, 256L << 20);
    }

    /** What keeps requests from content away from private addresses. */
    public AddressGuard guard() {
        return guard;
    }

    public HttpFetcher(HttpOptions options) {
        this(options, RetryPolicy.DEFAULT, new HostQueues(1, Duration.ZERO));
    }

    public HostQueues hosts() {
        return hosts;
    }

    public String userAgent() {
        return options.userAgent();
    }

    public Response get(String url) throws IOException, InterruptedException {
        return get(url, Politeness.DEFAULT);
    }

    public Response get(String url, Politeness politeness) throws IOException, InterruptedException {
        return get(Request.of(url, politeness));
    }

    /**
     * The response, once it is not worth retrying: a 2xx, 3xx or 4xx answer, or the last of the attempts. Throws the
     * last transport error when no attempt got an answer, and at once when the body is over the size limit.
     */
    public Response get(Request request) throws IOException, InterruptedException {
        URI uri = URI.create(request.url());
        guard.check(uri, request.trusted());
        Response response = attempt(uri, request);
        if (!request.followRedirects()) {
            return response;
        }
        List<String> chain = new ArrayList<>(List.of(uri.toString()));
        while (redirect(response.status()) && response.header("Location").isPresent()) {
            URI next = uri.resolve(response.header("Location").get().trim());
            if ("https".equalsIgnoreCase(uri.getScheme()) && "http".equalsIgnoreCase(next.getScheme())) {
                return response; // never from https down to http
            }
            if (chain.contains(next.toString())) {
                throw new RedirectException("redirect loop: " + String.join(" -> ", chain) + " -> " + next);
            }
            if (chain.size() > MAX_REDIRECTS) {
                throw new RedirectException("more than " + MAX_REDIRECTS + " redirects from " + request.url());
            }
            guard.check(next, request.trusted());
            chain.add(next.toString());
            uri = next;
            response = attempt(uri, request);
        }
        return response;
    }

    private static boolean redirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    /** One address, retried while worth it. */
    private Response attempt(URI uri, Request request) throws IOException, InterruptedException {
        IOException lastError = null;
        for (int attempt = 1; attempt <= retry.attempts(); attempt++) {
            Duration wait;
            HostQueues.Slot turn = hosts.acquire(uri, request.politeness().delay());
            try {
                HttpResponse<InputStream> response = send(uri, request);
                int status = response.statusCode();
                if (!retryable(status) || attempt == retry.attempts()) {
                    String encoding = response.headers().firstValue("Content-Encoding").orElse("");
                    long limit = request.maxBytes() > 0 ? Math.min(request.maxBytes(), maxBytes) : maxBytes;
                    return new Response(status, decode(read(response.body(), limit), encoding, limit),
                            response.headers(), response.uri().toString(), attempt);
                }
                response.body().close();
                Optional<Duration> asked = status == 429 || status == 503
                        ? retry.retryAfter(response.headers().firstValue("Retry-After").orElse(null), Instant.now())
                        : Optional.empty();
                wait = asked.orElse(retry.backoff(attempt));
                LOG.warn("{} answered {}; attempt {} of {}, next in {} ms", uri, status, attempt,
                        retry.attempts(), wait.toMillis());
            } catch (TooLargeException e) {
                throw e;
            } catch (IOException e) {
                lastError = e;
                if (attempt == retry.attempts()) {
                    break;
                }
                wait = retry.backoff(attempt);
                LOG.warn("{}: {}; attempt {} of {}, next in {} ms", uri, describe(e), attempt,
                        retry.attempts(), wait.toMillis());
            } finally {
                turn.close();
            }
            Thread.sleep(Math.max(wait.toMillis(), 1));
        }
        throw new FetchException(uri.toString(), retry.attempts(), lastError);
    }

    private HttpResponse<InputStream> send(URI uri, Request request) throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(options.readTimeout())
                .header("User-Agent", options.userAgent())
                .header("Accept-Encoding", "gzip, deflate")
                .GET();
        if (options.from() != null && !options.from().isBlank()) {
            builder.header("From", options.from());
        }
        request.headers().forEach(builder::header);
        return clients[request.politeness().verifyTls() ? 0 : 1].send(builder.build(),
                HttpResponse.BodyHandlers.ofInputStream());
    }

    /** Worth another try: the server is busy (429), failing (5xx) or asking for patience (503). */
    static boolean retryable(int status) {
        return status == 429 || status >= 500 && status != 501 && status != 505;
    }

    private static byte[] read(InputStream body, long limit) throws IOException {
        try (InputStream in = body) {
            return readAtMost(in, limit);
        }
    }

    private static byte[] readAtMost(InputStream in, long limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            total += n;
            if (total > limit) {
                throw new TooLargeException(limit);
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
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
                case "TooLargeException" -> "too large";
                case "RedirectException" -> "redirects that do not end";
                case "BlockedAddressException" -> "address refused";
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

    /** Undoes gzip or deflate, announced or not, never past the size limit. */
    static byte[] decode(byte[] body, String encoding, long limit) throws IOException {
        boolean gzipMagic = body.length > 2 && (body[0] & 0xff) == 0x1f && (body[1] & 0xff) == 0x8b;
        if (gzipMagic || encoding.equalsIgnoreCase("gzip") && body.length > 0) {
            try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(body))) {
                return readAtMost(in, limit);
            }
        }
        if (encoding.equalsIgnoreCase("deflate") && body.length > 0) {
            try (InputStream in = new InflaterInputStream(new java.io.ByteArrayInputStream(body))) {
                return readAtMost(in, limit);
            }
        }
        return body;
    }

    /** Every attempt at a URL failed without an answer; the cause is the last transport error. */
    public static final class FetchException extends IOException {

        private static final long serialVersionUID = 1L;
        private final int attempts;

        FetchException(String url, int attempts, IOException last) {
            super("no answer after " + attempts + (attempts == 1 ? " attempt" : " attempts")
                    + (last == null ? "" : ", last: " + describe(last)), last);
            this.attempts = attempts;
        }

        /** Requests sent: the retries of a request that got no answer count like any other. */
        public int attempts() {
            return attempts;
        }
    }
}
