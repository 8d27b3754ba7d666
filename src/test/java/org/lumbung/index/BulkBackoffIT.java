package org.lumbung.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lumbung.crosswalk.Crosswalks;
import org.lumbung.dc.DcBatch;
import org.lumbung.dc.DcRecord;
import org.lumbung.harvest.OaiPageParser;
import org.lumbung.landing.PageRecords;
import org.lumbung.language.LanguageDetector;
import org.lumbung.pipeline.Outcome;
import org.lumbung.pipeline.RecordFailure;
import org.lumbung.testing.EsProxy;
import org.lumbung.testing.TestElasticsearch;

/**
 * Documents Elasticsearch refuses with an item-level 429 (its write queue full), answered by a proxy on 127.0.0.1 in
 * front of the real node: the bulk ingester sends them again on Lumbung's backoff until they are accepted, and a
 * document still refused when the retry timeout is spent fails transiently, so the harvest stops before it.
 */
class BulkBackoffIT {

    private static final LanguageDetector DETECTOR = new LanguageDetector(List.of("id", "en"), 400);
    private static final Crosswalks CROSSWALKS = Crosswalks.standard(DETECTOR);

    @Test
    void documentsRefusedAsTooBusyAreSentAgainUntilAccepted() throws Exception {
        String prefix = TestElasticsearch.freshPrefix(BulkBackoffIT.class) + "-accepted";
        List<DcRecord> records = records(0, 30);
        try (EsProxy proxy = new EsProxy(TestElasticsearch.url()).refuseFirstDocuments(6);
             EsConnection es = connect(proxy, Duration.ofMinutes(1))) {
            Outcome outcome = Outcome.NONE;
            try (RecordIndexer indexer = indexer(es, prefix, Duration.ofMinutes(1))) {
                for (int i = 0; i < records.size(); i += 10) {
                    outcome = outcome.plus(indexer.index(new DcBatch("s", records.subList(i, i + 10), List.of()))
                            .await());
                }
            }
            assertThat(outcome.failures()).isEmpty();
            assertThat(outcome.indexed()).isEqualTo(30);
            assertThat(proxy.rejectedItems()).isEqualTo(6);
            assertThat(es.waits().summary()).as("each refusal answered by one more send")
                    .endsWith("0 requests and 6 documents sent again");
            assertThat(ManyWritersIT.identifiers(prefix + "-records")).hasSize(30)
                    .allSatisfy((id, copies) -> assertThat(copies).as(id).isOne());
        }
    }

    @Test
    void aDocumentStillRefusedWhenTheRetryTimeoutIsSpentFailsTransiently() throws Exception {
        String prefix = TestElasticsearch.freshPrefix(BulkBackoffIT.class) + "-refused";
        List<DcRecord> records = records(100, 5);
        try (EsProxy proxy = new EsProxy(TestElasticsearch.url()).refuseFirstDocuments(Integer.MAX_VALUE);
             EsConnection es = connect(proxy, Duration.ofSeconds(1))) {
            Outcome outcome;
            long started = System.nanoTime();
            try (RecordIndexer indexer = indexer(es, prefix, Duration.ofSeconds(1))) {
                outcome = indexer.index(new DcBatch("s", records, List.of())).await();
            }
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("given up after the timeout")
                    .isBetween(Duration.ofSeconds(1), Duration.ofSeconds(15));
            // The proxy refuses the first document of every request: one, unless a flush timer on a busy machine cut
            // the five into two requests.
            assertThat(outcome.failures()).hasSizeBetween(1, 2).allSatisfy(f -> {
                assertThat(f.transientFailure()).as("not the record's fault: no dead letter, no checkpoint").isTrue();
                assertThat(f.stage()).isEqualTo(RecordFailure.Stage.INDEX);
                assertThat(f.status()).as("Elasticsearch's answer, as a field").isEqualTo(429);
                assertThat(f.reason()).contains("kept refusing it as too busy (429) for PT1S");
            });
            assertThat(outcome.indexed()).isEqualTo(5 - outcome.failures().size());
            Map<String, Integer> indexed = ManyWritersIT.identifiers(prefix + "-records");
            assertThat(indexed).hasSize(outcome.indexed());
            outcome.failures().forEach(failed -> assertThat(indexed).doesNotContainKey(failed.recordId()));
            assertThat(proxy.rejectedItems()).as("sent again more than once before it was given up")
                    .isGreaterThan(2);
        }
    }

    private static EsRetry retry(Duration timeout) {
        return new EsRetry(Duration.ofMillis(20), Duration.ofMillis(200), timeout);
    }

    private static EsConnection connect(EsProxy proxy, Duration timeout) {
        return EsConnection.open(URI.create(proxy.url()), EsCredentials.NONE, retry(timeout));
    }

    /** Five documents a request, one request at a time, retried as the connection is. */
    private static RecordIndexer indexer(EsConnection es, String prefix, Duration timeout) throws Exception {
        IndexLayout layout = new IndexLayout(prefix, 0);
        new IndexSetup(TestElasticsearch.client(), layout).ensure();
        return new RecordIndexer(es.client(), layout, new RecordIndexer.BulkOptions(5, 5L << 20, 1,
                Duration.ofMillis(20), retry(timeout)),
                new DeadLetterStore(es.client(), layout), new RawArchive(CROSSWALKS, new PageRecords(DETECTOR)));
    }

    private static List<DcRecord> records(int first, int count) throws Exception {
        OaiPageParser parser = new OaiPageParser();
        List<DcRecord> out = new ArrayList<>();
        for (int n = first; n < first + count; n++) {
            out.add(CROSSWALKS.toDc("s", parser.parseRecord(ConcurrentMergeIT.oaiRecord(n), "s", "oai_dc")));
        }
        return out;
    }
}
