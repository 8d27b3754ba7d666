package org.lumbung.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Function;
import java.util.zip.GZIPOutputStream;

/**
 * A programmable OAI-PMH repository on 127.0.0.1: records in memory, served by verb with from/until/set filtering in
 * the repository's granularity and resumption tokens (which carry {@code /}, {@code +}, {@code =} and spaces, like
 * DSpace's). Quirks of real repositories are switched on per test: ignoring from, refusing tokens, answering 5xx or
 * 503 with Retry-After, stalling, resetting connections, corrupting or truncating pages, gzip without saying so.
 */
public final class FakeRepository implements AutoCloseable {

    /** A record of the fake repository. */
    public record Item(String identifier, Instant datestamp, boolean deleted, String title, String set) {
    }

    /** What a fault does to the normal answer instead of replacing it. */
    public enum Damage {
        /** No damage: the fault replaces the answer (or passes, or stalls before it). */
        NONE,
        /** Announces the whole length, sends half, and drops the connection. */
        DROP_MID_BODY,
        /** Sends the first half of the XML as a whole answer without Content-Length (chunked), as a crashed PHP does. */
        CUT_XML,
        /** Sends the headers and half the body, stalls for {@code stallMillis}, then the rest. */
        STALL_MID_BODY
    }

    /** A scripted answer that replaces (or damages) the normal one for one request. */
    public record Fault(int status, Map<String, String> headers, String body, long stallMillis, boolean reset,
                        Damage damage) {
        public Fault(int status, Map<String, String> headers, String body, long stallMillis, boolean reset) {
            this(status, headers, body, stallMillis, reset, Damage.NONE);
        }

        public static Fault status(int status) {
            return new Fault(status, Map.of(), "<html><body>error " + status + "</body></html>", 0, false);
        }

        /** Any answer: a status, headers (a Content-Type among them replaces text/xml) and a body. */
        public static Fault answer(int status, Map<String, String> headers, String body) {
            return new Fault(status, headers, body, 0, false);
        }

        public static Fault retryAfter(int status, String value) {
            return new Fault(status, Map.of("Retry-After", value), "busy", 0, false);
        }

        public static Fault stall(long millis) {
            return new Fault(0, Map.of(), null, millis, false);
        }

        public static Fault connectionReset() {
            return new Fault(0, Map.of(), null, 0, true);
        }

        public static Fault body(String xml) {
            return new Fault(200, Map.of(), xml, 0, false);
        }

        /** The normal answer (to let requests through before the faults that follow). */
        public static Fault pass() {
            return new Fault(-1, Map.of(), null, 0, false);
        }

        /** The normal answer, its connection dropped half way through the body (Content-Length announced). */
        public static Fault dropMidBody() {
            return new Fault(-2, Map.of(), null, 0, false, Damage.DROP_MID_BODY);
        }

        /** The first half of the normal answer's XML, sent as a complete answer without Content-Length. */
        public static Fault cutXml() {
            return new Fault(-2, Map.of(), null, 0, false, Damage.CUT_XML);
        }

        /** The normal answer, stalling this long after its headers and half its body. */
        public static Fault stallMidBody(long millis) {
            return new Fault(-2, Map.of(), null, millis, false, Damage.STALL_MID_BODY);
        }
    }

    private final HttpServer server;
    private final List<Item> items = Collections.synchronizedList(new ArrayList<>());
    private final List<String> queries = Collections.synchronizedList(new ArrayList<>());
    private final Deque<Fault> faults = new ConcurrentLinkedDeque<>();
    private volatile boolean seconds;
    private volatile int pageSize = 3;
    private volatile boolean ignoreFrom;
    private volatile String deletedRecord = "persistent";
    private volatile boolean gzipUnannounced;
    private volatile Function<String, String> pageFilter = Function.identity();
    private volatile String refuseTokensContaining;
    private volatile int refuseTokensTimes;
    private volatile boolean tokenAsServerError;
    private volatile int tooManyAbove = Integer.MAX_VALUE;
    private volatile String brokenRecord;
    private volatile boolean brokenInGetRecord;
    private volatile boolean consumingTokens;
    private volatile boolean rewindOnRepeat;
    private volatile int announceExtra;
    private final java.util.Set<String> hiddenOnce = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final java.util.concurrent.atomic.AtomicInteger generation = new java.util.concurrent.atomic.AtomicInteger();
    private final Map<String, Integer> tokenReads = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile String refusedSet;
    private volatile String landingPages = "https://fake.example/";
    private volatile long delayMillis;
    private volatile String movedTo;
    private final java.util.concurrent.atomic.AtomicInteger beforeMove = new java.util.concurrent.atomic.AtomicInteger();

