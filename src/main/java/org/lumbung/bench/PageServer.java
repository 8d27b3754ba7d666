package org.lumbung.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * The benchmark's repository, run as a process of its own ({@code main}) so that serving costs the harvester nothing
 * but the bytes: it answers {@code /n<records>/oai} from the corpora rendered under its folder, with no delay.
 * Identify is answered from {@code identify.xml}, ListRecords from the page its resumption token names (the first
 * without one). It prints {@code port <n>} on standard output once it listens on 127.0.0.1.
 */
public final class PageServer {

    private final Path root;

    private PageServer(Path root) {
        this.root = root;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: PageServer <folder of rendered corpora>");
            System.exit(2);
        }
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext("/", new PageServer(Path.of(args[0]))::handle);
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.start();
        System.out.println("port " + server.getAddress().getPort());
        System.out.flush();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Path file = answer(exchange.getRequestURI().getPath(), query(exchange.getRequestURI().getRawQuery()));
            if (file == null || !Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] body = Files.readAllBytes(file);
            exchange.getResponseHeaders().set("Content-Type", "text/xml; charset=UTF-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** The file that answers a request, or null. */
    private Path answer(String path, Map<String, String> query) {
        if (!path.matches("/n\\d+/oai")) {
            return null;
        }
        return answer(root.resolve(path.substring(1, path.lastIndexOf('/'))), query);
    }

    /** The file of the rendered corpus that answers an Identify or ListRecords request, or null. */
    static Path answer(Path corpus, Map<String, String> query) {
        String verb = query.getOrDefault("verb", "");
        if (verb.equals("Identify")) {
            return corpus.resolve("identify.xml");
        }
        if (!verb.equals("ListRecords")) {
            return null;
        }
        String token = query.get("resumptionToken");
        try {
            return Corpus.page(corpus, token == null ? 0 : Corpus.pageOfToken(token));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static Map<String, String> query(String raw) {
        Map<String, String> params = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return params;
    }
}
