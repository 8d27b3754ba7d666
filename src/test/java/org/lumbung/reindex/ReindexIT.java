package org.lumbung.reindex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.indices.IndexSettings;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.lumbung.crosswalk.Crosswalks;
import org.lumbung.dc.DcBatch;
import org.lumbung.dc.DcRecord;
import org.lumbung.dc.OaiInfo;
import org.lumbung.dc.Provenance;
import org.lumbung.harvest.OaiPageParser;
import org.lumbung.index.DeadLetterStore;
import org.lumbung.index.DocumentMapper;
import org.lumbung.index.EsConnection;
import org.lumbung.index.EsCredentials;
import org.lumbung.index.EsRetry;
import org.lumbung.index.IndexDocument;
import org.lumbung.index.IndexLayout;
import org.lumbung.index.IndexSetup;
import org.lumbung.index.RawArchive;
import org.lumbung.index.RecordIndexer;
import org.lumbung.landing.PageRecords;
import org.lumbung.language.LanguageDetector;
import org.lumbung.pipeline.Outcome;
import org.lumbung.pipeline.WorkPool;
import org.lumbung.search.RecordSearcher;
import org.lumbung.testing.Await;
import org.lumbung.testing.Cli;
import org.lumbung.testing.EsProxy;
import org.lumbung.testing.TestElasticsearch;