    private final String path;
    private final FakeHost host;

    public FakeRepository() {
        this("/oai");
    }

    /** A repository answering at this path (OJS: /index.php/journal/oai, DSpace: /server/oai/request...). */
    public FakeRepository(String path) {
        this.path = path;
        this.host = null;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        mount();
        server.start();
    }

    /** One of the repositories of a host (a university server hosting many journals), at this path. */
    public FakeRepository(FakeHost host, String path) {
        this.path = path;
        this.host = host;
        this.server = host.server();
        mount();
    }

    private void mount() {
        server.createContext(path, this::handle);
        // An old address that now redirects (http to https moves, OJS path changes) keeps working through the redirect.
        server.createContext("/moved" + path, exchange -> {
            String query = exchange.getRequestURI().getRawQuery();
            exchange.getResponseHeaders().set("Location", baseUrl() + (query == null ? "" : "?" + query));
            exchange.sendResponseHeaders(301, -1);
            exchange.close();
        });
    }

    public String baseUrl() {
        return root() + path;
    }

    /** An address that answers 301 to the real base URL. */
    public String movedUrl() {
        return root() + "/moved" + path;
    }

    /** The most requests this repository ever served at the same time. */
    public int maxConcurrent() {
        return maxInFlight.get();
    }

    /** The server's address without the path. */
    public String root() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The document ids of records {@code from..to} harvested as source {@code fake}. */
    public static java.util.List<String> documentIds(int from, int to) {
        return java.util.stream.IntStream.rangeClosed(from, to).mapToObj(i -> "fake:oai:fake:" + i).toList();
    }

    /** The OAI identifiers of records {@code from..to}, in order. */
    public static java.util.SortedSet<String> identifiers(int from, int to) {
        return java.util.stream.IntStream.rangeClosed(from, to).mapToObj(i -> "oai:fake:" + i)
                .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
    }

    /** The record offset one of its resumption tokens ({@code fake/+<offset>/from/until/set}) continues at. */
    public static int tokenOffset(String token) {
        return Integer.parseInt(token.split("/")[1].replace("+", ""));
    }

    /** n records, one a day from the given day, identifiers {@code oai:fake:1..n}. */
    public FakeRepository records(int n, String firstDay) {
        Instant day = LocalDate.parse(firstDay).atStartOfDay(ZoneOffset.UTC).toInstant();
        for (int i = 1; i <= n; i++) {
            items.add(new Item("oai:fake:" + i, day.plus(i - 1, ChronoUnit.DAYS).plusSeconds(3600), false,
                    "Record number " + i, "set" + (i % 2)));
        }
        return this;
    }

    /**
     * Where its records' landing pages live (their dc:identifier): records of two repositories with the same pages
     * are one work, merged into one document.
     */
    public FakeRepository landingPages(String base) {
        landingPages = base;
        return this;
    }

    public FakeRepository add(Item item) {
        items.add(item);
        return this;
    }

    public void remove(String identifier) {
        items.removeIf(i -> i.identifier().equals(identifier));
    }

    public List<Item> items() {
        return List.copyOf(items);
    }

    public FakeRepository pageSize(int n) {
        pageSize = n;
        return this;
    }

    public FakeRepository secondsGranularity() {
        seconds = true;
        return this;
    }

    public FakeRepository ignoreFrom() {
        ignoreFrom = true;
        return this;
    }

    public FakeRepository deletedRecord(String value) {
        deletedRecord = value;
        return this;
    }

    public FakeRepository gzipWithoutSaying() {
        gzipUnannounced = true;
        return this;
    }

    /** Rewrites the XML of every list page before it is sent (to corrupt or truncate it). */
    public FakeRepository pageFilter(Function<String, String> filter) {
        pageFilter = filter;
        return this;
    }

    /** Answers badResumptionToken (or 500) to tokens containing the text, the given number of times. */
    public FakeRepository refuseTokens(String containing, int times, boolean asServerError) {
        refuseTokensContaining = containing;
        refuseTokensTimes = times;
        tokenAsServerError = asServerError;
        return this;
    }

    /** Answers 500 to a list request whose window holds more than n records (a server that times out on them). */
    public FakeRepository tooManyAbove(int n) {
        tooManyAbove = n;
        return this;
    }

    /** Writes this record's title with an unescaped {@code <}, in lists (and in GetRecord too, if asked). */
    public FakeRepository brokenRecord(String identifier, boolean alsoInGetRecord) {
        brokenRecord = identifier;
        brokenInGetRecord = alsoInGetRecord;
        return this;
    }

