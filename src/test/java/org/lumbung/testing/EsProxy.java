package org.lumbung.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * An HTTP proxy on 127.0.0.1 in front of a real Elasticsearch, for faults at the moment a test chooses. Everything
 * passes untouched unless asked otherwise. {@link #pushBack()}: of every three _bulk requests, the first is answered
 * 429 whole (es_rejected_execution_exception, nothing written), the second has its first document rejected with an
 * item-level 429 (that document is not passed on; the rest are, and the answer is Elasticsearch's own with the
 * rejection put in its place), the third passes. {@link #afterBulk}: once a _bulk request matching a test has been
 * written, something happens (the node is stopped) and the answer is lost with the connection. While Elasticsearch
 * cannot be reached the proxy drops each connection unanswered, as a node that died does. {@link #slowBulks}: every
 * _bulk request is held a while before it is passed on. {@link #holdBulkUntil}: one _bulk request is held until
 * another request arrives, and lands just before it. {@link #absent}: what some paths ask about is not there, as a
 * client that asked before it was made is told. {@link #forbidden}: what some paths ask is refused, as a user without
 * the privilege is.
 */
public final class EsProxy implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> HOP = Set.of("connection", "content-length", "host", "transfer-encoding",
            "keep-alive", "upgrade", "expect");
    private static final String REJECTED = "{\"type\":\"es_rejected_execution_exception\",\"reason\":"
            + "\"rejected execution of coordinating operation (BusyProxy)\"}";

    private final URI target;
    private final HttpServer server;
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(java.time.Duration.ofSeconds(2)).build();
    private final AtomicInteger bulks = new AtomicInteger();
    private final AtomicInteger bulkRequests = new AtomicInteger();
    private final AtomicInteger rejectedRequests = new AtomicInteger();
    private final AtomicInteger rejectedItems = new AtomicInteger();
    private final AtomicInteger dropped = new AtomicInteger();
    private final AtomicInteger conflicts = new AtomicInteger();
    private volatile boolean pushBack;
    private volatile boolean down;
    private volatile long bulkDelayMillis;
    private final AtomicInteger refusals = new AtomicInteger();
    private Predicate<String> bulkMatch = body -> false;
    private volatile Runnable afterBulk = () -> { };
    private Predicate<String> holdMatch = body -> false;
    private Predicate<String> untilPath = path -> false;
    private final CountDownLatch heldArrived = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch landed = new CountDownLatch(1);
    private Predicate<String> editPath = path -> false;
    private volatile UnaryOperator<ObjectNode> edit = UnaryOperator.identity();
    /** What {@link #beforeRequest} asked, each run once. */
    private final List<Hooked> befores = new ArrayList<>();
    /** What {@link #beforeAnswer} asked, each run once. */
    private final List<Hooked> afters = new ArrayList<>();
    private volatile Predicate<String> absentPath = path -> false;
    private volatile Predicate<String> forbiddenPath = path -> false;
    /** The action lines {@link #refuseDocuments} refuses; null while none is. */
    private volatile Predicate<String> refusedAction;
    private volatile boolean dropWhollyRefused;
    /** The _bulk bodies kept since {@link #keepBulkBodies}; null until then. */
    private volatile List<String> bulkBodies;
    private final AtomicInteger forbidden = new AtomicInteger();

    private record Hooked(Predicate<String> path, Hook action) {
    }

    /** What {@link #beforeRequest} runs; if it throws, the request is dropped unanswered. */
    @FunctionalInterface
    public interface Hook {
        void run() throws Exception;
    }

    public EsProxy(URI target) {
        this.target = target;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers bulk requests with 429s from now on, as a busy cluster does. */
    public EsProxy pushBack() {
        pushBack = true;
        return this;
    }

    /**
     * Once, for the first _bulk request whose body matches: lets Elasticsearch write it, then runs {@code action}
     * and drops the connection without the answer.
     */
    public synchronized EsProxy afterBulk(Predicate<String> match, Runnable action) {
        bulkMatch = match;
        afterBulk = action;
        return this;
    }

    /**
     * Once: holds the first _bulk request whose body matches until a request whose path matches {@code until}
     * arrives; that one is passed on only once the held request has been answered. So a write sent early lands at
     * the moment another client's request shows, as a write held up in a network does.
     */
    public synchronized EsProxy holdBulkUntil(Predicate<String> match, Predicate<String> until) {
        holdMatch = match;
        untilPath = until;
        return this;
    }

    /** Waits for the request {@link #holdBulkUntil} holds to arrive; false if none came within the timeout. */
    public boolean awaitHeld(java.time.Duration timeout) throws InterruptedException {
        return heldArrived.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Elasticsearch's answer to every request whose path matches is edited before it is passed back, as a cluster
     * with a shard away answers (a search with failed shards, a multi-get with a failed document).
     */
    public synchronized EsProxy editAnswer(Predicate<String> path, UnaryOperator<ObjectNode> editor) {
        editPath = path;
        edit = editor;
        return this;
    }

    /**
     * Once: runs {@code action} before the first request whose path matches is passed on. Several may be asked for,
     * each of its own paths.
     */
    public synchronized EsProxy beforeRequest(Predicate<String> path, Hook action) {
        befores.add(new Hooked(path, action));
        return this;
    }

    /**
     * Once: runs {@code action} after Elasticsearch has answered the first request whose path matches and before the
     * answer is passed back, as a network slow to bring an answer does: what the answer says may no longer be so.
     */
    public synchronized EsProxy beforeAnswer(Predicate<String> path, Hook action) {
        afters.add(new Hooked(path, action));
        return this;
    }

    /**
     * Every request whose path matches is answered 404 with no body, not passed on: to this proxy's clients what it
     * asks about (an alias, an index) does not exist, as for a client that asked just before it was made.
     */
    public EsProxy absent(Predicate<String> path) {
        absentPath = path;
        return this;
    }

    /**
     * Every request whose path matches is answered 403 (a security_exception), not passed on, as a cluster answers a
     * user without the privilege to ask.
     */
    public EsProxy forbidden(Predicate<String> path) {
        forbiddenPath = path;
        return this;
    }

    /** Requests answered 403 by {@link #forbidden}. */
    public int forbiddenRequests() {
        return forbidden.get();
    }

    /** Holds every _bulk request this long before passing it on, as a cluster slow to index does. */
    public EsProxy slowBulks(java.time.Duration delay) {
        bulkDelayMillis = delay.toMillis();
        return this;
    }

    /**
     * The next {@code requests} _bulk requests have their first document rejected with an item-level 429 (that
     * document is not passed on), as a node whose write queue is full does; then documents pass again.
     */
    public EsProxy refuseFirstDocuments(int requests) {
        refusals.set(requests);
        return this;
    }

    /**
     * Every document of a _bulk request whose action line matches is rejected with an item-level 429 and not passed
     * on, however often it is sent again, as a node whose write queue for that index stays full does; the rest of the
     * request passes.
     */
    public EsProxy refuseDocuments(Predicate<String> actionLine) {
        refusedAction = actionLine;
        return this;
    }

    /**
     * A _bulk request every document of which {@link #refuseDocuments} refuses is dropped unanswered instead, as a
     * connection lost with its request is.
     */
    public EsProxy dropWhollyRefused() {
        dropWhollyRefused = true;
        return this;
    }

    /** From now on keeps the body of every _bulk request that comes ({@link #bulkBodies}). */
    public EsProxy keepBulkBodies() {
        bulkBodies = java.util.Collections.synchronizedList(new ArrayList<>());
        return this;
    }

    /** The body of every _bulk request that came since {@link #keepBulkBodies}, in the order they came. */
    public List<String> bulkBodies() {
        synchronized (bulkBodies) {
            return List.copyOf(bulkBodies);
        }
    }

    /** Bulk requests passed on to Elasticsearch or answered here. */
    public int bulks() {
        return bulkRequests.get();
    }

    /** Drops every request unanswered while down, as a node gone does; passes them on again once up. */
    public EsProxy down(boolean down) {
        this.down = down;
        return this;
    }

    /** Requests whose connection was dropped unanswered. */
    public int dropped() {
        return dropped.get();
    }

    /** Documents Elasticsearch refused with 409 in the bulk answers it passed on (a write that had landed already). */
    public int conflicts() {
        return conflicts.get();
    }

    /** Bulk requests answered 429 as a whole. */
    public int rejectedRequests() {
        return rejectedRequests.get();
    }

    /** Documents rejected with an item-level 429. */
    public int rejectedItems() {
        return rejectedItems.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (down) {
                dropped.incrementAndGet();
                return;
            }
            String path = exchange.getRequestURI().getPath();
            if (absentPath.test(path)) {
                exchange.getResponseHeaders().set("X-Elastic-Product", "Elasticsearch");
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            if (forbiddenPath.test(path)) {
                forbidden.incrementAndGet();
                if (exchange.getRequestMethod().equals("HEAD")) {
                    exchange.getResponseHeaders().set("X-Elastic-Product", "Elasticsearch");
                    exchange.sendResponseHeaders(403, -1);
                    return;
                }
                reply(exchange, 403, "{\"error\":{\"type\":\"security_exception\",\"reason\":\"action"
                        + " [indices:admin/aliases/get] is unauthorized for API key [EsProxy]\"},\"status\":403}");
                return;
            }
            boolean bulk = path.endsWith("/_bulk");
            String text = new String(body, StandardCharsets.UTF_8);
            if (bulk) {
                bulkRequests.incrementAndGet();
                List<String> keeping = bulkBodies;
                if (keeping != null) {
                    keeping.add(text);
                }
                Thread.sleep(bulkDelayMillis);
            }
            boolean held = bulk && holds(text);
            if (held) {
                heldArrived.countDown();
                release.await(60, TimeUnit.SECONDS);
            } else if (releases(path)) {
                release.countDown();
                landed.await(30, TimeUnit.SECONDS);
            }
            if (bulk && matches(text)) {
                forward(exchange, body);
                afterBulk.run();
                dropped.incrementAndGet();
                return;
            }
            int n = bulk && pushBack ? bulks.incrementAndGet() % 3 : 0;
            boolean refusing = bulk && refusals.getAndUpdate(r -> Math.max(0, r - 1)) > 0;
            if (refusing) {
                n = 2;
            }
            if (n == 1) {
                rejectedRequests.incrementAndGet();
                reply(exchange, 429, "{\"error\":" + REJECTED + ",\"status\":429}");
                return;
            }
            List<String> lines = new ArrayList<>(List.of(text.split("\n")));
            ObjectNode action = null;
            if (n == 2 && lines.size() > 2) {
                action = (ObjectNode) JSON.readTree(lines.remove(0));
                if (!action.has("delete")) {
                    lines.remove(0);
                }
                body = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
            } else if (n == 2 && refusing) {
                // The only document refused: nothing is passed on, the answer is the rejection alone.
                reply(exchange, 200, new String(withRejection("{\"took\":0,\"errors\":false,\"items\":[]}"
                        .getBytes(StandardCharsets.UTF_8), (ObjectNode) JSON.readTree(lines.get(0))),
                        StandardCharsets.UTF_8));
                return;
            }
            List<ObjectNode> refusedItems = new ArrayList<>();
            List<Integer> refusedAt = new ArrayList<>();
            Predicate<String> refused = refusedAction;
            if (bulk && n == 0 && refused != null) {
                List<String> kept = new ArrayList<>();
                for (int line = 0, item = 0; line < lines.size(); item++) {
                    ObjectNode itemAction = (ObjectNode) JSON.readTree(lines.get(line));
                    int length = itemAction.has("delete") ? 1 : 2;
                    if (refused.test(lines.get(line))) {
                        refusedItems.add(itemAction);
                        refusedAt.add(item);
                    } else {
                        kept.addAll(lines.subList(line, line + length));
                    }
                    line += length;
                }
                if (!refusedItems.isEmpty() && kept.isEmpty() && dropWhollyRefused) {
                    dropped.incrementAndGet();
                    return;
                }
                if (!refusedItems.isEmpty() && kept.isEmpty()) {
                    reply(exchange, 200, new String(withRejections("{\"took\":0,\"errors\":false,\"items\":[]}"
                            .getBytes(StandardCharsets.UTF_8), refusedItems, refusedAt), StandardCharsets.UTF_8));
                    return;
                }
                if (!refusedItems.isEmpty()) {
                    body = (String.join("\n", kept) + "\n").getBytes(StandardCharsets.UTF_8);
                }
            }
            Hook before = once(befores, path);
            if (before != null) {
                run(before);
            }
            boolean edited = editing(path);
            HttpResponse<byte[]> response = forward(exchange, body);
            Hook after = once(afters, path);
            if (after != null) {
                run(after);
            }
            if (held) {
                landed.countDown();
            }
            exchange.getResponseHeaders().clear();
            response.headers().map().forEach((k, v) -> {
                if (!HOP.contains(k.toLowerCase(java.util.Locale.ROOT))) {
                    exchange.getResponseHeaders().put(k, v);
                }
            });
            if (bulk && response.statusCode() == 200) {
                JSON.readTree(response.body()).path("items").forEach(item -> {
                    if (item.elements().next().path("status").asInt() == 409) {
                        conflicts.incrementAndGet();
                    }
                });
            }
            byte[] answer = action == null ? response.body() : withRejection(response.body(), action);
            if (!refusedItems.isEmpty()) {
                answer = withRejections(answer, refusedItems, refusedAt);
            }
            if (edited) {
                answer = JSON.writeValueAsBytes(edit.apply((ObjectNode) JSON.readTree(answer)));
            }
            exchange.sendResponseHeaders(response.statusCode(), answer.length == 0 ? -1 : answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        } catch (IOException e) {
            // Elasticsearch is not there (refused, or the connection died with the node): drop the connection
            // unanswered (closing an exchange before its headers closes the connection).
            dropped.incrementAndGet();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            exchange.close();
        }
    }

    /** Whether this is the bulk request awaited; true once only. */
    private synchronized boolean matches(String body) {
        if (!bulkMatch.test(body)) {
            return false;
        }
        bulkMatch = b -> false;
        return true;
    }

    private static void run(Hook before) throws IOException, InterruptedException {
        try {
            before.run();
        } catch (IOException | InterruptedException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    /** What {@link #beforeRequest} or {@link #beforeAnswer} asked to run for this request, if anything; once only. */
    private synchronized Hook once(List<Hooked> hooks, String path) {
        for (int i = 0; i < hooks.size(); i++) {
            if (hooks.get(i).path().test(path)) {
                return hooks.remove(i).action();
            }
        }
        return null;
    }

    private synchronized boolean editing(String path) {
        return editPath.test(path);
    }

    /** Whether this is the request to hold; true once only. */
    private synchronized boolean holds(String body) {
        if (!holdMatch.test(body)) {
            return false;
        }
        holdMatch = b -> false;
        return true;
    }

    /** Whether this request releases the held one; true once only. */
    private synchronized boolean releases(String path) {
        if (!untilPath.test(path)) {
            return false;
        }
        untilPath = p -> false;
        return true;
    }

    private HttpResponse<byte[]> forward(HttpExchange exchange, byte[] body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(target.resolve(exchange.getRequestURI().toString()))
                .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((k, v) -> {
            if (!HOP.contains(k.toLowerCase(java.util.Locale.ROOT))) {
                v.forEach(value -> request.header(k, value));
            }
        });
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Elasticsearch's answer with the withheld document's rejection first, where its item belongs. */
    private byte[] withRejection(byte[] answer, ObjectNode action) throws IOException {
        return withRejections(answer, List.of(action), List.of(0));
    }

    /** Elasticsearch's answer with an item-level 429 for each action at its place among the request's items. */
    private byte[] withRejections(byte[] answer, List<ObjectNode> actions, List<Integer> places) throws IOException {
        ObjectNode response = (ObjectNode) JSON.readTree(answer);
        for (int i = 0; i < actions.size(); i++) {
            ObjectNode action = actions.get(i);
            String type = action.fieldNames().next();
            JsonNode asked = action.get(type);
            ObjectNode meta = JSON.createObjectNode().put("_index", asked.path("_index").asText())
                    .put("_id", asked.path("_id").asText());
            ObjectNode item = JSON.createObjectNode();
            item.set(type, meta.put("status", 429).set("error", JSON.readTree(REJECTED)));
            ((ArrayNode) response.get("items")).insert(places.get(i), item);
            rejectedItems.incrementAndGet();
        }
        response.put("errors", true);
        return JSON.writeValueAsBytes(response);
    }

    private static void reply(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/vnd.elasticsearch+json;compatible-with=8");
        exchange.getResponseHeaders().set("X-Elastic-Product", "Elasticsearch");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
