package org.lumbung.index;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.core.search.Hit;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.lumbung.crosswalk.Crosswalks;
import org.lumbung.dc.DcBatch;
import org.lumbung.dc.DcRecord;
import org.lumbung.harvest.OaiPageParser;
import org.lumbung.landing.PageRecords;
import org.lumbung.language.LanguageDetector;
import org.lumbung.pipeline.Outcome;
import org.lumbung.testing.EsProxy;
import org.lumbung.testing.TestElasticsearch;

/**
 * Many harvests writing into one indexer at once, through a single bulk slot held long by a slow cluster: the shape
 * of the fleet run that hung (issue 15) with 84 writers queued behind one that waited for a send slot nobody would
 * free. Every record must be indexed exactly once, and soon.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
class ManyWritersIT {

    private static final int WRITERS = 64;
    private static final int PAGES = 6;
    private static final int PAGE_RECORDS = 5;
    private static final LanguageDetector DETECTOR = new LanguageDetector(List.of("id", "en"), 400);

    @Test
    void manyWritersThroughOneSlowBulkSlotIndexEveryRecordExactlyOnce() throws Exception {
        String prefix = TestElasticsearch.freshPrefix(ManyWritersIT.class);
        IndexLayout layout = new IndexLayout(prefix, 0);
        new IndexSetup(TestElasticsearch.client(), layout).ensure();
        Crosswalks crosswalks = Crosswalks.standard(DETECTOR);
        OaiPageParser parser = new OaiPageParser();
        List<List<DcRecord>> pages = new ArrayList<>();
        for (int w = 0; w < WRITERS * PAGES; w++) {
            List<DcRecord> page = new ArrayList<>();
            for (int r = 0; r < PAGE_RECORDS; r++) {
                int n = w * PAGE_RECORDS + r;
                page.add(crosswalks.toDc("s" + w / PAGES, parser.parseRecord(ConcurrentMergeIT.oaiRecord(n), "s" + w / PAGES, "oai_dc")));
            }
            pages.add(page);
        }
        Outcome outcome = Outcome.NONE;
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        // Seven operations a request (a page and a half), one request at a time, each held 20 ms: writers meet a full
        // buffer and a busy slot all the time, and many wait for their batches at once.
        try (EsProxy proxy = new EsProxy(TestElasticsearch.url()).slowBulks(Duration.ofMillis(20));
             EsConnection es = EsConnection.open(java.net.URI.create(proxy.url()))) {
            // Closed only once every writer is back: closing a hung indexer would wait for it for ever.
            RecordIndexer indexer = new RecordIndexer(es.client(), layout,
                    new RecordIndexer.BulkOptions(7, 5L << 20, 1, Duration.ofMillis(20)),
                    new DeadLetterStore(es.client(), layout), new RawArchive(crosswalks, new PageRecords(DETECTOR)));
            List<Future<Outcome>> harvests = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                List<List<DcRecord>> own = pages.subList(w * PAGES, (w + 1) * PAGES);
                harvests.add(writers.submit(() -> {
                    Outcome o = Outcome.NONE;
                    for (List<DcRecord> page : own) {
                        o = o.plus(indexer.index(new DcBatch(page.get(0).sourceId(), page, List.of())).await());
                    }
                    return o;
                }));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            for (Future<Outcome> harvest : harvests) {
                try {
                    outcome = outcome.plus(harvest.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
                } catch (TimeoutException e) {
                    throw new AssertionError("the writers hung; threads:\n" + threadDump(), e);
                }
            }
            indexer.close();
            assertThat(proxy.bulks()).as("bulk requests sent").isGreaterThan(WRITERS * PAGES * PAGE_RECORDS / 7);
        } finally {
            writers.shutdownNow();
        }
        int total = WRITERS * PAGES * PAGE_RECORDS;
        assertThat(outcome.failures()).isEmpty();
        assertThat(outcome.indexed()).isEqualTo(total);
        Map<String, Integer> identifiers = identifiers(prefix + "-records");
        assertThat(identifiers).hasSize(total).allSatisfy((id, copies) -> assertThat(copies).as(id).isOne());
        for (int n = 0; n < total; n++) {
            assertThat(identifiers).containsKey("oai:journal:article/" + n);
        }
    }

    /** How many documents carry each OAI identifier. */
    static Map<String, Integer> identifiers(String alias) throws Exception {
        var client = TestElasticsearch.client();
        client.indices().refresh(r -> r.index(alias));
        Map<String, Integer> out = new HashMap<>();
        for (Hit<Map> hit : client.search(s -> s.index(alias).size(5000).query(q -> q.matchAll(m -> m)), Map.class)
                .hits().hits()) {
            out.merge((String) ((Map) hit.source().get("oai")).get("identifier"), 1, Integer::sum);
        }
        return out;
    }

    private static String threadDump() {
        StringBuilder out = new StringBuilder();
        for (ThreadInfo t : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
            if (t.getThreadName().startsWith("pool-") && out.length() > 20_000) {
                continue;
            }
            out.append(t);
        }
        return out.toString();
    }
}
