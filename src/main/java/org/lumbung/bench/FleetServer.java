package org.lumbung.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The fleet's repositories, run as a process of its own ({@code main}): one HTTP server on each of the loopback
 * addresses 127.0.0.2 and up, all on the same port (Linux routes the whole of 127/8 to loopback), each answering
 * {@code /<source>/oai} from one rendered corpus after a fixed latency, as a slow university server does. It counts
 * what only a server can see: the requests each source received and the most requests ever in flight to each host.
 * {@code /stats} on any address answers those counts, one {@code host <address> <most in flight> <requests>} or
 * {@code source <address>/<source> <requests>} a line, and is not counted itself.
 */
public final class FleetServer implements AutoCloseable {

    private static final String FIRST_HOST = "127.0.0.";
    private static final int FIRST_OCTET = 2;

    private final Path corpus;
    private final long latencyMillis;
    private final List<HttpServer> servers = new ArrayList<>();
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fleet-server");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> mostInFlight = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private int port;

    private FleetServer(Path corpus, long latencyMillis) {
        this.corpus = corpus;
        this.latencyMillis = latencyMillis;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: FleetServer <rendered corpus> <hosts> <latency in ms>");
            System.exit(2);
        }
        FleetServer server = start(Path.of(args[0]), Integer.parseInt(args[1]), Long.parseLong(args[2]));
        System.out.println("port " + server.port());
        System.out.flush();
    }

    /** Listens on {@code hosts} addresses from 127.0.0.2, on a port free on the first. */
    static FleetServer start(Path corpus, int hosts, long latencyMillis) throws IOException {
        if (hosts < 1 || hosts > 250) {
            throw new IllegalArgumentException("a fleet has 1 to 250 hosts, 127.0.0.2 to 127.0.0.251");
        }
        FleetServer fleet = new FleetServer(corpus, latencyMillis);
        try {
            for (int h = 0; h < hosts; h++) {
                String host = host(h);
                HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(host), fleet.port),
                        256);
                server.createContext("/", exchange -> fleet.handle(host, exchange));
                server.setExecutor(fleet.threads);
                server.start();
                fleet.servers.add(server);
                fleet.port = server.getAddress().getPort();
            }
        } catch (IOException | RuntimeException e) {
            fleet.close();
            throw e;
        }
        return fleet;
    }

    /** The address of host h, counted from 0. */
    static String host(int h) {
        return FIRST_HOST + (FIRST_OCTET + h);
    }

    int port() {
        return port;
    }

    private void handle(String host, HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/stats")) {
                send(exchange, stats().getBytes(StandardCharsets.UTF_8), "text/plain; charset=UTF-8");
                return;
            }
            requests.computeIfAbsent(host + path, k -> new AtomicInteger()).incrementAndGet();
            AtomicInteger now = inFlight.computeIfAbsent(host, k -> new AtomicInteger());
            mostInFlight.computeIfAbsent(host, k -> new AtomicInteger()).accumulateAndGet(now.incrementAndGet(),
                    Math::max);
            byte[] body = null;
            boolean interrupted = false;
            try {
                Thread.sleep(latencyMillis);
                Path file = answer(path, PageServer.query(exchange.getRequestURI().getRawQuery()));
                if (file != null && Files.isRegularFile(file)) {
                    body = ownRecords(Files.readString(file), path.substring(1, path.lastIndexOf('/')))
                            .getBytes(StandardCharsets.UTF_8);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                interrupted = true;
            } finally {
                // Out of flight before its answer goes: a client that has read the answer may ask again at once,
                // before this thread would get back to count it out, and the two would count as in flight together.
                now.decrementAndGet();
            }
            if (interrupted) {
                exchange.sendResponseHeaders(503, -1);
            } else if (body == null) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                send(exchange, body, "text/xml; charset=UTF-8");
            }
        }
    }

    private static void send(HttpExchange exchange, byte[] body, String type) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /**
     * The source's own records: every source answers the same corpus, with its identifiers, article addresses and DOIs
     * made the source's own, so that Lumbung's merging (by DOI and address) sees distinct articles, as a real fleet's.
     */
    static String ownRecords(String page, String source) {
        return page.replace("bench.lumbung.test", source + ".bench.lumbung.test").replace("/jbench.", "/" + source + ".");
    }

    /** The file of the corpus that answers a request, or null. */
    private Path answer(String path, Map<String, String> query) {
        if (!path.matches("/[a-z0-9-]+/oai")) {
            return null;
        }
        return PageServer.answer(corpus, query);
    }

    /** The counts so far, in the form {@code /stats} answers. */
    String stats() {
        StringBuilder out = new StringBuilder();
        Map<String, Integer> byHost = new TreeMap<>();
        requests.forEach((source, n) -> byHost.merge(source.substring(0, source.indexOf('/')), n.get(), Integer::sum));
        new TreeMap<>(mostInFlight).forEach((host, most) -> out.append("host ").append(host).append(' ')
                .append(most.get()).append(' ').append(byHost.getOrDefault(host, 0)).append('\n'));
        new TreeMap<>(requests).forEach((source, n) -> out.append("source ").append(source).append(' ')
                .append(n.get()).append('\n'));
        return out.toString();
    }

    @Override
    public void close() {
        servers.forEach(s -> s.stop(0));
        threads.shutdownNow();
    }
}
