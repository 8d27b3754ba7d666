package org.lumbung.reindex;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.util.BinaryData;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.lumbung.pipeline.DaemonThreads;
import org.lumbung.reindex.DocumentRebuilder.Rendered;
import org.lumbung.reindex.DocumentRebuilder.Stored;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a copy's pages into the new index on threads of its own, {@link #IN_FLIGHT} bulk requests in flight, so the
 * next page is made again while these are at Elasticsearch; counts what each document became. The pages' writes do
 * not depend on their order: the copy creates each document once, and the catch-up and the parts of a document write
 * by external version.
 */
final class CopyWriter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger("lumbung.reindex");

    /**
     * Two: with one, Elasticsearch indexed a page on one thread while the next was read and made, and the two
     * processes used about 1.6 of two shared cores; with two, a rebuild of 100,000 documents took 39 to 41 s instead
     * of 45 to 46, for the same CPU of the node (see docs/performance.md).
     */
    static final int IN_FLIGHT = 2;

    private final ExecutorService threads = Executors.newFixedThreadPool(IN_FLIGHT,
            DaemonThreads.numbered("lumbung-reindex-writer"));
    private final ElasticsearchClient client;
    private final String to;
    private final CopyPass.Counts counts;
    private final boolean catchUp;
    private final Deque<Future<?>> sent = new ArrayDeque<>();

    /** Creates documents in {@code to}, or (catch-up) writes them with their sequence number as external version. */
    CopyWriter(ElasticsearchClient client, String to, CopyPass.Counts counts, boolean catchUp) {
        this.client = client;
        this.to = to;
        this.counts = counts;
        this.catchUp = catchUp;
    }

    /**
     * Waits for the oldest request while {@link #IN_FLIGHT} are at Elasticsearch, then sends this page: each stored
     * document's one or more made again.
     */
    void send(List<Stored> stored, List<List<Rendered>> documents) throws IOException {
        while (sent.size() >= IN_FLIGHT) {
            awaitOldest();
        }
        sent.add(threads.submit(() -> {
            write(stored, documents);
            return null;
        }));
    }

    /** Waits for every request in flight; a failure of any is the copy's. */
    void finish() throws IOException {
        while (!sent.isEmpty()) {
            awaitOldest();
        }
    }

    private void awaitOldest() throws IOException {
        try {
            sent.peekFirst().get();
            sent.removeFirst();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while a bulk request of the rebuild was at Elasticsearch");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
    }

    /**
     * Creates each document, or (catch-up) writes it with the old index's sequence number as external version. The
     * parts of a document that held two items of one repository are written that way in the copy too: a writer that
     * put the document there first, still whole (it resolves against the old index), wrote a lower version, and the
     * parts replace it; one that wrote after the copy read is higher, stays, and is parted by the catch-up.
     */
    private void write(List<Stored> stored, List<List<Rendered>> documents) throws IOException {
        List<BulkOperation> ops = new ArrayList<>(stored.size());
        List<Rendered> written = new ArrayList<>(stored.size());
        int parted = 0;
        for (int i = 0; i < stored.size(); i++) {
            long version = stored.get(i).seqNo() == null ? 0 : stored.get(i).seqNo();
            for (Rendered document : documents.get(i)) {
                BinaryData body = document.json();
                ops.add(catchUp || document.parted()
                        ? BulkOperation.of(o -> o.index(x -> x.index(to).id(document.id()).document(body)
                                .version(version).versionType(VersionType.ExternalGte)))
                        : BulkOperation.of(o -> o.create(c -> c.index(to).id(document.id()).document(body))));
                written.add(document);
            }
            parted += documents.get(i).size() - 1;
        }
        if (ops.isEmpty()) {
            return; // every document of the page gone since it was listed: Elasticsearch refuses an empty request
        }
        BulkResponse response = client.bulk(b -> b.operations(ops));
        synchronized (counts) {
            counts.parted += parted;
            count(response, written);
        }
    }

    /** What each document of the request became. */
    private void count(BulkResponse response, List<Rendered> written) {
        for (int i = 0; i < response.items().size(); i++) {
            BulkResponseItem item = response.items().get(i);
            if (item.error() == null) {
                if (written.get(i).rebuilt()) {
                    counts.rebuilt++;
                } else {
                    counts.kept++;
                }
            } else if (item.status() == 409) {
                counts.newer++;
            } else {
                counts.failed++;
                LOG.error("document {} could not be written to {}: {} {}", item.id(), to, item.error().type(),
                        item.error().reason());
            }
        }
    }

    /**
     * After a failure: lets the requests still in flight end (their answers no longer count), so that nothing writes
     * to the new index once the copy has stopped; then stops the threads.
     */
    @Override
    public void close() {
        threads.shutdown();
        try {
            if (!threads.awaitTermination(1, TimeUnit.MINUTES)) {
                LOG.warn("a bulk request of the rebuild to {} is still unanswered after a minute; left to end", to);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        threads.shutdownNow();
    }
}