/**
 * {@code reindex} rebuilds every document from its raw records into a new index and moves the alias, while a search
 * loop runs (it never fails and never sees fewer records) and another writer (as another Lumbung would) keeps adding
 * and changing records: none of its writes is missing after the swap.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
class ReindexIT {

    /** More than two of the rebuild's pages of 500: a page is made again while the one before is being written. */
    private static final int BEFORE = 1_200;
    private static final int FIRST_ADDED = 5_000;
    private static final LanguageDetector DETECTOR = new LanguageDetector(List.of("id", "en"), 400);
    private static final Crosswalks CROSSWALKS = Crosswalks.standard(DETECTOR);
    private static final RawArchive ARCHIVE = new RawArchive(CROSSWALKS, new PageRecords(DETECTOR));
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Retries that give up after two seconds, for the faults that must outlast them. */
    private static final EsRetry BRIEF = new EsRetry(Duration.ofMillis(100), Duration.ofMillis(200),
            Duration.ofSeconds(2));

    @Test
    void rebuildsFromTheRawArchiveWhileSearchesAndWritesGoOn() throws Exception {
        String prefix = TestElasticsearch.freshPrefix(ReindexIT.class);
        IndexLayout layout = new IndexLayout(prefix, 0);
        ElasticsearchClient client = TestElasticsearch.client();
        new IndexSetup(client, layout).ensure();
        String alias = layout.recordsAlias();
        try (RecordIndexer indexer = indexer(layout)) {
            assertThat(indexer.index(new DcBatch("journal", records(0, BEFORE, "Artikel"), List.of())).await()
                    .indexed()).isEqualTo(BEFORE);
        }
        // A document as an older Lumbung wrote it (its title read differently): the rebuild reads the raw record again.
        Map stale = client.get(g -> g.index(alias).id("journal:oai:journal:article/7"), Map.class).source();
        Map staleDc = new HashMap<>((Map) stale.get("dc"));
        staleDc.put("title", List.of("STALE"));
        Map staleDoc = new HashMap<>(stale);
        staleDoc.put("dc", staleDc);
        client.index(i -> i.index(alias).id("journal:oai:journal:article/7").document(staleDoc));
        // A document indexed before the raw archive existed: kept as it is.
        Map noRaw = new HashMap<>(stale);
        noRaw.put("provenance", List.of(Map.of("sourceId", "old", "oaiIdentifier", "oai:old:1", "key", "oai:old:oai:old:1",
                "format", "oai_dc")));
        // ... and before works: the rebuild makes it a work of its own, else a works list collapses all such into one.
        noRaw.remove("work");
        client.index(i -> i.index(alias).id("old:oai:old:1").document(noRaw));
        client.indices().refresh(r -> r.index(alias));
        String before = client.indices().getAlias(g -> g.name(alias)).result().keySet().iterator().next();

        RecordSearcher searcher = new RecordSearcher(client, layout);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong lowest = new AtomicLong(Long.MAX_VALUE);
        AtomicLong searches = new AtomicLong();
        Future<List<String>> searchLoop = threads.submit(() -> {
            List<String> errors = new ArrayList<>();
            while (!stop.get()) {
                try {
                    long n = searcher.search("artikel", 1).total();
                    lowest.accumulateAndGet(n, Math::min);
                    searches.incrementAndGet();
                } catch (Exception e) {
                    errors.add(e.toString());
                }
            }
            return errors;
        });
        AtomicBoolean swapped = new AtomicBoolean();
        AtomicInteger batches = new AtomicInteger();
        Future<Outcome> writer = threads.submit(() -> {
            Outcome outcome = Outcome.NONE;
            try (RecordIndexer other = indexer(layout)) {
                int next = FIRST_ADDED;
                int afterSwap = 0;
                while (afterSwap < 10) {
                    List<DcRecord> batch = new ArrayList<>(records(next, next + 5, "Artikel baru"));
                    // and a change to a record the rebuild is copying
                    batch.add(records(next % BEFORE, next % BEFORE + 1, "Artikel diperbarui").get(0));
                    outcome = outcome.plus(other.index(new DcBatch("journal", batch, List.of())).await());
                    next += 5;
                    afterSwap += swapped.get() ? 1 : 0;
                    batches.incrementAndGet();
                    Thread.sleep(50);
                }
            }
            return outcome;
        });

        // The rebuild starts with the writer under way, so that it copies records written around it.
        Await.until("the writer to index three batches", Duration.ofMinutes(1), () -> batches.get() >= 3);
        Reindexer.Result result = new Reindexer(client, layout, ARCHIVE, WorkPool.of(3)).reindex();
        swapped.set(true);
        Outcome written = writer.get();
        stop.set(true);
        List<String> searchErrors = searchLoop.get();
        threads.shutdown();

        assertThat(searchErrors).isEmpty();
        assertThat(searches.get()).isGreaterThan(10);
        // all but the two written around Lumbung (their search fields are not in _source), never fewer
        assertThat(lowest.get()).isGreaterThanOrEqualTo(BEFORE - 1);
        assertThat(result.from()).isEqualTo(before);
        assertThat(result.to()).matches(prefix + "-records-v" + IndexLayout.TEMPLATE_VERSION + "-r\\d+");
        assertThat(client.indices().getAlias(g -> g.name(alias)).result().keySet()).containsExactly(result.to());
        assertThat(client.indices().existsAlias(e -> e.name(layout.nextAlias())).value()).isFalse();
        assertThat(client.indices().existsAlias(e -> e.name(layout.catchUpPendingAlias())).value()).isFalse();
        assertThat(client.indices().exists(e -> e.index(before)).value()).as("the old index is kept").isTrue();
        assertThat(result.kept()).isEqualTo(1);
        Map kept = client.get(g -> g.index(alias).id("old:oai:old:1"), Map.class).source();
        assertThat(((Map) kept.get("work")).get("key")).isEqualTo("id:old:oai:old:1");
        assertThat(result.failed()).isZero();
        // what was there before, and what the writer had added by the time the copy read it
        assertThat(result.rebuilt() + result.newer()).isBetween((long) BEFORE, (long) BEFORE + written.indexed());
        // All 1,200 were indexed within the catch-up's window, but only what the writer changed after the copy read
        // it is read again: the rest is left as copied (each document's content is checked below).
        assertThat(result.caughtUp()).isLessThanOrEqualTo(written.indexed());
        assertThat(written.failures()).isEmpty();
        assertThat(written.indexed()).isGreaterThan(60);

        Map<String, Map> docs = all(client, alias);
        int added = written.indexed() / 6 * 5;
        assertThat(docs).hasSize(BEFORE + 1 + added);
        for (int i = FIRST_ADDED; i < FIRST_ADDED + added; i++) {
            assertThat(title(docs.get("journal:oai:journal:article/" + i))).isEqualTo("Artikel baru " + i);
        }
        for (int i = FIRST_ADDED; i < FIRST_ADDED + added; i += 5) {
            assertThat(title(docs.get("journal:oai:journal:article/" + i % BEFORE)))
                    .isEqualTo("Artikel diperbarui " + i % BEFORE);
        }
        Set<Integer> changed = new HashSet<>();
        for (int i = FIRST_ADDED; i < FIRST_ADDED + added; i += 5) {
            changed.add(i % BEFORE);
        }
        // every page of the copy arrived whole: each record written before, as it was written (7's stale title gone)
        for (int i = 0; i < BEFORE; i++) {
            if (!changed.contains(i)) {
                assertThat(title(docs.get("journal:oai:journal:article/" + i))).as("record %d", i)
                        .isEqualTo("Artikel " + i);
            }
        }
        assertThat(docs.get("old:oai:old:1")).isNotNull();
    }

    /**
     * The copy reads of each document only what making it again needs (its contributions); a tombstone, and a
     * document whose raw record is not in the archive, are kept as they were stored, every field of them.
     */
    @Test
    void tombstonesAndDocumentsWithoutARawRecordAreKeptWholeAmongTheRebuilt() throws Exception {
        IndexLayout layout = new IndexLayout(TestElasticsearch.freshPrefix(ReindexIT.class) + "-kept", 0);
        ElasticsearchClient client = TestElasticsearch.client();
        String before = indexThirty(layout);
        String alias = layout.recordsAlias();
        DcRecord gone = DcRecord.tombstone("journal:oai:journal:article/40", "journal",
                new OaiInfo("oai:journal:article/40", "2026-02-01T00:00:00Z", List.of(), "oai_dc"),
                new Provenance("journal", "oai:journal:article/40", null, "2026-02-01T00:00:00Z", "oai_dc"));
        client.index(i -> i.index(alias).id(gone.id()).document(DocumentMapper.toDocument(gone, Instant.now())));
        Map noRaw = new HashMap<>(client.get(g -> g.index(alias).id("journal:oai:journal:article/3"), Map.class)
                .source());
        noRaw.put("provenance", List.of(Map.of("sourceId", "old", "oaiIdentifier", "oai:old:2", "key",
                "oai:old:oai:old:2", "format", "oai_dc")));
        client.index(i -> i.index(alias).id("old:oai:old:2").document(noRaw));
        client.indices().refresh(r -> r.index(alias));
        Map<String, Map> stored = whole(client, alias);

        Reindexer.Result result = new Reindexer(client, layout, ARCHIVE, WorkPool.of(2)).reindex();

        assertThat(result.from()).isEqualTo(before);
        assertThat(result.rebuilt()).isEqualTo(30);
        assertThat(result.kept()).isEqualTo(2);
        assertThat(result.failed()).isZero();
        Map<String, Map> now = whole(client, alias);
        assertThat(now).hasSize(32);
        assertThat(now.get(gone.id())).isEqualTo(stored.get(gone.id()));
        assertThat(now.get(gone.id()).get("deleted")).isEqualTo(true);
        assertThat(now.get("old:oai:old:2")).isEqualTo(stored.get("old:oai:old:2"));
        assertThat(title(now.get("old:oai:old:2"))).isEqualTo("Artikel 3");
        for (int i = 0; i < 30; i++) {
            Map doc = now.get("journal:oai:journal:article/" + i);
            assertThat(title(doc)).as("record %d", i).isEqualTo("Artikel " + i);
            assertThat(doc.keySet()).as("record %d", i).isEqualTo(stored.get("journal:oai:journal:article/" + i)
                    .keySet());
        }
    }

    /**
     * Several pages of the copy, two of them at Elasticsearch at once ({@link CopyWriter#IN_FLIGHT}), each held up on
     * its way as by a cluster slow to index: every document is written once and counted once, none left behind by a
     * page still in flight when the copy ends.
     */
    @Test
    void everyDocumentOfPagesWrittenTwoAtATimeComesThroughCountedOnce() throws Exception {
        IndexLayout layout = new IndexLayout(TestElasticsearch.freshPrefix(ReindexIT.class) + "-pages", 0);
        ElasticsearchClient client = TestElasticsearch.client();
        new IndexSetup(client, layout).ensure();
        int documents = 2_345; // five pages of 500, the last a short one
        try (RecordIndexer indexer = indexer(layout)) {
            assertThat(indexer.index(new DcBatch("journal", records(0, documents, "Artikel"), List.of())).await()
                    .indexed()).isEqualTo(documents);
        }

        Reindexer.Result result;
        try (EsProxy proxy = new EsProxy(TestElasticsearch.url()).slowBulks(Duration.ofMillis(700));
             EsConnection es = EsConnection.open(URI.create(proxy.url()))) {
            result = new Reindexer(es.client(), layout, ARCHIVE, WorkPool.of(2)).reindex();
        }

        assertThat(result.rebuilt()).isEqualTo(documents);
        assertThat(List.of(result.kept(), result.newer(), result.failed(), result.parted())).containsOnly(0L);
        Map<String, Map> now = all(client, layout.recordsAlias());
        assertThat(now).hasSize(documents);
        for (int i = 0; i < documents; i++) {
            assertThat(title(now.get("journal:oai:journal:article/" + i))).as("record %d", i)
                    .isEqualTo("Artikel " + i);
        }
    }

    /**
     * The new index is filled without refreshes; the rebuilt index it becomes is refreshed as the template says, so
     * a record harvested after the rebuild shows in search without anyone asking for a refresh. It is stored with the
     * template's codec, best_compression (less than half the bytes, and less of the node's CPU while indexing:
     * docs/performance.md), as the first index is, whatever settings the rebuild gives it of its own.
     */
    @Test
    void aRecordIndexedAfterTheRebuildShowsInSearchUnasked() throws Exception {
        IndexLayout layout = new IndexLayout(TestElasticsearch.freshPrefix(ReindexIT.class) + "-refresh", 0);
        String first = indexThirty(layout);
        ElasticsearchClient client = TestElasticsearch.client();
        assertThat(settings(client, first).codec()).isEqualTo("best_compression");
        Reindexer.Result result = new Reindexer(client, layout, ARCHIVE, WorkPool.of(2)).reindex();
        assertThat(result.from()).isEqualTo(first);
        assertThat(result.rebuilt()).isEqualTo(30);
        assertThat(refreshInterval(client, result.to())).isEqualTo(IndexSetup.refreshInterval()).isEqualTo("1s");
        assertThat(settings(client, result.to()).codec()).isEqualTo("best_compression");

        try (RecordIndexer indexer = indexer(layout)) {
            assertThat(indexer.index(new DcBatch("journal", records(40, 41, "Artikel sesudah"), List.of())).await()
                    .indexed()).isEqualTo(1);
            Await.until("the new record to show in search", Duration.ofSeconds(20), () -> client.search(s -> s
                    .index(layout.recordsAlias()).query(q -> q.ids(i -> i.values("journal:oai:journal:article/40"))),
                    Map.class).hits().hits().size() == 1);
        }
    }

    private static String refreshInterval(ElasticsearchClient client, String index) throws IOException {
        IndexSettings settings = settings(client, index);
        return settings.refreshInterval() == null ? null : settings.refreshInterval().time();
    }

    private static IndexSettings settings(ElasticsearchClient client, String index) throws IOException {
        IndexSettings settings = client.indices().getSettings(g -> g.index(index)).result().get(index).settings();
        return settings.index() != null ? settings.index() : settings;
    }

    /** Every document of the index, whole, by id. */
    private static Map<String, Map> whole(ElasticsearchClient client, String alias) throws Exception {
        client.indices().refresh(r -> r.index(alias));
        Map<String, Map> out = new HashMap<>();
        client.search(s -> s.index(alias).size(100), Map.class).hits().hits().forEach(h -> out.put(h.id(), h.source()));
        return out;
    }

    /**
     * A write resolved before its writer saw the rebuild begin (so it goes to the old index only), held up on its way
     * until the copy has read past its document: it lands just before the catch-up, which must read it again. Its
     * writer cannot tell it landed in time (one landing a moment later would be missed: see
     * {@link #aWritePlacedBeforeTheRebuildWasSeenThatLandsAfterTheCatchUpIsNotTakenAsIndexed}), so it takes it as not
     * indexed, not the record's fault, to be written again.
     */
    @Test
    void aWriteLandingAfterTheCopyReadPastItsDocumentIsReadAgain() throws Exception {
        String prefix = TestElasticsearch.freshPrefix(ReindexIT.class) + "-late";
        IndexLayout layout = new IndexLayout(prefix, 0);
        ElasticsearchClient client = TestElasticsearch.client();
        new IndexSetup(client, layout).ensure();
        try (RecordIndexer indexer = indexer(layout)) {
            assertThat(indexer.index(new DcBatch("journal", records(0, 30, "Artikel"), List.of())).await().indexed())
                    .isEqualTo(30);
        }
        String before = client.indices().getAlias(g -> g.name(layout.recordsAlias())).result().keySet().iterator()
                .next();
        ExecutorService thread = Executors.newSingleThreadExecutor();
        Reindexer.Result result;
        // The held write is released when the rebuild refreshes the old index between its copy and its catch-up.
        try (EsProxy proxy = new EsProxy(TestElasticsearch.url()).holdBulkUntil(
                     body -> body.contains("Artikel terlambat"), path -> path.equals("/" + before + "/_refresh"));
             EsConnection es = EsConnection.open(URI.create(proxy.url()));
             RecordIndexer late = indexer(es.client(), layout)) {
            Future<Outcome> write = thread.submit(() -> late.index(
                    new DcBatch("journal", records(7, 8, "Artikel terlambat"), List.of())).await());
            assertThat(proxy.awaitHeld(Duration.ofSeconds(30))).as("the late write reached the proxy").isTrue();
            result = new Reindexer(es.client(), layout, ARCHIVE, WorkPool.of(2)).reindex();
            assertNotTakenAsIndexed(write.get(30, TimeUnit.SECONDS), before);
        } finally {
            thread.shutdownNow();
        }

        assertThat(result.rebuilt()).as("the copy read record 7 before the late write landed").isEqualTo(30);
        assertThat(result.caughtUp()).as("only the late write is read again").isEqualTo(1);
        assertLiveWithTheLateTitle(client, layout, result);
    }

    /**
     * A write placed just before its writer could see the rebuild begin (its look found none, and the rebuild began
     * while the answer was on its way) goes to the old index alone. Held up on its way (a slow request, or one
     * Elasticsearch's client sends again after a 429) until the rebuild has caught up, it lands in the old index just
     * before the alias moves, and the rebuilt index keeps the record as it was. Its writer must not take it as
     * indexed: the record fails, not its own fault, so that its harvest stops before its checkpoint; written again,
     * it goes to the live index.
     */
    @Test
    void aWritePlacedBeforeTheRebuildWasSeenThatLandsAfterTheCatchUpIsNotTakenAsIndexed() throws Exception {
        IndexLayout layout = new IndexLayout(TestElasticsearch.freshPrefix(ReindexIT.class) + "-landing", 0);
        String before = indexThirty(layout);
        ElasticsearchClient client = TestElasticsearch.client();
        ExecutorService thread = Executors.newSingleThreadExecutor();
        List<Future<Reindexer.Result>> rebuilding = new ArrayList<>();
        Reindexer.Result result;
        try (EsProxy proxy = new EsProxy(TestElasticsearch.url());
             EsConnection es = EsConnection.open(URI.create(proxy.url()));
             RecordIndexer late = indexer(es.client(), layout)) {
            rebuildWhileTheLookIsAnswered(proxy, es, layout, thread, rebuilding)
                    .holdBulkUntil(body -> body.contains("Artikel terlambat"),
                            path -> path.equals("/" + before + "/_count"));
            Outcome written = late.index(new DcBatch("journal", records(7, 8, "Artikel terlambat"), List.of()))
                    .await();
            assertNotTakenAsIndexed(written, before);
            result = rebuilding.get(0).get(60, TimeUnit.SECONDS);
            assertThat(client.indices().getAlias(g -> g.name(layout.recordsAlias())).result().keySet())
                    .containsExactly(result.to());
        } finally {
            thread.shutdownNow();
        }
        assertLandedAfterTheCatchUp(client, layout, before, result);

        try (RecordIndexer again = indexer(layout)) {
            assertThat(again.index(new DcBatch("journal", records(7, 8, "Artikel terlambat"), List.of())).await()
                    .indexed()).isEqualTo(1);
        }
        assertThat(title(all(client, layout.recordsAlias()).get("journal:oai:journal:article/7")))
                .as("written again, into the live index").isEqualTo("Artikel terlambat 7");
    }

    /**
     * Record 7's late write landed in the old index after the catch-up read it: the rebuilt index, now live, has the
     * record as it was, so only the write's failure keeps it from being lost.
     */
    private static void assertLandedAfterTheCatchUp(ElasticsearchClient client, IndexLayout layout, String before,
                                                    Reindexer.Result result) throws Exception {
        assertThat(result.caughtUp()).as("the write landed after the catch-up read").isZero();
        assertThat(title(all(client, before).get("journal:oai:journal:article/7")))
                .as("the write landed in the old index").isEqualTo("Artikel terlambat 7");
        assertThat(title(all(client, layout.recordsAlias()).get("journal:oai:journal:article/7")))
                .as("the rebuilt index has the record as it was").isEqualTo("Artikel 7");
    }

    /**
     * A write placed just before its writer saw the rebuild begin, answered too late for its writer to know from the
     * clock alone that it landed before the catch-up, but before the catch-up began: the rebuild's pending alias is
     * still there when the writer looks, after the answer, so the catch-up will read the write. It is taken as
     * indexed, and the rebuilt index has it.
     */
    @Test
    void aLateWriteAnsweredBeforeTheCatchUpBeganIsTakenAsIndexed() throws Exception {
        IndexLayout layout = new IndexLayout(TestElasticsearch.freshPrefix(ReindexIT.class) + "-pending", 0);
        indexThirty(layout);
        ElasticsearchClient client = TestElasticsearch.client();
        CountDownLatch decided = new CountDownLatch(1);
        ExecutorService thread = Executors.newSingleThreadExecutor();
        List<Future<Reindexer.Result>> rebuilding = new ArrayList<>();
        Reindexer.Result result;
        try (EsProxy proxy = new EsProxy(TestElasticsearch.url());
             EsConnection es = EsConnection.open(URI.create(proxy.url()));
             RecordIndexer late = indexer(es.client(), layout)) {
            rebuildWhileTheLookIsAnswered(proxy, es, layout, thread, rebuilding)
                    .holdBulkUntil(body -> body.contains("Artikel terlambat"), path -> path.equals("/_aliases"))
                    // the first alias update, taking the pending alias away, waits for the writer's word
                    .beforeRequest(path -> path.equals("/_aliases"), () -> decided.await(60, TimeUnit.SECONDS));
            Outcome written = late.index(new DcBatch("journal", records(7, 8, "Artikel terlambat"), List.of()))
                    .await();
            decided.countDown();
            assertThat(written.failures()).isEmpty();
            assertThat(written.indexed()).isEqualTo(1);
            result = rebuilding.get(0).get(60, TimeUnit.SECONDS);
        } finally {
            thread.shutdownNow();
        }
        assertThat(result.caughtUp()).as("the catch-up read the write").isEqualTo(1);
        assertLiveWithTheLateTitle(client, layout, result);
    }

    /**
     * The writer's first look for a rebuild finds none, and the rebuild (added to {@code rebuilding}) begins while
     * that answer is on its way back: the writer places its write without a copy, just before it could see it.
     */
    private static EsProxy rebuildWhileTheLookIsAnswered(EsProxy proxy, EsConnection es, IndexLayout layout,
                                                         ExecutorService thread,
                                                         List<Future<Reindexer.Result>> rebuilding) {
        return proxy.beforeAnswer(path -> path.equals("/_alias/" + layout.nextAlias()), () -> {
            rebuilding.add(thread.submit(() -> new Reindexer(es.client(), layout, ARCHIVE, WorkPool.of(2)).reindex()));
            Await.until("the rebuild's alias", Duration.ofSeconds(30), () -> TestElasticsearch.client().indices()
                    .existsAlias(e -> e.name(layout.nextAlias())).value());
        });
    }

    /** The write's one record failed, not its own fault, naming the index it was written to late. */
    private static void assertNotTakenAsIndexed(Outcome written, String index) {
        assertThat(written.indexed()).isZero();
        assertThat(written.failures()).singleElement().satisfies(f -> {
            assertThat(f.recordId()).isEqualTo("journal:oai:journal:article/7");
            assertThat(f.transientFailure()).as("not the record's fault").isTrue();
            assertThat(f.reason()).contains("late", index, "reindex");
        });
    }

    /**
     * A writer that has not yet seen the rebuild begin writes to the old index alone, as it may until it asks again
     * ({@link RecordIndexer#NEXT_CHECK}). The copy begins at once; the catch-up, which reads such writes again, must
     * not begin before every writer has seen the rebuild, however soon a small copy is done. Here a writer that is
     * told the rebuild's alias is not there changes a record half a check after the rebuild began, and the alias is
     * kept from moving until that write has landed: had the catch-up read the old index before it, the live index
     * would keep the record's old title.
     */
    @Test
    void aWriteOfAWriterThatHasNotSeenTheRebuildYetIsCaughtUpHoweverSoonTheCopyIsDone() throws Exception {
        IndexLayout layout = new IndexLayout(TestElasticsearch.freshPrefix(ReindexIT.class) + "-unaware", 0);
        String before = indexThirty(layout);
        ElasticsearchClient client = TestElasticsearch.client();
        CountDownLatch landed = new CountDownLatch(1);
        AtomicLong catchUpBegan = new AtomicLong();
        ExecutorService thread = Executors.newSingleThreadExecutor();
        Reindexer.Result result;
        long seen;
        try (EsProxy rebuild = new EsProxy(TestElasticsearch.url())
                     .beforeRequest(path -> path.equals("/" + before + "/_refresh"),
                             () -> catchUpBegan.set(System.nanoTime()))
                     .beforeRequest(path -> path.equals("/" + before + "/_count"),
                             () -> landed.await(60, TimeUnit.SECONDS));
             EsProxy unawareProxy = new EsProxy(TestElasticsearch.url())
                     .absent(path -> path.equals("/_alias/" + layout.nextAlias()));
             EsConnection rebuildEs = EsConnection.open(URI.create(rebuild.url()));
             EsConnection unawareEs = EsConnection.open(URI.create(unawareProxy.url()));
             RecordIndexer unaware = indexer(unawareEs.client(), layout)) {
            Future<Reindexer.Result> rebuilding = thread.submit(
                    () -> new Reindexer(rebuildEs.client(), layout, ARCHIVE, WorkPool.of(2)).reindex());
            Await.until("the rebuild's alias", Duration.ofSeconds(30),
                    () -> client.indices().existsAlias(e -> e.name(layout.nextAlias())).value());
            seen = System.nanoTime();
            Thread.sleep(RecordIndexer.NEXT_CHECK.toMillis() / 2);
            Outcome written = unaware.index(new DcBatch("journal", records(7, 8, "Artikel terlambat"), List.of()))
                    .await();
            landed.countDown();
            assertThat(written.indexed()).isEqualTo(1);
            assertThat(written.failures()).isEmpty();
            result = rebuilding.get(60, TimeUnit.SECONDS);
        } finally {
            thread.shutdownNow();
        }

        assertThat(Duration.ofNanos(catchUpBegan.get() - seen))
                .as("the catch-up began once every writer had seen the rebuild")
                .isGreaterThanOrEqualTo(RecordIndexer.NEXT_CHECK.multipliedBy(2));
        assertThat(title(all(client, before).get("journal:oai:journal:article/7")))
                .as("the unaware writer wrote to the old index").isEqualTo("Artikel terlambat 7");
        assertThat(result.rebuilt()).as("the copy read every record before the write landed").isEqualTo(30);
        assertThat(result.caughtUp()).as("only the unaware writer's record is read again").isEqualTo(1);
        assertLiveWithTheLateTitle(client, layout, result);
    }

    /**
     * A writer whose look for a rebuild fails (a timeout, or a user that may not read aliases) cannot tell whether
     * one is under way, and writes to the old index alone. Its write, held up until the rebuild has caught up and is
     * about to move the alias, lands in the old index while that index is still the live one: trusted, it would be
     * called indexed and the rebuilt index keep the record as it was. It is not taken as indexed, and the reason says
     * what the writer could not tell.
     */
    @Test
    void aWriteOfAWriterThatCannotTellWhetherARebuildIsUnderWayIsNotTakenAsIndexedWhenItMayHaveLandedLate()
            throws Exception {
        IndexLayout layout = new IndexLayout(TestElasticsearch.freshPrefix(ReindexIT.class) + "-blind", 0);
        String before = indexThirty(layout);
        ElasticsearchClient client = TestElasticsearch.client();
        CountDownLatch moving = new CountDownLatch(1);
        CountDownLatch decided = new CountDownLatch(1);
        ExecutorService thread = Executors.newSingleThreadExecutor();
        Reindexer.Result result;
        try (EsProxy rebuild = new EsProxy(TestElasticsearch.url()).beforeRequest(
                     path -> path.equals("/" + before + "/_count"), () -> {
                         moving.countDown();
                         decided.await(60, TimeUnit.SECONDS);
                     });
             EsProxy blindProxy = new EsProxy(TestElasticsearch.url())
                     .forbidden(path -> path.equals("/_alias/" + layout.nextAlias()))
                     .beforeRequest(path -> path.endsWith("/_bulk"), () -> moving.await(60, TimeUnit.SECONDS));
             EsConnection rebuildEs = EsConnection.open(URI.create(rebuild.url()));
             EsConnection blindEs = EsConnection.open(URI.create(blindProxy.url()));
             RecordIndexer blind = indexer(blindEs.client(), layout)) {
            Future<Reindexer.Result> rebuilding = thread.submit(
                    () -> new Reindexer(rebuildEs.client(), layout, ARCHIVE, WorkPool.of(2)).reindex());
            Await.until("the rebuild's alias", Duration.ofSeconds(30),
                    () -> client.indices().existsAlias(e -> e.name(layout.nextAlias())).value());
            Outcome written = blind.index(new DcBatch("journal", records(7, 8, "Artikel terlambat"), List.of()))
                    .await();
            decided.countDown();
            assertThat(blindProxy.forbiddenRequests()).as("the writer asked and was refused").isPositive();
            assertNotTakenAsIndexed(written, before);
            assertThat(written.failures().get(0).reason()).contains("could not be told", "refused", "(403)");
            result = rebuilding.get(60, TimeUnit.SECONDS);
        } finally {
            thread.shutdownNow();
        }
        assertLandedAfterTheCatchUp(client, layout, before, result);
    }

    /**
     * A write sent with its copy while a rebuild runs, held up on its way until the rebuild has caught up: it lands in
     * the old index just before the alias moves, and its copy, the only thing that would carry it into the rebuilt
     * index, is refused (429) until the writer's retries are spent. Trusted on the write's own answer, the record
     * would be called indexed and the rebuilt index keep it as it was. A write is trusted only once its copy is
     * answered, and with the copy refused it is checked as a late one: not taken as indexed.
     */
    @Test
    void aWriteWhoseCopyIsRefusedIsNotTakenAsIndexedWhenTheRebuiltIndexMayLackIt() throws Exception {
        IndexLayout layout = new IndexLayout(TestElasticsearch.freshPrefix(ReindexIT.class) + "-uncopied", 0);
        String before = indexThirty(layout);
        ElasticsearchClient client = TestElasticsearch.client();
        ExecutorService thread = Executors.newSingleThreadExecutor();
        Reindexer.Result result;
        try (EsProxy proxy = new EsProxy(TestElasticsearch.url())
                     .holdBulkUntil(body -> body.contains("Artikel terlambat"),
                             path -> path.equals("/" + before + "/_count"))
                     .refuseDocuments(line -> line.contains("\"_index\":\"" + layout.nextAlias() + "\""));
             EsConnection es = EsConnection.open(URI.create(proxy.url()))) {
            Future<Reindexer.Result> rebuilding = thread.submit(
                    () -> new Reindexer(es.client(), layout, ARCHIVE, WorkPool.of(2)).reindex());
            Await.until("the rebuild's alias", Duration.ofSeconds(30),
                    () -> client.indices().existsAlias(e -> e.name(layout.nextAlias())).value());
            Outcome written;
            try (RecordIndexer writer = briefIndexer(es.client(), layout)) {
                written = writer.index(new DcBatch("journal", records(7, 8, "Artikel terlambat"), List.of())).await();
            }
            result = rebuilding.get(60, TimeUnit.SECONDS);
            assertThat(proxy.rejectedItems()).as("the copy was refused, and sent again").isGreaterThan(1);
            assertThat(written.indexed()).isZero();
            assertThat(written.failures()).singleElement().satisfies(f -> {
                assertThat(f.recordId()).isEqualTo("journal:oai:journal:article/7");
                assertThat(f.transientFailure()).as("not the record's fault").isTrue();
                assertThat(f.reason()).contains("written to " + before, "its copy into " + layout.nextAlias()
                        + " refused (429", "reindex", result.to());
            });
        } finally {
            thread.shutdownNow();
        }
        assertLandedAfterTheCatchUp(client, layout, before, result);
    }

    /**
     * The common case of a refused copy: a write placed while the rebuild was under way reaches Elasticsearch just
     * after the alias moved, so the write goes to the rebuilt index and its copy finds the next alias gone (404). The
     * write is where it belongs, and is taken as indexed, even though its writer's look for a rebuild, a moment old,
     * still says one is under way.
     */
    @Test
    void aWriteWhoseCopyFindsTheRebuildOverIsIndexedInTheRebuiltIndex() throws Exception {
        IndexLayout layout = new IndexLayout(TestElasticsearch.freshPrefix(ReindexIT.class) + "-moved", 0);
        String before = indexThirty(layout);
        ElasticsearchClient client = TestElasticsearch.client();
        CountDownLatch moving = new CountDownLatch(1);
        CountDownLatch sent = new CountDownLatch(1);
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try (EsProxy rebuild = new EsProxy(TestElasticsearch.url()).beforeRequest(
                     path -> path.equals("/" + before + "/_count"), () -> {
                         moving.countDown();
                         sent.await(60, TimeUnit.SECONDS);
                     });
             EsProxy writerProxy = new EsProxy(TestElasticsearch.url());
             EsConnection rebuildEs = EsConnection.open(URI.create(rebuild.url()));
             EsConnection writerEs = EsConnection.open(URI.create(writerProxy.url()));
             RecordIndexer writer = indexer(writerEs.client(), layout)) {
            Future<Reindexer.Result> rebuilding = thread.submit(
                    () -> new Reindexer(rebuildEs.client(), layout, ARCHIVE, WorkPool.of(2)).reindex());
            assertThat(moving.await(60, TimeUnit.SECONDS)).as("the rebuild is about to move the alias").isTrue();
            writerProxy.beforeRequest(path -> path.endsWith("/_bulk"), () -> {
                sent.countDown();
                Await.until("the alias moved", Duration.ofSeconds(30), () -> !client.indices()
                        .existsAlias(e -> e.name(layout.nextAlias())).value());
            });
            Outcome written = writer.index(new DcBatch("journal", records(7, 8, "Artikel sesudah"), List.of()))
                    .await();
            Reindexer.Result result = rebuilding.get(60, TimeUnit.SECONDS);
            assertThat(writerProxy.bulks()).isEqualTo(1);
            assertThat(written.failures()).isEmpty();
            assertThat(written.indexed()).isEqualTo(1);
            assertThat(client.indices().getAlias(g -> g.name(layout.recordsAlias())).result().keySet())
                    .containsExactly(result.to());
        } finally {
            thread.shutdownNow();
        }
        assertThat(title(all(client, layout.recordsAlias()).get("journal:oai:journal:article/7")))
                .as("the write went to the rebuilt index").isEqualTo("Artikel sesudah 7");
    }

    /**
     * While a rebuild runs, a write and its copy go in the same bulk request, however the requests fill: placed
     * against the same aliases, the write cannot land in the old index while its copy finds the rebuild over.
     */
    @Test
    void aWriteAndItsCopyGoInOneRequest() throws Exception {
        IndexLayout layout = new IndexLayout(TestElasticsearch.freshPrefix(ReindexIT.class) + "-together", 0);
        indexThirty(layout);
        ElasticsearchClient client = TestElasticsearch.client();
        String next = layout.recordsAlias() + "-v" + IndexLayout.TEMPLATE_VERSION + "-rtogether";
        client.indices().create(c -> c.index(next).aliases(layout.nextAlias(), a -> a));
        try (EsProxy proxy = new EsProxy(TestElasticsearch.url()).keepBulkBodies();
             EsConnection es = EsConnection.open(URI.create(proxy.url()))) {
            // Three operations a request: filled one by one, every other request would part a write from its copy.
            try (RecordIndexer writer = new RecordIndexer(es.client(), layout, new RecordIndexer.BulkOptions(3,
                    5L << 20, 1, Duration.ofMillis(50)), new DeadLetterStore(es.client(), layout), ARCHIVE)) {
                Outcome written = writer.index(new DcBatch("journal", records(100, 110, "Artikel"), List.of()))
                        .await();
                assertThat(written.failures()).isEmpty();
                assertThat(written.indexed()).isEqualTo(10);
            }
            List<String> bodies = proxy.bulkBodies();
            assertThat(bodies).hasSize(10);
            for (String body : bodies) {
                List<String> ids = new ArrayList<>();
                List<String> indices = new ArrayList<>();
                for (String line : body.split("\n")) {
                    JsonNode action = JSON.readTree(line);
                    if (action.has("create") || action.has("index")) {
                        JsonNode meta = action.has("create") ? action.get("create") : action.get("index");
                        if (meta.has("_id")) {
                            ids.add(meta.get("_id").asText());
                            indices.add(meta.path("_index").asText(""));
                        }
                    }
                }
                assertThat(ids).as(body).hasSize(2).containsOnly(ids.get(0));
                assertThat(indices).as(body).containsExactlyInAnyOrder(layout.nextAlias(), layout.recordsAlias());
            }
        } finally {
            client.indices().delete(d -> d.index(next));
        }
        assertThat(all(client, layout.recordsAlias())).hasSize(40);
    }

    /**
     * A write and its copy parted: the copy refused (429) while the write landed, then the copy's retry lost with its
     * whole request. The write waits for its copy's word; the lost request must give it, or the harvest would wait
     * for ever. The copy never reached the index being rebuilt, so the write is checked, and with the rebuild's
     * catch-up not shown to be still ahead (this rebuild, made by hand, keeps no pending alias) it is not taken as
     * indexed.
     */
    @Test
    void aWriteWhoseCopyIsLostWithItsRequestIsSettled() throws Exception {
        IndexLayout layout = new IndexLayout(TestElasticsearch.freshPrefix(ReindexIT.class) + "-lost", 0);
        String live = indexThirty(layout);
        ElasticsearchClient client = TestElasticsearch.client();
        String next = layout.recordsAlias() + "-v" + IndexLayout.TEMPLATE_VERSION + "-rlost";
        client.indices().create(c -> c.index(next).aliases(layout.nextAlias(), a -> a));
        // Preemptive: a write left waiting would keep its indexer from closing as well.
        try {
            assertTimeoutPreemptively(Duration.ofSeconds(90), () -> {
                try (EsProxy proxy = new EsProxy(TestElasticsearch.url())
                             .refuseDocuments(line -> line.contains("\"_index\":\"" + layout.nextAlias() + "\""))
                             .dropWhollyRefused();
                     // A lost request is sent again for as long as Elasticsearch may be away: briefly here.
                     EsConnection es = EsConnection.open(URI.create(proxy.url()), EsCredentials.NONE, BRIEF);
                     RecordIndexer writer = briefIndexer(es.client(), layout)) {
                    Outcome written = writer.index(new DcBatch("journal", records(7, 8, "Artikel hilang"),
                            List.of())).await();
                    assertThat(proxy.rejectedItems()).as("the copy was refused once, with the write").isEqualTo(1);
                    assertThat(proxy.dropped()).as("its retry was lost").isPositive();
                    assertThat(written.indexed()).isZero();
                    assertThat(written.failures()).singleElement().satisfies(f -> {
                        assertThat(f.transientFailure()).isTrue();
                        assertThat(f.reason()).contains("written to " + live, "its copy into " + layout.nextAlias()
                                + " refused (bulk request failed", "reindex");
                    });
                }
            });
        } finally {
            client.indices().delete(d -> d.index(next));
        }
        assertThat(title(all(client, live).get("journal:oai:journal:article/7"))).isEqualTo("Artikel hilang 7");
    }

    /**
     * A writer that can never tell whether a rebuild is under way (its user may not read aliases) takes none of its
     * writes as indexed, rebuild or not, nor any document it finds unchanged, and says why in each record's failure,
     * not the record's fault; once it may ask, its writes are indexed again.
     */
    @Test
    void aWriterThatCannotTellWhetherARebuildIsUnderWayTakesNoWriteAsIndexedUntilItCan() throws Exception {
        IndexLayout layout = new IndexLayout(TestElasticsearch.freshPrefix(ReindexIT.class) + "-refused", 0);
        indexThirty(layout);
        try (EsProxy proxy = new EsProxy(TestElasticsearch.url())
                     .forbidden(path -> path.equals("/_alias/" + layout.nextAlias()));
             EsConnection es = EsConnection.open(URI.create(proxy.url()));
             RecordIndexer refused = indexer(es.client(), layout)) {
            Outcome written = refused.index(new DcBatch("journal", records(7, 9, "Artikel terlambat"), List.of()))
                    .await();
            assertThat(written.indexed()).isZero();
            assertThat(written.failures()).hasSize(2).allSatisfy(f -> {
                assertThat(f.transientFailure()).as("not the record's fault").isTrue();
                assertThat(f.reason()).contains("could not be told", "read the aliases of " + layout.recordsAlias(),
                        "refused to say whether the alias " + layout.nextAlias() + " exists (403)");
            });

            // The documents landed: found as they would be written, they are not left alone as unchanged either.
            TestElasticsearch.client().indices().refresh(r -> r.index(layout.recordsAlias()));
            Outcome same = refused.index(new DcBatch("journal", records(7, 9, "Artikel terlambat"), List.of()))
                    .await();
            assertThat(same.unchanged()).isZero();
            assertThat(same.failures()).hasSize(2)
                    .allSatisfy(f -> assertThat(f.reason()).contains("could not be told"));

            proxy.forbidden(path -> false);
            Thread.sleep(RecordIndexer.NEXT_CHECK.toMillis() + 100);
            Outcome again = refused.index(new DcBatch("journal", records(7, 9, "Artikel lagi"), List.of())).await();
            assertThat(again.failures()).isEmpty();
            assertThat(again.indexed()).isEqualTo(2);
        }
        assertThat(title(all(TestElasticsearch.client(), layout.recordsAlias()).get("journal:oai:journal:article/8")))
                .isEqualTo("Artikel lagi 8");
    }

    /**
     * A page of the copy that one shard could not answer: Elasticsearch says so in {@code _shards} and returns the
     * rest. Taken as the whole page, the missing documents would be left out of the new index and the alias moved.
     */
    /**
     * A rebuilt document keeps the change time it was stored with, to the character: OAI-PMH harvesters of Lumbung ask
     * for what changed since their last visit by it. Times long before the catch-up's window, in it, and in texts of
     * other shapes (a fraction of zeros, an offset) that the window cannot compare as text all come through, and a
     * document stored with an old time is not read again by the catch-up.
     */
    @Test
    void aRebuiltDocumentKeepsItsChangeTimeAsStored() throws Exception {
        IndexLayout layout = new IndexLayout(TestElasticsearch.freshPrefix(ReindexIT.class) + "-times", 0);
        String before = indexThirty(layout);
        ElasticsearchClient client = TestElasticsearch.client();
        Map<String, String> stored = Map.of(
                "journal:oai:journal:article/0", "2019-06-30T10:00:00+07:00",
                "journal:oai:journal:article/1", "2020-01-02T03:04:05.000Z",
                "journal:oai:journal:article/2", "2021-05-06T07:08:09.123456Z");
        for (Map.Entry<String, String> e : stored.entrySet()) {
            client.update(u -> u.index(before).id(e.getKey()).doc(Map.of("indexedAt", e.getValue())), Map.class);
        }
        client.indices().refresh(r -> r.index(before));
        Map<String, String> times = indexedAt(client, before);

        Reindexer.Result result = new Reindexer(client, layout, ARCHIVE, WorkPool.of(2)).reindex();

        assertThat(result.rebuilt()).isEqualTo(30);
        assertThat(result.caughtUp()).as("nothing changed since the copy read it").isZero();
        assertThat(indexedAt(client, layout.recordsAlias())).as("every document's change time, to the character")
                .isEqualTo(times).containsAllEntriesOf(stored);
    }

    private static Map<String, String> indexedAt(ElasticsearchClient client, String index) throws Exception {
        client.indices().refresh(r -> r.index(index));
        Map<String, String> out = new HashMap<>();
        client.search(s -> s.index(index).size(100).source(src -> src.filter(f -> f.includes("indexedAt"))), Map.class)
                .hits().hits().forEach(h -> out.put(h.id(), (String) h.source().get("indexedAt")));
        return out;
    }

    @Test
    void aCopyPageWithAShardMissingStopsTheRebuildAndTheAliasStays() throws Exception {
        IndexLayout layout = new IndexLayout(TestElasticsearch.freshPrefix(ReindexIT.class) + "-shard", 0);
        String before = indexThirty(layout);
        assertStops(layout, before, new EsProxy(TestElasticsearch.url()).editAnswer(path -> path.equals("/_search"),
                ReindexIT::withAShardAway), "could not read every shard: 1 of 1 shards failed (node away)");
        assertAbandonedAndAgain(layout, before, 30);
    }

    /**
     * The last word before the alias moves is the two indices' counts: a page short by documents without a word of
     * why (as no Elasticsearch should answer, but a proxy or a bug might) stops the rebuild all the same.
     */
    @Test
    void aNewIndexWithFewerDocumentsThanTheOldIsNeverMadeTheLiveOne() throws Exception {
        IndexLayout layout = new IndexLayout(TestElasticsearch.freshPrefix(ReindexIT.class) + "-short", 0);
        String before = indexThirty(layout);
        assertStops(layout, before, new EsProxy(TestElasticsearch.url()).editAnswer(path -> path.equals("/_search"),
                answer -> withHitsDropped(answer, 10)), "holds 10 documents fewer than " + before);
        assertAbandonedAndAgain(layout, before, 30);
    }

    /** The catch-up reads a changed document again and a shard cannot give it: the rebuild stops, nothing moves. */
    @Test
    void aDocumentTheCatchUpCannotReadAgainStopsTheRebuildAndTheAliasStays() throws Exception {
        IndexLayout layout = new IndexLayout(TestElasticsearch.freshPrefix(ReindexIT.class) + "-mget", 0);
        String before = indexThirty(layout);
        // Between the copy and the catch-up (the refresh of the old index), a record the copy never read lands.
        try (RecordIndexer late = indexer(layout)) {
            assertStops(layout, before, new EsProxy(TestElasticsearch.url())
                    .beforeRequest(path -> path.equals("/" + before + "/_refresh"), () -> late.index(
                            new DcBatch("journal", records(30, 31, "Artikel terlambat"), List.of())).await())
                    .editAnswer(path -> path.endsWith("/_mget"), ReindexIT::withTheFirstDocumentAway),
                    "document journal:oai:journal:article/30 of " + before + " could not be read again: shard away");
        }
        assertAbandonedAndAgain(layout, before, 31);
    }

    /**
     * A document to be kept as stored is read whole after its page; an answer that says it is gone (as it may be, if
     * deleted meanwhile) leaves it out, and should it still be there the count check stops the rebuild.
     */
    @Test
    void aKeptDocumentTheWholeReadMissesStopsTheRebuildAndTheAliasStays() throws Exception {
        IndexLayout layout = new IndexLayout(TestElasticsearch.freshPrefix(ReindexIT.class) + "-gone", 0);
        String before = indexThirty(layout);
        DcRecord gone = DcRecord.tombstone("journal:oai:journal:article/40", "journal",
                new OaiInfo("oai:journal:article/40", "2026-02-01T00:00:00Z", List.of(), "oai_dc"),
                new Provenance("journal", "oai:journal:article/40", null, "2026-02-01T00:00:00Z", "oai_dc"));
        TestElasticsearch.client().index(i -> i.index(layout.recordsAlias()).id(gone.id())
                .document(DocumentMapper.toDocument(gone, Instant.now())));
        assertStops(layout, before, new EsProxy(TestElasticsearch.url()).editAnswer(path -> path.endsWith("/_mget"),
                ReindexIT::withTheFirstDocumentNotFound), "holds 1 documents fewer than " + before);
        ElasticsearchClient client = TestElasticsearch.client();
        assertThat(client.indices().getAlias(g -> g.name(layout.recordsAlias())).result().keySet())
                .containsExactly(before);
        Reindexer.Result again = new Reindexer(client, layout, ARCHIVE, WorkPool.of(2)).reindex();
        assertThat(again.rebuilt()).isEqualTo(30);
        assertThat(again.kept()).isEqualTo(1);
        assertThat(all(client, layout.recordsAlias())).hasSize(31).containsKey(gone.id());
    }

    /**
     * A copy page whose filtered source leaves out a document's contributions (as a proxy, a source filter another
     * version reads otherwise, or a bug might): with nothing to make it again from, the document is read whole and
     * kept as stored, not written from the part read nor left out.
     */
    @Test
    void aDocumentWhoseContributionsThePageLeftOutIsKeptWhole() throws Exception {
        IndexLayout layout = new IndexLayout(TestElasticsearch.freshPrefix(ReindexIT.class) + "-noprov", 0);
        String before = indexThirty(layout);
        ElasticsearchClient client = TestElasticsearch.client();
        Map<String, Map> stored = whole(client, layout.recordsAlias());
        List<String> stripped = Collections.synchronizedList(new ArrayList<>());
        Reindexer.Result result;
        try (EsProxy proxy = new EsProxy(TestElasticsearch.url()).editAnswer(path -> path.equals("/_search"),
                answer -> withoutTheFirstContributions(answer, stripped));
             EsConnection es = EsConnection.open(URI.create(proxy.url()))) {
            result = new Reindexer(es.client(), layout, ARCHIVE, WorkPool.of(2)).reindex();
        }

        assertThat(stripped).hasSize(1);
        assertThat(result.from()).isEqualTo(before);
        assertThat(result.rebuilt()).isEqualTo(29);
        assertThat(result.kept()).isEqualTo(1);
        assertThat(result.failed()).isZero();
        Map<String, Map> now = whole(client, layout.recordsAlias());
        assertThat(now).hasSize(30);
        assertThat(now.get(stripped.get(0))).isEqualTo(stored.get(stripped.get(0)));
        assertThat((List<?>) now.get(stripped.get(0)).get("provenance")).hasSize(1);
    }

    /** A rebuild through the proxy fails for this reason, saying the alias stays where it was. */
    private static void assertStops(IndexLayout layout, String before, EsProxy proxy, String why) throws Exception {
        try (proxy; EsConnection es = EsConnection.open(URI.create(proxy.url()))) {
            assertThatThrownBy(() -> new Reindexer(es.client(), layout, ARCHIVE, WorkPool.of(2)).reindex())
                    .isInstanceOf(IOException.class).hasMessageContaining(why)
                    .hasMessageContaining("alias " + layout.recordsAlias() + " stays on " + before);
        }
    }

    /** Thirty records indexed; the index behind the alias. */
    private static String indexThirty(IndexLayout layout) throws Exception {
        ElasticsearchClient client = TestElasticsearch.client();
        new IndexSetup(client, layout).ensure();
        try (RecordIndexer indexer = indexer(layout)) {
            assertThat(indexer.index(new DcBatch("journal", records(0, 30, "Artikel"), List.of())).await().indexed())
                    .isEqualTo(30);
        }
        return client.indices().getAlias(g -> g.name(layout.recordsAlias())).result().keySet().iterator().next();
    }

    /** The alias on the rebuilt index, whose 30 records have their titles, record 7 the late write's. */
    private static void assertLiveWithTheLateTitle(ElasticsearchClient client, IndexLayout layout,
                                                   Reindexer.Result result) throws Exception {
        assertThat(client.indices().getAlias(g -> g.name(layout.recordsAlias())).result().keySet())
                .containsExactly(result.to());
        Map<String, Map> docs = all(client, layout.recordsAlias());
        assertThat(docs).hasSize(30);
        for (int i = 0; i < 30; i++) {
            assertThat(title(docs.get("journal:oai:journal:article/" + i))).as("record %d", i)
                    .isEqualTo(i == 7 ? "Artikel terlambat 7" : "Artikel " + i);
        }
    }

    /** The alias on the old index with every document, writers off the abandoned one, and a rebuild that then works. */
    private static void assertAbandonedAndAgain(IndexLayout layout, String before, int documents) throws Exception {
        ElasticsearchClient client = TestElasticsearch.client();
        assertThat(client.indices().getAlias(g -> g.name(layout.recordsAlias())).result().keySet())
                .containsExactly(before);
        assertThat(client.indices().existsAlias(e -> e.name(layout.nextAlias())).value())
                .as("writers no longer write to the abandoned index").isFalse();
        assertThat(client.indices().existsAlias(e -> e.name(layout.catchUpPendingAlias())).value()).isFalse();
        for (String index : client.indices().getSettings(g -> g.index(layout.recordsAlias() + "-*")).result()
                .keySet()) {
            assertThat(refreshInterval(client, index)).as("%s refreshed as any other", index).isEqualTo("1s");
        }
        assertThat(all(client, layout.recordsAlias())).hasSize(documents);
        Reindexer.Result again = new Reindexer(client, layout, ARCHIVE, WorkPool.of(2)).reindex();
        assertThat(again.rebuilt()).isEqualTo(documents);
        assertThat(all(client, layout.recordsAlias())).hasSize(documents);
    }

    /** A search answer as a node gone away leaves it: one shard failed, its half of the hits missing. */
    private static ObjectNode withAShardAway(ObjectNode answer) {
        ObjectNode shards = (ObjectNode) answer.get("_shards");
        shards.put("successful", shards.get("total").asInt() - 1).put("failed", 1);
        shards.putArray("failures").addObject().put("shard", 0).put("index", "records")
                .putObject("reason").put("type", "node_not_connected_exception").put("reason", "node away");
        return withHitsDropped(answer, answer.path("hits").path("hits").size() / 2);
    }

    private static ObjectNode withHitsDropped(ObjectNode answer, int dropped) {
        ArrayNode hits = (ArrayNode) answer.path("hits").path("hits");
        for (int i = 0; i < dropped; i++) {
            hits.remove(hits.size() - 1);
        }
        return answer;
    }

    /** The first copy page (one with sources) with its first hit's contributions taken out; their id noted. */
    private static ObjectNode withoutTheFirstContributions(ObjectNode answer, List<String> stripped) {
        JsonNode first = answer.path("hits").path("hits").path(0);
        if (stripped.isEmpty() && first.path("_source").has("provenance")) {
            ((ObjectNode) first.get("_source")).remove("provenance");
            stripped.add(first.get("_id").asText());
        }
        return answer;
    }

    /** A multi-get answer that says its first document is not there. */
    private static ObjectNode withTheFirstDocumentNotFound(ObjectNode answer) {
        ArrayNode docs = (ArrayNode) answer.get("docs");
        JsonNode first = docs.get(0);
        docs.set(0, docs.objectNode().put("_index", first.get("_index").asText()).put("_id", first.get("_id").asText())
                .put("found", false));
        return answer;
    }

    /** A multi-get answer whose first document's shard could not be read. */
    private static ObjectNode withTheFirstDocumentAway(ObjectNode answer) {
        ArrayNode docs = (ArrayNode) answer.get("docs");
        JsonNode first = docs.get(0);
        ObjectNode failed = docs.objectNode().put("_index", first.get("_index").asText())
                .put("_id", first.get("_id").asText());
        failed.putObject("error").put("type", "no_shard_available_action_exception").put("reason", "shard away");
        docs.set(0, failed);
        return answer;
    }

    @Test
    void theReindexCommandSaysWhatItDid() {
        String prefix = TestElasticsearch.freshPrefix(ReindexIT.class) + "-cli";
        Cli.Result ingest = Cli.onTestEs(prefix, "ingest", "src/test/resources/fixtures/oai/ojs-jihi-34353.xml");
        assertThat(ingest.status()).as(ingest.said()).isZero();
        Cli.Result reindex = Cli.onTestEs(prefix, "reindex");
        assertThat(reindex.status()).as(reindex.out()).isZero();
        assertThat(reindex.out()).containsPattern("reindexed " + prefix + "-records-v\\d+ into " + prefix
                + "-records-v\\d+-r\\d+: 1 documents rebuilt from the raw archive, 0 kept as stored")
                .contains("alias " + prefix + "-records now stands for");
        assertThat(Cli.onTestEs(prefix, "search", "Karabakh").out()).contains("1 of 1 records match 'Karabakh'");
    }

    @Test
    void anIndexOfAnOlderDocumentShapeIsRebuiltWhenLumbungStarts() throws Exception {
        String prefix = TestElasticsearch.freshPrefix(ReindexIT.class) + "-old";
        ElasticsearchClient client = TestElasticsearch.client();
        String old = prefix + "-records-v" + (IndexLayout.TEMPLATE_VERSION - 1);
        client.indices().create(c -> c.index(old).aliases(prefix + "-records", a -> a)
                .settings(st -> st.numberOfReplicas("0")));
        DcRecord record = records(1, 2, "Kebijakan Luar Negeri").get(0);
        IndexDocument full = DocumentMapper.toDocument(record, java.time.Instant.now());
        IndexDocument doc = new IndexDocument(full.dc(), full.lang(), full.creators(), full.derived(), full.quality(),
                null, null, full.source(), full.oai(), full.provenance(), full.keys(), null, full.indexedAt(),
                false);
        client.index(i -> i.index(old).id(record.id()).document(doc).refresh(
                co.elastic.clients.elasticsearch._types.Refresh.True));

        Cli.Result search = Cli.onTestEs(prefix, "search", "kebijakan");
        assertThat(search.status()).as(search.out()).isZero();
        assertThat(search.out()).contains("1. Kebijakan Luar Negeri 1", "1 of 1 records match 'kebijakan'");
        assertThat(client.indices().getAlias(g -> g.name(prefix + "-records")).result().keySet()).singleElement()
                .asString().matches(prefix + "-records-v" + IndexLayout.TEMPLATE_VERSION + "-r\\d+");
    }

    private static String title(Map doc) {
        assertThat(doc).isNotNull();
        return ((List<String>) ((Map) doc.get("dc")).get("title")).get(0);
    }

    private static Map<String, Map> all(ElasticsearchClient client, String alias) throws Exception {
        client.indices().refresh(r -> r.index(alias));
        Map<String, Map> out = new HashMap<>();
        client.search(s -> s.index(alias).size(5000).source(src -> src.filter(f -> f.includes("dc.title"))), Map.class)
                .hits().hits().forEach(h -> out.put(h.id(), h.source()));
        return out;
    }

    private static RecordIndexer indexer(IndexLayout layout) {
        return indexer(TestElasticsearch.client(), layout);
    }

    /** An indexer that gives up on a document Elasticsearch keeps refusing after {@link #BRIEF}'s two seconds. */
    private static RecordIndexer briefIndexer(ElasticsearchClient client, IndexLayout layout) {
        return new RecordIndexer(client, layout, new RecordIndexer.BulkOptions(200, 5L << 20, 1, Duration.ofMillis(50),
                BRIEF), new DeadLetterStore(client, layout), ARCHIVE);
    }

    private static RecordIndexer indexer(ElasticsearchClient client, IndexLayout layout) {
        return new RecordIndexer(client, layout, new RecordIndexer.BulkOptions(200, 5L << 20, 1, Duration.ofMillis(50)),
                new DeadLetterStore(client, layout), ARCHIVE);
    }

    private static List<DcRecord> records(int from, int to, String title) throws Exception {
        OaiPageParser parser = new OaiPageParser();
        List<DcRecord> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            String xml = "<record xmlns=\"http://www.openarchives.org/OAI/2.0/\"><header><identifier>oai:journal:article/"
                    + i + "</identifier><datestamp>2026-01-01T00:00:00Z</datestamp></header><metadata>"
                    + "<oai_dc:dc xmlns:oai_dc=\"http://www.openarchives.org/OAI/2.0/oai_dc/\""
                    + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>" + title + " " + i + "</dc:title>"
                    + "<dc:creator>Santoso, Budi</dc:creator></oai_dc:dc></metadata></record>";
            out.add(CROSSWALKS.toDc("journal", parser.parseRecord(xml, "journal", "oai_dc")));
        }
        return Collections.unmodifiableList(out);
    }
}
