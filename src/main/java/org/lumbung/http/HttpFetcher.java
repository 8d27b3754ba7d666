package org.lumbung.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Flow;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;
import org.lumbung.pipeline.FailureKind;
import org.lumbung.pipeline.KnownFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GETs a URL the way a polite, stubborn harvester must. Requests to one host wait their turn in its queue
 * ({@link HostQueues}); connection errors, timeouts and 5xx answers are retried with backoff, 429 and 503 after
 * Retry-After ({@link RetryPolicy}). Bodies come back decoded: gzip and deflate are asked for and undone whether the
 * server announced them or not (some repositories gzip without saying so), and never beyond a size limit, compressed
 * or not (a gzip bomb stops at the limit). Redirects are followed here (http to https included, never back; a loop
 * or more than ten is an error) unless the caller follows them itself, each target checked by the
 * {@link AddressGuard}; a request may stop at a permanent redirect that moves its address ({@link Redirect#move})
 * instead of following it, and every response lists the redirects followed to it. A bot wall's challenge ({@link BotWall}) is returned at once, whatever its status, never
 * retried. TLS is verified unless a source explicitly opts out.
 */
public final class HttpFetcher {

    private static final Logger LOG = LoggerFactory.getLogger("lumbung.http");

    /**
     * A response: status, decoded body, its headers, the address after redirects, attempts made, how many of them
     * were sent again after a failure that may have reached the server (a resumption token in them may have been
     * spent: the harvester then checks that the page continues the list), and the redirects followed to it.
     */
    public record Response(int status, byte[] body, HttpHeaders headers, String finalUrl, int attempts, int resent,
                           List<Redirect> redirects) {

        public Response {
            redirects = List.copyOf(redirects);
        }

        Response after(List<Redirect> followed) {
            return new Response(status, body, headers, finalUrl, attempts, resent, followed);
        }

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
     * size limit (0 keeps the fetcher's), the {@link AddressGuard#authority} the operator configured (its own and
     * its redirects' targets may be on it whatever the address; null trusts none), whether it may be sent twice, and
     * whether a redirect that moves its address is followed.
     */
    public record Request(String url, Politeness politeness, Map<String, String> headers, boolean followRedirects,
                          long maxBytes, String trusted, boolean replayable, boolean followMoves) {
        public Request(String url, Politeness politeness, Map<String, String> headers, boolean followRedirects,
                       long maxBytes, String trusted) {
            this(url, politeness, headers, followRedirects, maxBytes, trusted, true, true);
        }

        /** A request to an address the operator configured: its host is trusted, whatever it is. */
        public static Request of(String url, Politeness politeness) {
            return new Request(url, politeness, Map.of(), true, 0, AddressGuard.authority(URI.create(url)));
        }

        /** The same request to an address that came from outside (the admin API): no host is trusted. */
        public Request untrusted() {
            return new Request(url, politeness, headers, followRedirects, maxBytes, null, replayable, followMoves);
        }

        /**
         * The same request, never sent twice once it may have reached the server: it carries a resumption token that
         * some servers spend when they read it (a repeat returns the next page, as a scroll does). An HTTP error status
         * answered before any body spent nothing, so 503 and 429 are still retried.
         */
        public Request once() {
            return new Request(url, politeness, headers, followRedirects, maxBytes, trusted, false, followMoves);
        }

        /**
         * The same request, ending in a {@link MovedException} at a permanent redirect that moves its address
         * ({@link Redirect#move}) instead of following it: nothing is sent to the new address.
         */
        public Request stoppingAtMoves() {
            return new Request(url, politeness, headers, followRedirects, maxBytes, trusted, replayable, false);
        }
    }

    /** How many redirects a request follows. */
    public static final int MAX_REDIRECTS = 10;

    /** The body is larger than the limit (decoded); not retried. */
    public static final class TooLargeException extends FetchException {
        private static final long serialVersionUID = 1L;

        TooLargeException(long limit) {
            super(FailureKind.TOO_LARGE, null, 1, "the answer is larger than " + limit + " bytes", null);
        }
    }

    /** Redirects that do not end: a loop, or more than {@link #MAX_REDIRECTS}; not retried. */
    public static final class RedirectException extends FetchException {
        private static final long serialVersionUID = 1L;

        RedirectException(String url, String message) {
            super(FailureKind.REDIRECT_LOOP, url, 1, message, null);
        }
    }

    /** A permanent redirect that moves the address, met by a request {@link Request#stoppingAtMoves}; not retried. */
    public static final class MovedException extends FetchException {
        private static final long serialVersionUID = 1L;
        private final transient Redirect redirect;

        MovedException(String url, Redirect redirect) {
            super(FailureKind.MOVED, url, 1, redirect.from() + " answered " + redirect.status() + ": moved to "
                    + redirect.to(), null);
            this.redirect = redirect;
        }

        public Redirect redirect() {
            return redirect;
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

    /** The public address the operator says repositories see Lumbung at; empty when not given. */
    public String publicAddress() {
        return options.publicAddress() == null ? "" : options.publicAddress();
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
        List<Redirect> followed = new ArrayList<>();
        while (Redirect.redirects(response.status()) && response.header("Location").isPresent()) {
            URI next = uri.resolve(response.header("Location").get().trim());
            if ("https".equalsIgnoreCase(uri.getScheme()) && "http".equalsIgnoreCase(next.getScheme())) {
                return response.after(followed); // never from https down to http
            }
            if (chain.contains(next.toString())) {
                throw new RedirectException(request.url(), "redirect loop: " + String.join(" -> ", chain) + " -> " + next);
            }
            if (chain.size() > MAX_REDIRECTS) {
                throw new RedirectException(request.url(), "more than " + MAX_REDIRECTS + " redirects from " + request.url());
            }
            // A move to a refused address is refused, not reported as a move an operator might accept.
            guard.check(next, request.trusted());
            followed.add(new Redirect(response.status(), uri.toString(), next.toString()));
            Optional<Redirect> move = request.followMoves() ? Optional.empty() : Redirect.move(followed);
            if (move.isPresent()) {
                throw new MovedException(request.url(), move.get());
            }
            chain.add(next.toString());
            uri = next;
            response = attempt(uri, request);
        }
        return response.after(followed);
    }

    /**
     * One address, retried while worth it: an answer the server says to retry (429, 5xx), or a transport failure that
     * may pass, unless the request is sent {@link Request#once} and may have reached the server. A name that does not
     * exist or a refused connection fails at once.
     */
    private Response attempt(URI uri, Request request) throws IOException, InterruptedException {
        int resent = 0;
        for (int attempt = 1; ; attempt++) {
            Duration wait;
            HostQueues.Slot turn = hosts.acquire(uri, request.politeness().delay());
            long deadline = System.nanoTime() + options.requestDeadline().toNanos();
            try {
                resolve(uri);
                HttpResponse<Flow.Publisher<List<ByteBuffer>>> response = send(uri, request, deadline);
                TimedBody body = new TimedBody(uri.toString());
                response.body().subscribe(body);
                int status = response.statusCode();
                boolean last = !retryable(status) || attempt >= retry.attempts();
                if (last || html(response.headers())
                        || BotWall.recognise(status, response.headers(), null).isPresent()) {
                    Response answer = read(response, body, request, deadline, attempt, resent);
                    // A bot wall's challenge (often a 503) is no passing fault: asked again, it answers the same.
                    if (last || BotWall.recognise(status, answer.headers(), answer.body()).isPresent()) {
                        return answer;
                    }
                } else {
                    body.cancel();
                }
                Optional<Duration> asked = status == 429 || status == 503
                        ? retry.retryAfter(response.headers().firstValue("Retry-After").orElse(null), Instant.now())
                        : Optional.empty();
                wait = asked.orElse(retry.backoff(attempt));
                LOG.warn("{} answered {}; attempt {} of {}, next in {} ms", uri, status, attempt,
                        retry.attempts(), wait.toMillis());
            } catch (IOException e) {
                FetchException failure = e instanceof FetchException f ? f
                        : new FetchException(FailureKind.of(e), uri.toString(), attempt, describe(e), e);
                FailureKind kind = failure.kind();
                if (!kind.transientFault() || attempt >= retry.attempts()
                        || !request.replayable() && kind.mayHaveReachedServer()) {
                    throw failure.after(attempt);
                }
                wait = retry.backoff(attempt);
                resent += kind.mayHaveReachedServer() ? 1 : 0;
                LOG.warn("{}: {}; attempt {} of {}, next in {} ms", uri, failure.detail(), attempt,
                        retry.attempts(), wait.toMillis());
            } finally {
                turn.close();
            }
            Thread.sleep(Math.max(wait.toMillis(), 1));
        }
    }

    private Response read(HttpResponse<?> response, TimedBody body, Request request, long deadline, int attempt,
                          int resent) throws IOException, InterruptedException {
        String encoding = response.headers().firstValue("Content-Encoding").orElse("");
        long limit = request.maxBytes() > 0 ? Math.min(request.maxBytes(), maxBytes) : maxBytes;
        byte[] bytes = body.read(limit, announced(response.headers()), options.readTimeout(), deadline);
        return new Response(response.statusCode(), decode(bytes, encoding, limit), response.headers(),
                response.uri().toString(), attempt, resent, List.of());
    }

    /**
     * The length the answer announced, or -1: it only sizes the array the body is read into, so one that is no number
     * (the JDK client refuses such a head over HTTP/1.1, but says nothing of what it lets through) is no length.
     */
    private static long announced(HttpHeaders headers) {
        try {
            return headers.firstValueAsLong("Content-Length").orElse(-1);
        } catch (NumberFormatException unreadable) {
            return -1;
        }
    }

    /** An HTML answer, which may be a bot wall's challenge page: read before it is retried. */
    private static boolean html(HttpHeaders headers) {
        return headers.firstValue("Content-Type").orElse("").toLowerCase(java.util.Locale.ROOT).contains("html");
    }

    /**
     * Looks the host up before anything is sent: the JDK client reports a failed look-up without saying whether the
     * name does not exist (not worth another try) or the resolver failed (worth one).
     */
    private static void resolve(URI uri) throws FetchException {
        String host = uri.getHost();
        if (host == null) {
            return;
        }
        try {
            InetAddress.getAllByName(host.replaceAll("^\\[|]$", ""));
        } catch (UnknownHostException e) {
            FailureKind kind = FailureKind.of(e);
            throw new FetchException(kind, uri.toString(), 1, kind == FailureKind.DNS
                    ? "the host name " + host + " does not resolve (no such name)"
                    : "the host name " + host + " could not be resolved for now (" + e.getMessage() + ")", e);
        }
    }

    private HttpResponse<Flow.Publisher<List<ByteBuffer>>> send(URI uri, Request request, long deadline)
            throws IOException, InterruptedException {
        long left = Math.max(deadline - System.nanoTime(), 1_000_000);
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofNanos(Math.min(options.readTimeout().toNanos(), left)))
                .header("User-Agent", options.userAgent())
                .header("Accept-Encoding", "gzip, deflate")
                .GET();
        if (options.from() != null && !options.from().isBlank()) {
            builder.header("From", options.from());
        }
        request.headers().forEach(builder::header);
        try {
            return clients[request.politeness().verifyTls() ? 0 : 1].send(builder.build(),
                    HttpResponse.BodyHandlers.ofPublisher());
        } catch (IllegalArgumentException malformed) {
            // The JDK client throws this, not an IOException, for a head it cannot read: a Content-Length that is no
            // number, even beside a chunked body. The server answers the same again, so it is not tried again.
            throw new FetchException(FailureKind.MALFORMED, uri.toString(), 1, "the server's HTTP answer is malformed ("
                    + malformed.getMessage() + ")", malformed);
        }
    }

    /** Worth another try: the server is busy (429), failing (5xx) or asking for patience (503). */
    static boolean retryable(int status) {
        return status == 429 || status >= 500 && status != 501 && status != 505;
    }

    private static byte[] readAtMost(InputStream in, long limit, long hint) throws IOException {
        BodyBuffer out = new BodyBuffer(hint, limit);
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            total += n;
            if (total > limit) {
                throw new TooLargeException(limit);
            }
            out.write(buffer, 0, n);
        }
        return out.bytes();
    }

    /** A transport failure in words a user reads: its kind, and what the JDK said when it said anything. */
    public static String describe(IOException e) {
        if (e instanceof FetchException f) {
            return f.detail();
        }
        FailureKind kind = FailureKind.of(e);
        String message = null;
        for (Throwable t = e; t != null && message == null; t = t.getCause() == t ? null : t.getCause()) {
            message = t.getMessage();
        }
        return message == null || message.equals(kind.words()) ? kind.words() : kind.words() + " (" + message + ")";
    }

    /** Undoes gzip or deflate, announced or not, never past the size limit. */
    static byte[] decode(byte[] body, String encoding, long limit) throws IOException {
        boolean gzipMagic = body.length > 2 && (body[0] & 0xff) == 0x1f && (body[1] & 0xff) == 0x8b;
        if (gzipMagic || encoding.equalsIgnoreCase("gzip") && body.length > 0) {
            try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(body))) {
                return readAtMost(in, limit, gzipSize(body));
            }
        }
        if (encoding.equalsIgnoreCase("deflate") && body.length > 0) {
            try (InputStream in = new InflaterInputStream(new java.io.ByteArrayInputStream(body))) {
                return readAtMost(in, limit, -1);
            }
        }
        return body;
    }

    /**
     * The size a gzip stream's trailer gives for what it holds (RFC 1952: the last four bytes, little-endian, modulo
     * 2^32), or -1. Only a hint: a stream of several members gives the last one's, and a forged trailer anything.
     */
    static long gzipSize(byte[] body) {
        int n = body.length;
        if (n < 18) {
            return -1;
        }
        return (body[n - 4] & 0xffL) | (body[n - 3] & 0xffL) << 8 | (body[n - 2] & 0xffL) << 16
                | (body[n - 1] & 0xffL) << 24;
    }

    /**
     * A request that got no usable answer: its kind, the address, how many attempts were made, and the detail in
     * words. The cause is the last transport error.
     */
    public static class FetchException extends IOException implements KnownFailure {

        private static final long serialVersionUID = 1L;

        private final FailureKind kind;
        private final String url;
        private final int attempts;
        private final String detail;

        FetchException(FailureKind kind, String url, int attempts, String detail, Throwable cause) {
            super(message(attempts, detail), cause);
            this.kind = kind;
            this.url = url;
            this.attempts = attempts;
            this.detail = detail;
        }

        private static String message(int attempts, String detail) {
            return attempts <= 1 ? detail : "no answer after " + attempts + " attempts, last: " + detail;
        }

        public FailureKind kind() {
            return kind;
        }

        public String url() {
            return url;
        }

        public int attempts() {
            return attempts;
        }

        /** What went wrong, without the count of attempts. */
        public String detail() {
            return detail;
        }

        /** The same failure, counted after this many attempts. */
        FetchException after(int attempts) {
            return attempts == this.attempts || this instanceof TooLargeException || this instanceof RedirectException
                    ? this : new FetchException(kind, url, attempts, detail, getCause());
        }
    }
}
