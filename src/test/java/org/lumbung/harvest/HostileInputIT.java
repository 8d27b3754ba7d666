package org.lumbung.harvest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.lumbung.http.HostQueues;
import org.lumbung.http.HttpFetcher;
import org.lumbung.http.HttpOptions;
import org.lumbung.http.RetryPolicy;
import org.lumbung.testing.WebSite;
import org.lumbung.testing.WebSite.Page;
import org.lumbung.xml.XmlTreeReader;

/**
 * Hostile OAI-PMH answers, served by a real HTTP server on 127.0.0.1 and read as a harvest reads them
 * ({@link HttpFetcher}, then {@link OaiClient} and {@link OaiPageParser}): each is refused with an error naming the
 * source, the URL (and the record, where there is one) and the reason, or its record alone goes to the dead letters,
 * within bounded memory. Memory is measured as the bytes the harvesting thread allocates (the JDK's per-thread
 * counter), which a parser that expanded entities or read past a limit would blow through; and the class runs in a
 * JVM of its own with a 256 MB heap (the pom's small-heap execution), where a gigabyte bomb read whole would fail. The
 * timeout is a guard against a hang, not a speed test.
 */
@Tag("small-heap")
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class HostileInputIT {

    private static final long LIMIT = 16L << 20;
    private static final String DC = "<oai_dc:dc xmlns:oai_dc=\"http://www.openarchives.org/OAI/2.0/oai_dc/\""
            + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\">";

    private static OaiClient client(String baseUrl) {
        return client(baseUrl, LIMIT);
    }

    private static OaiClient client(String baseUrl, long maxBytes) {
        HttpFetcher fetcher = new HttpFetcher(new HttpOptions(Duration.ofSeconds(2), Duration.ofSeconds(20), "Lumbung/test",
                null), new RetryPolicy(1, Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofSeconds(1)),
                new HostQueues(1, Duration.ZERO), maxBytes);
        return new OaiClient(fetcher, new HarvestRequest("hostile", baseUrl, "oai_dc", null, null, null),
                new HarvestCounters(), 0);
    }

    private static String record(String id, String metadata) {
        return "<record><header><identifier>" + id + "</identifier><datestamp>2026-01-01</datestamp></header>"
                + "<metadata>" + DC + metadata + "</oai_dc:dc></metadata></record>";
    }

    private static String listRecords(String doctype, String... records) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + doctype
                + "<OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\"><responseDate>2026-01-01T00:00:00Z"
                + "</responseDate><request verb=\"ListRecords\">http://127.0.0.1/oai</request><ListRecords>"
                + String.join("", records) + "</ListRecords></OAI-PMH>";
    }

    private static Page xml(String body) {
        return new Page(200, Map.of("Content-Type", "text/xml; charset=UTF-8"), body.getBytes(StandardCharsets.UTF_8), 0);
    }

    /** Bytes allocated by this thread while the action runs. */
    private static long allocated(ThrowingRunnable action) throws Exception {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        action.run();
        return threads.getCurrentThreadAllocatedBytes() - before;
    }

    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Test
    void externalEntitiesAreNeverResolvedNeitherFilesNorAddresses(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-ON-THE-HARVESTER");
        try (WebSite attacker = new WebSite(); WebSite repository = new WebSite()) {
            attacker.page("/evil.dtd", Page.of(200, "application/xml-dtd", "<!ENTITY leak \"LEAKED\">"));
            String file = "<!DOCTYPE OAI-PMH [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>";
            String http = "<!DOCTYPE OAI-PMH [<!ENTITY y SYSTEM \"" + attacker.url("/steal") + "\">"
                    + "<!ENTITY % p SYSTEM \"" + attacker.url("/evil.dtd") + "\"> %p;]>";
            String external = "<!DOCTYPE OAI-PMH SYSTEM \"" + attacker.url("/evil.dtd") + "\">";
            repository.page("/file", xml(listRecords(file, record("oai:h:1", "<dc:title>&x;</dc:title>"))));
            repository.page("/http", xml(listRecords(http, record("oai:h:2", "<dc:title>&y;&leak;</dc:title>"))));
            repository.page("/external", xml(listRecords(external, record("oai:h:3", "<dc:title>&leak;</dc:title>"))));
            // Without an XML declaration the DTD comes first: it must not be skipped as debris before the XML.
            repository.page("/bare", xml(listRecords(file, record("oai:h:4", "<dc:title>&x;</dc:title>"))
                    .replaceFirst("^<\\?xml[^>]*\\?>", "")));
            for (String path : new String[] {"/file", "/http", "/external", "/bare"}) {
                String url = repository.url(path);
                assertThatThrownBy(() -> client(url).list(url)).isInstanceOf(HarvestException.class)
                        .hasMessage("source hostile: refused: the response declares a DTD (<!DOCTYPE>), which OAI-PMH "
                                + "responses never do; its entities are not resolved (" + url + ")")
                        .hasMessageNotContaining("TOP-SECRET").hasMessageNotContaining("LEAKED");
            }
            assertThat(attacker.requests()).as("the attacker's server is never asked").isEmpty();
        }
    }

    /** A billion laughs: a DTD whose &lol9; is 3,000,000,000 characters once expanded. */
    static String laughs() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE OAI-PMH [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        return dtd.append("]>").toString();
    }

    @Test
    void entityExpansionIsRefusedBeforeAnyEntityIsExpanded() throws Exception {
        try (WebSite repository = new WebSite()) {
            repository.page("/oai", xml(listRecords(laughs(), record("oai:h:1", "<dc:title>&lol9;</dc:title>"))));
            String url = repository.url("/oai");
            OaiClient client = client(url);
            long bytes = allocated(() -> assertThatThrownBy(() -> client.list(url))
                    .hasMessageContaining("source hostile: refused: the response declares a DTD"));
            // Expanded, &lol9; would be 3,000,000,000 characters.
            assertThat(bytes).as("bytes allocated").isLessThan(32L << 20);
        }
    }

    @Test
    void aRecordNestedAHundredThousandDeepGoesToTheDeadLettersAndTheOthersAreKept() throws Exception {
        String deep = "<dc:title>" + "<i>".repeat(100_000) + "deep" + "</i>".repeat(100_000) + "</dc:title>";
        try (WebSite repository = new WebSite()) {
            repository.page("/oai", xml(listRecords("", record("oai:h:1", "<dc:title>Fine</dc:title>"),
                    record("oai:h:2", deep), record("oai:h:3", "<dc:title>Also fine</dc:title>"))));
            String url = repository.url("/oai");
            OaiClient.ListPage[] page = new OaiClient.ListPage[1];
            long bytes = allocated(() -> page[0] = client(url).list(url));
            assertThat(page[0].page().records()).extracting(r -> r.header().identifier()).containsExactly("oai:h:1", "oai:h:3");
            assertThat(page[0].broken()).singleElement().satisfies(broken -> {
                assertThat(broken.identifier()).isEqualTo("oai:h:2");
                assertThat(broken.reason()).isEqualTo("malformed XML: in record oai:h:2: elements nested deeper than 256 "
                        + "levels (at <i>)");
            });
            assertThat(bytes).as("bytes allocated for a 700 KB page").isLessThan(64L << 20);
        }
    }

    @Test
    void aHugeTextNodeGoesToTheDeadLettersNamingTheRecordAndTheOthersAreKept() throws Exception {
        try (WebSite repository = new WebSite()) {
            repository.page("/text", hugeTextPage());
            String url = repository.url("/text");
            OaiClient client = client(url, 4 * LIMIT);
            OaiClient.ListPage[] page = new OaiClient.ListPage[1];
            long bytes = allocated(() -> page[0] = client.list(url));
            assertThat(page[0].page().records()).extracting(r -> r.header().identifier()).containsExactly("oai:h:0", "oai:h:2");
            assertThat(page[0].broken()).singleElement().satisfies(broken -> assertThat(broken.reason())
                    .isEqualTo("malformed XML: in record oai:h:1: more than 16777216 characters of text in one record"));
            // Allocated, mostly garbage: the page is read three times (the page, its salvage, the record alone), each
            // time decoded, sanitized and parsed with copies. About 45 bytes per byte of page; linear, and the page is
            // capped by lumbung.http-client.max-bytes.
            assertThat(bytes).as("bytes allocated for a 16 MB page").isLessThan(64 * (16L << 20));
        }
    }

    /** Record oai:h:1 holds one text node of more characters than a record may have, between two fine records. */
    private static Page hugeTextPage() {
        return xml(listRecords("", record("oai:h:0", "<dc:title>Fine</dc:title>"), record("oai:h:1", "<dc:description>"
                + "x".repeat(XmlTreeReader.MAX_CHARACTERS + 1) + "</dc:description>"),
                record("oai:h:2", "<dc:title>Also fine</dc:title>")));
    }

    @Test
    void aRecordOfTooManyElementsGoesToTheDeadLetters() throws Exception {
        try (WebSite repository = new WebSite()) {
            repository.page("/wide", xml(listRecords("", record("oai:h:1", "<dc:subject/>".repeat(XmlTreeReader.MAX_ELEMENTS)),
                    record("oai:h:2", "<dc:title>Fine</dc:title>"))));
            String url = repository.url("/wide");
            OaiClient.ListPage page = client(url).list(url);
            assertThat(page.page().records()).extracting(r -> r.header().identifier()).containsExactly("oai:h:2");
            assertThat(page.broken()).singleElement().satisfies(broken -> assertThat(broken.reason())
                    .isEqualTo("malformed XML: in record oai:h:1: more than 200000 elements in one record"));
        }
    }

    /** Woodstox refuses an attribute value over 512 K characters: the record is named, its neighbours are kept. */
    @Test
    void anAttributeOfSixHundredThousandCharactersGoesToTheDeadLettersNamingTheRecord() throws Exception {
        try (WebSite repository = new WebSite()) {
            repository.page("/attr", xml(listRecords("", record("oai:h:1", "<dc:title>Fine</dc:title>"),
                    record("oai:h:2", "<dc:title xml:lang=\"" + "x".repeat(600_000) + "\">Long</dc:title>"),
                    record("oai:h:3", "<dc:title>Also fine</dc:title>"))));
            String url = repository.url("/attr");
            OaiClient.ListPage page = client(url).list(url);
            assertThat(page.page().records()).extracting(r -> r.header().identifier()).containsExactly("oai:h:1", "oai:h:3");
            assertThat(page.page().records().get(1).metadataXml()).contains("Also fine");
            assertThat(page.broken()).singleElement().satisfies(broken -> {
                assertThat(broken.identifier()).isEqualTo("oai:h:2");
                assertThat(broken.reason())
                        .isEqualTo("malformed XML: in record oai:h:2: Maximum attribute size limit (524288) exceeded");
            });
        }
    }

    @Test
    void anIdentifierOfAMegabyteIsRefusedAndNeverAskedFor() throws Exception {
        try (WebSite repository = new WebSite()) {
            repository.page("/oai", xml(listRecords("", record("oai:h:" + "1".repeat(1 << 20),
                    "<dc:title>Fine</dc:title>"), record("oai:h:2", "<dc:title>Fine</dc:title>"))));
            String url = repository.url("/oai");
            OaiClient client = client(url);
            OaiClient.ListPage page = client.list(url);
            assertThat(page.page().records()).extracting(r -> r.header().identifier()).containsExactly("oai:h:2");
            assertThat(page.broken()).singleElement().satisfies(broken -> {
                assertThat(broken.identifier()).as("no identifier, so no GetRecord of a 1 MB URL").isNull();
                assertThat(broken.reason()).isEqualTo("malformed XML: more than 65536 characters of text in <identifier>");
            });
        }
    }

    @Test
    void aGzipBombStopsAtTheSizeLimit() throws Exception {
        try (WebSite repository = new WebSite()) {
            Page bomb = Page.gzipBomb("text/xml", "<?xml version=\"1.0\"?><OAI-PMH>", 1024);
            repository.page("/oai", bomb);
            String url = repository.url("/oai");
            long bytes = allocated(() -> assertThatThrownBy(() -> client(url).list(url)).isInstanceOf(HarvestException.class)
                    .hasMessage("source hostile: the answer is larger than 16777216 bytes (lumbung.http-client.max-bytes)"
                            + " (" + url + ")"));
            assertThat(bomb.body().length).as("the bomb: 1 GiB in").isLessThan(2 << 20);
            assertThat(bytes).as("bytes allocated: the limit and the buffers that grew to it").isLessThan(4 * LIMIT);
        }
    }

    @Test
    void anAnswerThatNeverEndsIsRefusedAtTheLimit() throws Exception {
        try (WebSite repository = new WebSite()) {
            repository.endless("/oai", "text/xml", listRecords("", record("oai:h:1", "<dc:title>Fine</dc:title>"))
                    .replace("</ListRecords></OAI-PMH>", ""));
            String url = repository.url("/oai");
            OaiClient client = client(url, 4 << 20);
            long bytes = allocated(() -> assertThatThrownBy(() -> client.list(url))
                    .hasMessage("source hostile: the answer is larger than 4194304 bytes (lumbung.http-client.max-bytes)"
                            + " (" + url + ")"));
            assertThat(bytes).as("bytes allocated for an endless answer with a 4 MB limit").isLessThan(24L << 20);
        }
    }

    @Test
    void aRedirectLoopIsRefusedNamingEveryAddressInIt() throws Exception {
        try (WebSite repository = new WebSite()) {
            repository.page("/a", Page.redirect(repository.url("/b"))).page("/b", Page.redirect(repository.url("/a")));
            String url = repository.url("/a");
            assertThatThrownBy(() -> client(url).list(url)).isInstanceOf(HarvestException.class)
                    .hasMessage("source hostile: redirect loop: " + url + " -> " + repository.url("/b") + " -> " + url
                            + " (" + url + ")");
            assertThat(repository.requests()).containsExactly("/a", "/b");
        }
    }

    @Test
    void redirectsThatNeverEndStopAfterTen() throws Exception {
        try (WebSite repository = new WebSite()) {
            for (int i = 0; i < 20; i++) {
                repository.page("/r" + i, Page.redirect(repository.url("/r" + (i + 1))));
            }
            String url = repository.url("/r0");
            assertThatThrownBy(() -> client(url).list(url)).isInstanceOf(HarvestException.class)
                    .hasMessage("source hostile: more than 10 redirects from " + url + " (" + url + ")");
            assertThat(repository.requests()).hasSize(HttpFetcher.MAX_REDIRECTS + 1);
        }
    }
}
