package org.lumbung.index;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lumbung.crosswalk.Crosswalks;
import org.lumbung.dc.DcBatch;
import org.lumbung.dc.DcRecord;
import org.lumbung.harvest.OaiPageParser;
import org.lumbung.landing.PageRecords;
import org.lumbung.language.LanguageDetector;
import org.lumbung.pipeline.Delivery;
import org.lumbung.pipeline.Outcome;
import org.lumbung.pipeline.WorkPool;
import org.lumbung.testing.EsProxy;
import org.lumbung.testing.TestElasticsearch;

/**
 * Pages and their OAI records indexed at the same moment from two threads, in opposite orders, each batch before any
 * refresh shows the other: every article is still one document with both contributions. This is the race the
 * resolver's memory of recent writes and the conditional writes (a 409 resolved again) are for. The documents are
 * rendered on a pipeline pool of three threads that both writers share, as every harvest of a process shares it.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
class ConcurrentMergeIT {

    private static final int ARTICLES = 300;
    private static final int BATCH = 25;
    private static final LanguageDetector DETECTOR = new LanguageDetector(List.of("id", "en"), 400);

    /** Writes sent as they come (most found by a real-time get) or held in the ingester's buffer (none found yet). */
    @ParameterizedTest
    @ValueSource(longs = {20, 60_000})
    void pagesAndRecordsArrivingTogetherBecomeOneDocumentEach(long flushMillis) throws Exception {
        String prefix = TestElasticsearch.freshPrefix(ConcurrentMergeIT.class) + "-" + flushMillis;
        IndexLayout layout = new IndexLayout(prefix, 0);
        new IndexSetup(TestElasticsearch.client(), layout).ensure();
        Crosswalks crosswalks = Crosswalks.standard(DETECTOR);
        PageRecords pages = new PageRecords(DETECTOR);
        List<DcRecord> records = new ArrayList<>();
        List<DcRecord> pageRecords = new ArrayList<>();
        OaiPageParser parser = new OaiPageParser();
        for (int i = 0; i < ARTICLES; i++) {
            records.add(crosswalks.toDc("journal", parser.parseRecord(oaiRecord(i), "journal", "oai_dc")));
            String url = "https://journal.example.ac.id/index.php/j/article/view/" + i + "/" + (9000 + i);
            pageRecords.add(pages.read(url, page(i), true, "pages", url));
        }
        Outcome outcome;
        try (RecordIndexer indexer = new RecordIndexer(TestElasticsearch.client(), layout,
                new RecordIndexer.BulkOptions(flushMillis < 1000 ? 40 : 100_000, 50L << 20, 2,
                        Duration.ofMillis(flushMillis)),
                new DeadLetterStore(TestElasticsearch.client(), layout),
                new RawArchive(crosswalks, pages), WorkPool.of(3))) {
            ExecutorService threads = Executors.newFixedThreadPool(2);
            Future<Outcome> a = threads.submit(send(indexer, records));
            Future<Outcome> b = threads.submit(send(indexer, reversed(pageRecords)));
            outcome = a.get().plus(b.get());
            threads.shutdown();
        }
        assertThat(outcome.failures()).isEmpty();
        assertThat(outcome.indexed()).isEqualTo(2 * ARTICLES);

        Map<String, Map> docs = TestElasticsearch.documents(prefix + "-records");
        assertThat(docs).hasSize(ARTICLES);
        for (Map doc : docs.values()) {
            List<Map> provenance = (List<Map>) doc.get("provenance");
            assertThat(provenance).extracting(p -> p.get("sourceId")).containsExactlyInAnyOrder("journal", "pages");
            String article = ((List<String>) ((Map) doc.get("keys")).get("url")).get(0);
            assertThat(((List<String>) ((Map) doc.get("dc")).get("title")))
                    .containsExactly("Artikel nomor " + article.substring(article.lastIndexOf('/') + 1));
        }
    }

    /**
     * Another worker writes a document between this one's look-up of it and the reading of its other contributions'
     * raw records (read only for documents that hold others): the write made on the version looked up is refused as a
     * conflict and the record placed again, so the document ends with every contribution once, each with its raw.
     */
    @Test
    void aDocumentAnotherWorkerWritesWhileItsContributionsAreReadKeepsThemAll() throws Exception {
        IndexLayout layout = layout("raws");
        Crosswalks crosswalks = Crosswalks.standard(DETECTOR);
        PageRecords pages = new PageRecords(DETECTOR);
        RawArchive archive = new RawArchive(crosswalks, pages);
        OaiPageParser parser = new OaiPageParser();
        DcRecord record = crosswalks.toDc("journal", parser.parseRecord(oaiRecord(7), "journal", "oai_dc"));
        DcRecord mirror = crosswalks.toDc("mirror", parser.parseRecord(oaiRecord(7), "mirror", "oai_dc"));
        String url = "https://journal.example.ac.id/index.php/j/article/view/7/9007";
        DcRecord page = pages.read(url, page(7), true, "pages", url);
        ElasticsearchClient direct = TestElasticsearch.client();
        try (RecordIndexer first = indexer(direct, layout, archive)) {
            assertThat(first.index(new DcBatch("journal", List.of(record), List.of())).await().indexed()).isOne();
            assertThat(first.index(new DcBatch("pages", List.of(page), List.of())).await().indexed()).isOne();
        }
        AtomicInteger mgets = new AtomicInteger();
        Outcome outcome;
        int conflicts;
        // The first multi-get is the look-up by id, the second the raw records' read: the mirror lands between them.
        try (RecordIndexer other = indexer(direct, layout, archive);
             EsProxy proxy = new EsProxy(TestElasticsearch.url()).beforeRequest(
                     path -> path.endsWith("/_mget") && mgets.incrementAndGet() == 2,
                     () -> assertThat(other.index(new DcBatch("mirror", List.of(mirror), List.of())).await()
                             .indexed()).isOne());
             EsConnection es = EsConnection.open(URI.create(proxy.url()))) {
            try (RecordIndexer again = indexer(es.client(), layout, archive)) {
                outcome = again.index(new DcBatch("journal", List.of(record), List.of())).await();
            }
            conflicts = proxy.conflicts();
        }
        assertThat(outcome.failures()).isEmpty();
        assertThat(outcome.indexed()).isOne();
        assertThat(conflicts).as("the write on the version looked up, refused").isOne();
        Map<String, Map> docs = TestElasticsearch.documents(layout.recordsAlias());
        assertThat(docs).hasSize(1);
        List<Map> provenance = (List<Map>) docs.values().iterator().next().get("provenance");
        assertThat(provenance).extracting(p -> p.get("key")).containsExactlyInAnyOrder(
                "oai:journal:oai:journal:article/7", "page:" + url, "oai:mirror:oai:journal:article/7");
        assertThat(provenance).allSatisfy(p -> assertThat((String) p.get("raw")).contains("Artikel nomor 7"));
    }

    /**
     * A look-up by id takes a document's keys from doc values only where the last refresh shows the version a
     * real-time get finds. Here the page joins the record's document after a refresh, and the record is harvested
     * again before the next one: the refreshed view shows the document with the record alone, the real-time version
     * holds the page too, which must be read again and kept.
     */
    @Test
    void aRecordHarvestedAgainBeforeARefreshKeepsThePageThatJoinedItsDocumentSince() throws Exception {
        IndexLayout layout = layout("unrefreshed");
        ElasticsearchClient client = TestElasticsearch.client();
        client.indices().putSettings(p -> p.index(layout.recordsAlias())
                .settings(i -> i.refreshInterval(t -> t.time("-1"))));
        Crosswalks crosswalks = Crosswalks.standard(DETECTOR);
        PageRecords pages = new PageRecords(DETECTOR);
        DcRecord record = crosswalks.toDc("journal", new OaiPageParser().parseRecord(oaiRecord(3), "journal",
                "oai_dc"));
        String url = "https://journal.example.ac.id/index.php/j/article/view/3/9003";
        DcRecord page = pages.read(url, page(3), true, "pages", url);
        try (RecordIndexer indexer = indexer(client, layout, new RawArchive(crosswalks, pages))) {
            assertThat(indexer.index(new DcBatch("journal", List.of(record), List.of())).await().indexed()).isOne();
            client.indices().refresh(r -> r.index(layout.recordsAlias()));
            assertThat(indexer.index(new DcBatch("pages", List.of(page), List.of())).await().indexed()).isOne();
            assertThat(indexer.index(new DcBatch("journal", List.of(record), List.of())).await().indexed()).isOne();
        }
        Map<String, Map> docs = TestElasticsearch.documents(layout.recordsAlias());
        assertThat(docs).containsOnlyKeys("journal:oai:journal:article/3");
        List<Map> provenance = (List<Map>) docs.values().iterator().next().get("provenance");
        assertThat(provenance).extracting(p -> p.get("key")).containsExactlyInAnyOrder(
                "oai:journal:oai:journal:article/3", "page:" + url);
        assertThat(provenance).allSatisfy(p -> assertThat((String) p.get("raw")).contains("Artikel nomor 3"));
    }

    private static IndexLayout layout(String name) throws Exception {
        IndexLayout layout = new IndexLayout(TestElasticsearch.freshPrefix(ConcurrentMergeIT.class) + "-" + name, 0);
        new IndexSetup(TestElasticsearch.client(), layout).ensure();
        return layout;
    }

    private static RecordIndexer indexer(ElasticsearchClient client, IndexLayout layout, RawArchive archive) {
        return new RecordIndexer(client, layout, new RecordIndexer.BulkOptions(100, 5L << 20, 1,
                Duration.ofMillis(20)), new DeadLetterStore(client, layout), archive);
    }

    private static List<DcRecord> reversed(List<DcRecord> records) {
        List<DcRecord> out = new ArrayList<>(records);
        java.util.Collections.reverse(out);
        return out;
    }

    private static Callable<Outcome> send(RecordIndexer indexer, List<DcRecord> records) {
        return () -> {
            List<Delivery> deliveries = new ArrayList<>();
            for (int i = 0; i < records.size(); i += BATCH) {
                deliveries.add(indexer.index(new DcBatch("test", records.subList(i, i + BATCH), List.of())));
            }
            Outcome outcome = Outcome.NONE;
            for (Delivery d : deliveries) {
                outcome = outcome.plus(d.await());
            }
            return outcome;
        };
    }

    /** An oai_dc record of article {@code i}, its landing page's URL as its identifier. */
    static String oaiRecord(int i) {
        return "<record xmlns=\"http://www.openarchives.org/OAI/2.0/\"><header><identifier>oai:journal:article/" + i
                + "</identifier><datestamp>2026-01-01T00:00:00Z</datestamp></header><metadata>"
                + "<oai_dc:dc xmlns:oai_dc=\"http://www.openarchives.org/OAI/2.0/oai_dc/\""
                + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>Artikel nomor " + i + "</dc:title>"
                + "<dc:creator>Santoso, Budi</dc:creator><dc:date>2026-01-01</dc:date>"
                + "<dc:identifier>https://journal.example.ac.id/index.php/j/article/view/" + i + "</dc:identifier>"
                + "</oai_dc:dc></metadata></record>";
    }

    private static String page(int i) {
        return "<html><head><meta name=\"citation_title\" content=\"Artikel nomor " + i + "\">"
                + "<meta name=\"citation_author\" content=\"Budi Santoso\"></head><body></body></html>";
    }
}
