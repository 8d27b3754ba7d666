package org.lumbung.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A small web site on 127.0.0.1 serving pages by path: status, headers, body and an optional stall. */
public final class WebSite implements AutoCloseable {

    /** What a path answers. */
    public record Page(int status, Map<String, String> headers, byte[] body, long stallMillis) {
        public static Page html(String html) {
            return new Page(200, Map.of("Content-Type", "text/html; charset=utf-8"), html.getBytes(StandardCharsets.UTF_8), 0);
        }

        public static Page of(int status, String type, String body) {
            return new Page(status, type == null ? Map.of() : Map.of("Content-Type", type),
                    body.getBytes(StandardCharsets.UTF_8), 0);
        }

        public static Page redirect(String location) {
            return new Page(302, Map.of("Location", location), new byte[0], 0);
        }

        /** A gzip bomb: {@code head}, then megabytes of spaces, gzipped (about 1 KB per MB) and announced as gzip. */
        public static Page gzipBomb(String type, String head, int megabytes) {
            java.io.ByteArrayOutputStream zipped = new java.io.ByteArrayOutputStream();
            byte[] spaces = new byte[1 << 20];
            java.util.Arrays.fill(spaces, (byte) ' ');
            try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(zipped)) {
                gz.write(head.getBytes(StandardCharsets.UTF_8));
                for (int i = 0; i < megabytes; i++) {
                    gz.write(spaces);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new Page(200, Map.of("Content-Type", type, "Content-Encoding", "gzip"), zipped.toByteArray(), 0);
        }
    }

    private final HttpServer server;
    private final Map<String, Page> pages = new ConcurrentHashMap<>();
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, String> lastHeaders = new ConcurrentHashMap<>();

    public WebSite() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public WebSite page(String path, Page page) {
        pages.put(path, page);
        return this;
    }

    /**
     * A path that answers {@code head}, then spaces without end (chunked, no length) until the client hangs up: an
     * oversized answer that costs the test no memory.
     */
    public WebSite endless(String path, String type, String head) {
        server.createContext(path, exchange -> {
            requests.add(path);
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.sendResponseHeaders(200, 0);
            byte[] spaces = new byte[64 * 1024];
            java.util.Arrays.fill(spaces, (byte) ' ');
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(head.getBytes(StandardCharsets.UTF_8));
                while (!Thread.currentThread().isInterrupted()) {
                    out.write(spaces);
                }
            } catch (IOException hungUp) {
                // the client stopped reading, as it should
            }
        });
        return this;
    }

    /**
     * A page whose first answer sends its headers and half its body, then stalls for {@code millis}; later answers are
     * whole. A client must cut the stalled body off and ask again.
     */
    public WebSite stallsMidBodyOnce(String path, String html, long millis) {
        java.util.concurrent.atomic.AtomicBoolean first = new java.util.concurrent.atomic.AtomicBoolean(true);
        server.createContext(path, exchange -> {
            requests.add(path);
            byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=UTF-8");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                if (first.getAndSet(false)) {
                    out.write(bytes, 0, bytes.length / 2);
                    out.flush();
                    Thread.sleep(millis);
                    out.write(bytes, bytes.length / 2, bytes.length - bytes.length / 2);
                } else {
                    out.write(bytes);
                }
            } catch (IOException | InterruptedException hungUp) {
                // the client gave up on the stalled body, as it should
            }
        });
        return this;
    }

    /** Paths requested, in order. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    /** A request header of the last request to a path. */
    public String lastHeader(String path, String header) {
        return lastHeaders.get(path + " " + header.toLowerCase(java.util.Locale.ROOT));
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        requests.add(path);
        exchange.getRequestHeaders().forEach((k, v) -> lastHeaders.put(path + " " + k.toLowerCase(java.util.Locale.ROOT),
                v.get(0)));
        Page page = pages.getOrDefault(path, Page.of(404, "text/html", "<html><body>Not Found</body></html>"));
        String etag = page.headers().get("ETag");
        if (etag != null && etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
            exchange.sendResponseHeaders(304, -1);
            exchange.close();
            return;
        }
        if (page.stallMillis() > 0) {
            try {
                Thread.sleep(page.stallMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        page.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        exchange.sendResponseHeaders(page.status(), page.body().length == 0 ? -1 : page.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(page.body());
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
