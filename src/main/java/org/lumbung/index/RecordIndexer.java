package org.lumbung.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkIngester;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkListener;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.lumbung.dc.DcBatch;
import org.lumbung.dc.DcRecord;
import org.lumbung.pipeline.Delivery;
import org.lumbung.pipeline.RecordFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes records through the client's BulkIngester, which batches by count and size, keeps a bounded number of
 * requests in flight and blocks the caller when they are full. Every failed item is logged with its id and reason and
 * reported back through the batch's {@link Delivery}; none is swallowed.
 */
public final class RecordIndexer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger("lumbung.index");

    /** Options of the bulk ingester. */
    public record BulkOptions(int operations, long bytes, int concurrency, Duration flushInterval) {
    }

    private record Item(IndexTicket ticket, String id, String sourceId, boolean tombstone, Map<String, Object> document) {
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private final BulkIngester<Item> ingester;
    private final ElasticsearchClient client;
    private final String alias;
    private final DeadLetterStore deadLetters;

    public RecordIndexer(ElasticsearchClient client, IndexLayout layout, BulkOptions options,
                         DeadLetterStore deadLetters) {
        this.client = client;
        this.alias = layout.recordsAlias();
        this.deadLetters = deadLetters;
        this.ingester = BulkIngester.of(b -> b
                .client(client)
                .maxOperations(options.operations())
                .maxSize(options.bytes())
                .maxConcurrentRequests(options.concurrency())
                .flushInterval(options.flushInterval().toMillis(), TimeUnit.MILLISECONDS)
                .globalSettings(g -> g.requireAlias(true))
                .listener(new Listener(deadLetters)));
    }

    /** Queues the batch's records for indexing; the returned delivery completes when all are acknowledged. */
    public Delivery index(DcBatch batch) {
        IndexTicket ticket = new IndexTicket(this, batch.records().size(), batch.failures());
        if (deadLetters != null) {
            batch.failures().stream().filter(f -> !f.transientFailure())
                    .forEach(f -> deadLetters.add(f, "crosswalk", null));
        }
        Instant now = Instant.now();
        for (DcRecord record : batch.records()) {
            Map<String, Object> document = DocumentMapper.toDocument(record, now);
            Item item = new Item(ticket, record.id(), record.sourceId(), record.deleted(), document);
            ingester.add(op -> op.index(i -> i.index(alias).id(DocumentIds.safe(record.id())).document(document)), item);
        }
        return ticket;
    }

    /** Sends what is buffered now instead of waiting for the flush interval. */
    public void flush() {
        ingester.flush();
    }

    /** Sends what is left and waits for it; then refreshes, so that what was indexed is searchable at once. */
    @Override
    public void close() {
        ingester.close();
        try {
            client.indices().refresh(r -> r.index(alias));
        } catch (java.io.IOException | RuntimeException e) {
            LOG.warn("could not refresh {}: {}", alias, e.toString());
        }
    }

    private static final class Listener implements BulkListener<Item> {

        private final DeadLetterStore deadLetters;

        Listener(DeadLetterStore deadLetters) {
            this.deadLetters = deadLetters;
        }

        @Override
        public void beforeBulk(long executionId, BulkRequest request, List<Item> items) {
            // nothing to do before a request
        }

        @Override
        public void afterBulk(long executionId, BulkRequest request, List<Item> items, BulkResponse response) {
            List<BulkResponseItem> results = response.items();
            for (int i = 0; i < items.size(); i++) {
                Item item = items.get(i);
                BulkResponseItem result = results.get(i);
                if (result.error() == null) {
                    item.ticket().succeeded(item.tombstone());
                } else {
                    fail(item, result.status() + " " + result.error().type() + ": " + result.error().reason());
                }
            }
        }

        @Override
        public void afterBulk(long executionId, BulkRequest request, List<Item> items, Throwable failure) {
            // The whole request failed (Elasticsearch unreachable): not the records' fault, so transient.
            LOG.error("a bulk request of {} records failed: {}", items.size(), failure.toString());
            for (Item item : items) {
                item.ticket().failed(new RecordFailure(item.sourceId(), item.id(),
                        "not indexed: bulk request failed: " + failure, null, true));
            }
        }

        /** The document was refused (a mapping conflict, say): it goes to the dead letters as it was. */
        private void fail(Item item, String reason) {
            String raw;
            try {
                raw = JSON.writeValueAsString(item.document());
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                raw = String.valueOf(item.document());
            }
            RecordFailure failure = new RecordFailure(item.sourceId(), item.id(), "not indexed: " + reason, raw, false);
            if (deadLetters != null) {
                deadLetters.add(failure, "index", null);
            } else {
                LOG.error("{}", failure);
            }
            item.ticket().failed(failure);
        }
    }
}