    /** Answers every list request for this set with an OAI-PMH error (a set the repository cannot serve). */
    public FakeRepository refuseSet(String setSpec) {
        refusedSet = setSpec;
        return this;
    }

    /** Every answer waits this long before it is sent (a slow repository, to act on a harvest while it goes on). */
    public FakeRepository delay(long millis) {
        delayMillis = millis;
        return this;
    }

    /**
     * Resumption tokens that are spent when read, as a scroll is: a token asked a second time answers with the page
     * after the one it first gave (several repository platforms and proxies page this way).
     */
    public FakeRepository consumingTokens() {
        consumingTokens = true;
        return this;
    }

    /** A token asked a second time answers with the page before the one it first gave (a server that rewinds). */
    public FakeRepository rewindOnRepeat() {
        rewindOnRepeat = true;
        return this;
    }

    /** completeListSize says this many records more than the list holds (a server counting what it does not serve). */
    public FakeRepository announceExtra(int extra) {
        announceExtra = extra;
        return this;
    }

    /** The next list leaves this record out while still counting it in completeListSize; later lists serve it. */
    public FakeRepository hideOnce(String identifier) {
        hiddenOnce.add(identifier);
        return this;
    }

    /**
     * After this many more requests, answers every request with a 301 to the same query at {@code newBase}, as a
     * repository that moved does (mid-list too: its resumption tokens are good at the new address).
     */
    public FakeRepository movesTo(String newBase, int after) {
        beforeMove.set(after);
        movedTo = newBase;
        return this;
    }

    /** Scripted answers, used one per request before normal service resumes. */
    public FakeRepository fault(Fault... scripted) {
        faults.addAll(List.of(scripted));
        return this;
    }

    public void clearFaults() {
        faults.clear();
    }

    public List<String> queries() {
        return List.copyOf(queries);
    }

    public void clearQueries() {
        queries.clear();
    }

    private final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger maxInFlight = new java.util.concurrent.atomic.AtomicInteger();

    private void handle(HttpExchange exchange) throws IOException {
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        if (host != null) {
            host.entered(path);
        }
        try {
            serve(exchange);
        } finally {
            // Before the exchange is closed: the server reads a connection's next request only after that, so a
            // client that sends it as soon as the body is in is never counted twice.
            inFlight.decrementAndGet();
            if (host != null) {
                host.left();
            }
            exchange.close();
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        String query = exchange.getRequestURI().getRawQuery();
        queries.add(query);
        if (delayMillis > 0) {
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        String moved = movedTo;
        if (moved != null && beforeMove.getAndDecrement() <= 0) {
            exchange.getResponseHeaders().set("Location", moved + (query == null ? "" : "?" + query));
            exchange.sendResponseHeaders(301, -1);
            return;
        }
        Fault fault = faults.poll();
        try {
            if (fault != null && apply(fault, exchange)) {
                return;
            }
            Map<String, String> params = OaiTestServer.decode(query);
            int[] status = {200};
            String xml = answer(params, status);
            if (fault != null && fault.damage() != Damage.NONE) {
                sendDamaged(exchange, fault, xml);
                return;
            }
            send(exchange, status[0], xml, Map.of());
        } catch (RuntimeException e) {
            send(exchange, 500, "internal error: " + e, Map.of());
        }
    }

    /** True when the fault answered the request itself. */
    private boolean apply(Fault fault, HttpExchange exchange) throws IOException {
        if (fault.status() == -1 || fault.damage() != Damage.NONE) {
            return false;
        }
        if (fault.stallMillis() > 0) {
            try {
                Thread.sleep(fault.stallMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return false;
        }
        if (fault.reset()) {
            exchange.close();
            return true;
        }
        send(exchange, fault.status(), fault.body(), fault.headers());
        return true;
    }

    private static void sendDamaged(HttpExchange exchange, Fault fault, String xml) throws IOException {
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        int half = bytes.length / 2;
        exchange.getResponseHeaders().set("Content-Type", "text/xml; charset=UTF-8");
        switch (fault.damage()) {
            case CUT_XML -> {
                exchange.sendResponseHeaders(200, 0);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes, 0, half);
                }
            }
            case DROP_MID_BODY -> {
                exchange.sendResponseHeaders(200, bytes.length);
                OutputStream out = exchange.getResponseBody();
                out.write(bytes, 0, half);
                out.flush();
                // A handler that throws makes the JDK server close the connection: the client sees the body end early.
                throw new IOException("connection dropped half way through the body, on purpose");
            }
            case STALL_MID_BODY -> {
                exchange.sendResponseHeaders(200, bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes, 0, half);
                    out.flush();
                    Thread.sleep(fault.stallMillis());
                    out.write(bytes, half, bytes.length - half);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (IOException gone) {
                    // the client gave up on the stalled body and closed the connection: as it should
                }
            }
            default -> throw new IllegalStateException("not a damage: " + fault.damage());
        }
    }

    private void send(HttpExchange exchange, int status, String body, Map<String, String> headers) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (gzipUnannounced && status == 200) {
            ByteArrayOutputStream zipped = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
                gz.write(bytes);
            }
            bytes = zipped.toByteArray();
        }
        exchange.getResponseHeaders().set("Content-Type", "text/xml; charset=UTF-8");
        headers.forEach((k, v) -> exchange.getResponseHeaders().set(k, v)); // a fault's own Content-Type wins
        exchange.sendResponseHeaders(status, bytes.length);
        OutputStream out = exchange.getResponseBody();
        out.write(bytes);
        out.flush(); // the exchange is closed in handle(), once this request no longer counts as in flight
    }

