package org.lumbung.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A real OAI-PMH endpoint on 127.0.0.1 that answers from fixture files: Identify from an OJS Identify answer, the
 * first page for a list request without a token, and the page registered for each resumption token (matched exactly,
 * after URL decoding). An unknown token gets the protocol's badResumptionToken answer. Every query string it receives is kept, in order.
 */
public final class OaiTestServer implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, byte[]> pagesByToken = new ConcurrentHashMap<>();
    private final List<String> queries = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, byte[]> pagesByVerb = new ConcurrentHashMap<>();
    private volatile byte[] firstPage;

    public OaiTestServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/oai", this::handle);
        server.start();
    }

    public static byte[] fixture(String path) {
        try (InputStream in = OaiTestServer.class.getResourceAsStream("/fixtures/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An OJS journal's list of three pages joined by resumption tokens: seven records, one of them deleted. */
    public static OaiTestServer ojsThreePages() {
        return new OaiTestServer()
                .firstPage("oai/ojs-listrecords-page1.xml")
                .page("ojs/page 2+x=1!", "oai/ojs-listrecords-page2.xml")
                .page("ojs/page 3+x=2!", "oai/ojs-listrecords-page3.xml");
    }

    public OaiTestServer firstPage(String fixture) {
        firstPage = fixture(fixture);
        return this;
    }

    /** The answer to a verb other than the list's (ListMetadataFormats, say). */
    public OaiTestServer verb(String verb, String fixture) {
        pagesByVerb.put(verb, fixture(fixture));
        return this;
    }

    public OaiTestServer page(String token, String fixture) {
        pagesByToken.put(token, fixture(fixture));
        return this;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/oai";
    }

    /** The raw query strings received, in order. */
    public List<String> queries() {
        return List.copyOf(queries);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String raw = exchange.getRequestURI().getRawQuery();
        queries.add(raw);
        Map<String, String> params = decode(raw);
        String token = params.get("resumptionToken");
        String verb = params.getOrDefault("verb", "");
        byte[] body = pagesByVerb.containsKey(verb) ? pagesByVerb.get(verb)
                : "Identify".equals(verb) ? fixture("oai/ojs-identify.xml")
                : token == null ? firstPage : pagesByToken.get(token);
        if (body == null) {
            body = fixture("oai/error-badResumptionToken.xml");
        }
        exchange.getResponseHeaders().set("Content-Type", "text/xml;charset=UTF-8");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    static Map<String, String> decode(String rawQuery) {
        Map<String, String> params = new LinkedHashMap<>();
        if (rawQuery == null) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.put(key, value);
        }
        return params;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