    private String answer(Map<String, String> p, int[] status) {
        String verb = p.getOrDefault("verb", "");
        return switch (verb) {
            case "Identify" -> envelope(verb, "<Identify><repositoryName>Fake Repository</repositoryName><baseURL>"
                    + baseUrl() + "</baseURL><protocolVersion>2.0</protocolVersion><adminEmail>admin@fake.example"
                    + "</adminEmail><earliestDatestamp>" + format(earliest()) + "</earliestDatestamp><deletedRecord>"
                    + deletedRecord + "</deletedRecord><granularity>" + (seconds ? "YYYY-MM-DDThh:mm:ssZ" : "YYYY-MM-DD")
                    + "</granularity></Identify>");
            case "ListMetadataFormats" -> envelope(verb, "<ListMetadataFormats><metadataFormat><metadataPrefix>oai_dc"
                    + "</metadataPrefix><schema>http://www.openarchives.org/OAI/2.0/oai_dc.xsd</schema><metadataNamespace>"
                    + "http://www.openarchives.org/OAI/2.0/oai_dc/</metadataNamespace></metadataFormat></ListMetadataFormats>");
            case "ListSets" -> envelope(verb, "<ListSets><set><setSpec>set0</setSpec><setName>Even</setName></set>"
                    + "<set><setSpec>set1</setSpec><setName>Odd</setName></set></ListSets>");
            case "GetRecord" -> getRecord(p.get("identifier"));
            case "ListRecords", "ListIdentifiers" -> list(verb, p, status);
            default -> envelope(verb, "<error code=\"badVerb\">Illegal verb</error>");
        };
    }

    private String getRecord(String identifier) {
        return items.stream().filter(i -> i.identifier().equals(identifier)).findFirst()
                .map(i -> envelope("GetRecord", "<GetRecord>" + record(i, brokenInGetRecord) + "</GetRecord>"))
                .orElse(envelope("GetRecord", "<error code=\"idDoesNotExist\">No such record</error>"));
    }

    private String list(String verb, Map<String, String> p, int[] status) {
        String token = p.get("resumptionToken");
        String from = p.get("from");
        String until = p.get("until");
        String set = p.get("set");
        int offset = 0;
        if (token != null) {
            if (refuseTokensContaining != null && token.contains(refuseTokensContaining) && refuseTokensTimes > 0) {
                refuseTokensTimes--;
                if (tokenAsServerError) {
                    status[0] = 500;
                    return "<html><body>Internal Server Error</body></html>";
                }
                return envelope(verb, "<error code=\"badResumptionToken\">The token has expired</error>");
            }
            String[] parts = token.split("/", -1);
            if (parts.length < 5 || parts.length > 6 || !parts[0].equals("fake")) {
                return envelope(verb, "<error code=\"badResumptionToken\">Unknown token</error>");
            }
            offset = Integer.parseInt(parts[1].replace("+", ""));
            int reads = tokenReads.merge(token, 1, Integer::sum);
            if (consumingTokens) {
                offset += (reads - 1) * pageSize;
            } else if (rewindOnRepeat && reads > 1) {
                offset = Math.max(0, offset - pageSize);
            }
            from = parts[2].isEmpty() ? null : parts[2];
            until = parts[3].isEmpty() ? null : parts[3];
            set = parts[4].isEmpty() ? null : parts[4];
        }
        if (set != null && set.equals(refusedSet)) {
            return envelope(verb, "<error code=\"badArgument\">set " + set + " cannot be listed now</error>");
        }
        List<Item> matching = matching(from, until, set);
        int announced = matching.size() + announceExtra;
        if (!hiddenOnce.isEmpty()) {
            matching = matching.stream().filter(i -> !hiddenOnce.contains(i.identifier())).toList();
        }
        String gen = token == null ? String.valueOf(generation.incrementAndGet())
                : token.split("/", -1).length == 6 ? token.split("/", -1)[5] : null;
        if (matching.size() > tooManyAbove) {
            status[0] = 500;
            return "<html><body>Proxy timeout</body></html>";
        }
        if (matching.isEmpty()) {
            return envelope(verb, "<error code=\"noRecordsMatch\">No records match</error>");
        }
        StringBuilder body = new StringBuilder("<" + verb + ">");
        offset = Math.min(offset, matching.size());
        int end = Math.min(offset + pageSize, matching.size());
        if (end == matching.size()) {
            hiddenOnce.clear(); // the list that left them out has ended: the next one serves them
        }
        for (Item item : matching.subList(offset, end)) {
            body.append(verb.equals("ListIdentifiers") ? header(item) : record(item, true));
        }
        if (end < matching.size()) {
            String next = token(end, from, until, set) + (consumingTokens ? "/" + gen : "");
            body.append("<resumptionToken completeListSize=\"").append(announced).append("\" cursor=\"")
                    .append(offset).append("\">").append(escape(next)).append("</resumptionToken>");
        } else if (token != null) {
            body.append("<resumptionToken completeListSize=\"").append(announced).append("\" cursor=\"")
                    .append(offset).append("\"/>");
        }
        body.append("</").append(verb).append(">");
        String xml = envelope(verb, body.toString());
        return verb.equals("ListRecords") ? pageFilter.apply(xml) : xml;
    }

    /** Tokens carry a '+' and slashes, as DSpace's do. */
    private static String token(int offset, String from, String until, String set) {
        return "fake/+" + offset + "/" + (from == null ? "" : from) + "/" + (until == null ? "" : until) + "/"
                + (set == null ? "" : set);
    }

    private List<Item> matching(String from, String until, String set) {
        Instant f = from == null || ignoreFrom ? null : parse(from, false);
        Instant u = until == null || ignoreFrom ? null : parse(until, true);
        List<Item> out = new ArrayList<>();
        synchronized (items) {
            for (Item item : items) {
                Instant d = item.datestamp().truncatedTo(seconds ? ChronoUnit.SECONDS : ChronoUnit.DAYS);
                if ((f == null || !d.isBefore(f)) && (u == null || !d.isAfter(u)) && (set == null || set.equals(item.set()))) {
                    out.add(item);
                }
            }
        }
        out.sort(java.util.Comparator.comparing(Item::datestamp).thenComparing(Item::identifier));
        return out;
    }

    private Instant parse(String value, boolean end) {
        if (value.length() == 10) {
            Instant day = LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            return day;
        }
        return Instant.parse(value);
    }

    private Instant earliest() {
        synchronized (items) {
            return items.stream().map(Item::datestamp).min(Instant::compareTo).orElse(Instant.parse("2000-01-01T00:00:00Z"));
        }
    }

    private String format(Instant t) {
        return seconds ? t.truncatedTo(ChronoUnit.SECONDS).toString() : LocalDate.ofInstant(t, ZoneOffset.UTC).toString();
    }

    private String header(Item item) {
        return "<header" + (item.deleted() ? " status=\"deleted\"" : "") + "><identifier>" + item.identifier()
                + "</identifier><datestamp>" + format(item.datestamp()) + "</datestamp><setSpec>" + item.set()
                + "</setSpec></header>";
    }

    private String record(Item item, boolean mayBreak) {
        if (item.deleted()) {
            return "<record>" + header(item) + "</record>";
        }
        String title = mayBreak && item.identifier().equals(brokenRecord) ? "Broken < title" : escape(item.title());
        return "<record>" + header(item) + "<metadata><oai_dc:dc xmlns:oai_dc=\"http://www.openarchives.org/OAI/2.0/oai_dc/\""
                + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>" + title + "</dc:title>"
                + "<dc:identifier>" + landingPages + item.identifier().substring(9) + "</dc:identifier>"
                + "</oai_dc:dc></metadata></record>";
    }

    private String envelope(String verb, String body) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\">"
                + "<responseDate>" + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "</responseDate><request verb=\""
                + verb + "\">" + baseUrl() + "</request>" + body + "</OAI-PMH>";
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    @Override
    public void close() {
        if (host == null) {
            server.stop(0);
        } else {
            server.removeContext(path);
            server.removeContext("/moved" + path);
        }
    }
}
