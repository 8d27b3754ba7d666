package org.lumbung.reindex;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import co.elastic.clients.util.BinaryData;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.lumbung.dc.DcRecord;
import org.lumbung.dc.Provenance;
import org.lumbung.dc.RecordMerger;
import org.lumbung.index.ArchiveException;
import org.lumbung.index.DocumentMapper;
import org.lumbung.index.IndexDocument;
import org.lumbung.index.IndexLayout;
import org.lumbung.index.JsonBytes;
import org.lumbung.index.RawArchive;
import org.lumbung.index.RecordIndexer;
import org.lumbung.index.WorkResolver;
import org.lumbung.index.Works;
import org.lumbung.pipeline.WorkPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds the records index from the raw archive with today's crosswalks and extractors, without harvesting again
 * and without downtime. A new concrete index is created and the alias {@code <prefix>-records-next} put on it, which
 * every {@link RecordIndexer} notices within {@link RecordIndexer#NEXT_CHECK} and from then on writes to as well.
 * Then each document of the live index is read again from its contributions' raw records into the new index (a
 * document a writer already put there is newer and stays); documents written around the start, before every writer
 * had noticed, are read again once more; then, in one atomic alias update, {@code <prefix>-records} moves to the new
 * index and the next alias goes. Searches see the old index until that moment and the new one after it. The old index
 * is kept, for the operator to delete.
 */
public final class Reindexer {

    private static final Logger LOG = LoggerFactory.getLogger("lumbung.reindex");
    private static final int PAGE = 500;
    /** How long before the next alias appeared a write may have been resolved and still be on its way. */
    private static final Duration IN_FLIGHT = Duration.ofMinutes(2);

    /** What a rebuild did. */
    public record Result(String from, String to, long rebuilt, long kept, long newer, long caughtUp, long failed,
                         Duration took) {
        @Override
        public String toString() {
            return "reindexed " + from + " into " + to + ": " + rebuilt + " documents rebuilt from the raw archive, "
                    + kept + " kept as stored (no raw record to read again), " + newer
                    + " already written anew during the rebuild, " + caughtUp + " read again after it, " + failed
                    + " failed, in " + took.toMillis() / 1000.0 + " s";
        }
    }

    private final ElasticsearchClient client;
    private final IndexLayout layout;
    private final RawArchive archive;
    private final WorkPool pool;
    private final JsonBytes json;

    public Reindexer(ElasticsearchClient client, IndexLayout layout, RawArchive archive) {
        this(client, layout, archive, WorkPool.CALLER);
    }

    /** A rebuild that reads documents again and renders them on the pool's threads. */
    public Reindexer(ElasticsearchClient client, IndexLayout layout, RawArchive archive, WorkPool pool) {
        this.client = client;
        this.layout = layout;
        this.archive = archive;
        this.pool = pool;
        this.json = new JsonBytes(client._jsonpMapper());
    }

    /** Rebuilds the index the records alias stands for into a new one and moves the alias to it. */
    public Result reindex() throws IOException, InterruptedException {
        Instant start = Instant.now();
        Set<String> current = client.indices().getAlias(g -> g.name(layout.recordsAlias())).result().keySet();
        if (current.size() != 1) {
            throw new IllegalStateException("alias " + layout.recordsAlias() + " stands for " + current
                    + "; a rebuild needs exactly one index behind it");
        }
        if (client.indices().existsAlias(e -> e.name(layout.nextAlias())).value()) {
            throw new IllegalStateException("a rebuild is already under way (alias " + layout.nextAlias()
                    + " exists); if it was interrupted, delete the index behind that alias and run reindex again");
        }
        String from = current.iterator().next();
        String to = layout.rebuildIndex(start.toEpochMilli());
        client.indices().create(c -> c.index(to).aliases(layout.nextAlias(), a -> a));
        LOG.info("rebuilding {} into {}; writes go to both from now", from, to);
        Instant announced = Instant.now();
        // Every writer notices the next alias within NEXT_CHECK; wait for all of them before reading.
        Thread.sleep(RecordIndexer.NEXT_CHECK.multipliedBy(2).plusMillis(500).toMillis());
        Instant window = announced.minus(IN_FLIGHT);
        Counts counts = new Counts();
        // The sequence number the copy read of each document indexed in the catch-up's window: unchanged since, it
        // is not read again (after a large harvest that window holds every document the harvest wrote).
        Map<String, Long> copiedLately = new HashMap<>();
        copy(from, to, null, counts, window, copiedLately);
        // Writes resolved before their writer noticed the next alias, and landed after the copy read past them.
        client.indices().refresh(r -> r.index(from));
        Counts catchUp = new Counts();
        copy(from, to, window, catchUp, window, copiedLately);
        LOG.info("caught up: {} documents written since the copy read them, {} in the window unchanged", catchUp.rebuilt
                + catchUp.kept + catchUp.newer + catchUp.failed, catchUp.unchanged);
        client.indices().refresh(r -> r.index(to));
        // Rebuilt one by one, each document knows only its own work; copies without a DOI find their DOI's now.
        long regrouped = WorkResolver.regroup(client, to);
        LOG.info("{} copies without a DOI put into the work of their DOI's copy", regrouped);
        if (counts.failed + catchUp.failed > 0) {
            client.indices().deleteAlias(d -> d.index(to).name(layout.nextAlias()));
            throw new IllegalStateException((counts.failed + catchUp.failed) + " documents could not be written to "
                    + to + " (the log names them); alias " + layout.recordsAlias() + " stays on " + from
                    + ", and " + to + " is left for inspection");
        }
        client.indices().updateAliases(u -> u
                .actions(a -> a.remove(r -> r.index(from).alias(layout.recordsAlias())))
                .actions(a -> a.add(ad -> ad.index(to).alias(layout.recordsAlias())))
                .actions(a -> a.remove(r -> r.index(to).alias(layout.nextAlias()))));
        Result result = new Result(from, to, counts.rebuilt, counts.kept, counts.newer,
                catchUp.rebuilt + catchUp.kept, counts.failed + catchUp.failed, Duration.between(start, Instant.now()));
        LOG.info("{}; alias {} moved to {}; {} kept, delete it when no longer wanted", result, layout.recordsAlias(),
                to, from);
        return result;
    }

    private static final class Counts {
        long rebuilt;
        long kept;
        long newer;
        long failed;
        long unchanged;
    }

    /**
     * Reads every document of {@code from} (or those indexed since {@code since}) again into {@code to}. The first
     * pass creates (a writer's document is newer); the catch-up pass writes with the old index's sequence number as
     * external version, above any the writers gave for older states, and leaves out a document whose sequence number
     * is the one the first pass copied. A page's documents are made again on the pool while the previous page's bulk
     * request is at Elasticsearch: one request in flight, answered in order.
     *
     * @param window indexed from then on, a document's sequence number as copied goes into {@code copied}
     */
    private void copy(String from, String to, Instant since, Counts counts, Instant window, Map<String, Long> copied)
            throws IOException {
        String pit = client.openPointInTime(p -> p.index(from).keepAlive(k -> k.time("5m"))).id();
        ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "lumbung-reindex-writer");
            t.setDaemon(true);
            return t;
        });
        Future<?> sent = null;
        try {
            List<FieldValue> after = null;
            while (true) {
                List<FieldValue> cursor = after;
                // Read as JSON, not as a document: one kept as stored is written again as it was, fields a newer
                // Lumbung wrote included.
                SearchResponse<JsonData> page = client.search(s -> {
                    s.size(PAGE).pit(p -> p.id(pit).keepAlive(k -> k.time("5m"))).seqNoPrimaryTerm(true)
                            .sort(o -> o.field(f -> f.field("_shard_doc").order(SortOrder.Asc)));
                    if (since != null) {
                        s.query(q -> q.range(r -> r.untyped(u -> u.field("indexedAt").gte(
                                JsonData.of(since.toString())))));
                    }
                    if (cursor != null) {
                        s.searchAfter(cursor);
                    }
                    return s;
                }, JsonData.class);
                List<Hit<JsonData>> read = page.hits().hits();
                if (read.isEmpty()) {
                    break;
                }
                after = read.get(read.size() - 1).sort();
                List<Hit<JsonData>> hits = since == null ? read : read.stream()
                        .filter(h -> h.seqNo() == null || !h.seqNo().equals(copied.get(h.id()))).toList();
                counts.unchanged += read.size() - hits.size();
                if (hits.isEmpty()) {
                    continue;
                }
                List<Rendered> documents = pool.map(hits, this::render);
                if (since == null) {
                    for (int i = 0; i < hits.size(); i++) {
                        String indexedAt = documents.get(i).indexedAt();
                        if (indexedAt != null && !Instant.parse(indexedAt).isBefore(window)) {
                            copied.put(hits.get(i).id(), hits.get(i).seqNo());
                        }
                    }
                }
                await(sent);
                sent = writer.submit(() -> {
                    write(to, hits, documents, since != null, counts);
                    return null;
                });
            }
            await(sent);
        } finally {
            writer.shutdownNow();
            client.closePointInTime(c -> c.id(pit));
        }
    }

    /** Waits for the bulk request in flight; its failure is the copy's. */
    private static void await(Future<?> sent) throws IOException {
        if (sent == null) {
            return;
        }
        try {
            sent.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while a bulk request of the rebuild was at Elasticsearch");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
    }

    /** A document as the bulk request carries it, and whether it was made again from its raw records. */
    private record Rendered(BinaryData json, boolean rebuilt, String indexedAt) {
    }

    private Rendered render(Hit<JsonData> hit) {
        IndexDocument stored = hit.source().to(IndexDocument.class);
        IndexDocument document = rebuild(hit.id(), stored);
        return new Rendered(json.of(document != null ? document : withWork(hit.id(), hit.source())), document != null,
                stored.indexedAt());
    }

    private void write(String to, List<Hit<JsonData>> hits, List<Rendered> documents, boolean catchUp, Counts counts)
            throws IOException {
        List<BulkOperation> ops = new ArrayList<>();
        for (int i = 0; i < hits.size(); i++) {
            Hit<JsonData> hit = hits.get(i);
            BinaryData body = documents.get(i).json();
            long version = hit.seqNo() == null ? 0 : hit.seqNo();
            ops.add(catchUp
                    ? BulkOperation.of(o -> o.index(x -> x.index(to).id(hit.id()).document(body)
                            .version(version).versionType(VersionType.ExternalGte)))
                    : BulkOperation.of(o -> o.create(c -> c.index(to).id(hit.id()).document(body))));
        }
        BulkResponse response = client.bulk(b -> b.operations(ops));
        for (int i = 0; i < response.items().size(); i++) {
            BulkResponseItem item = response.items().get(i);
            if (item.error() == null) {
                if (documents.get(i).rebuilt()) {
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
     * A document kept as stored, from before works (template version 5), made a work of its own: collapsing on a
     * missing work key would show every such document as one hit.
     */
    @SuppressWarnings("unchecked")
    private static Object withWork(String id, JsonData stored) {
        Map<String, Object> doc = stored.to(Map.class);
        if (doc.containsKey("work") || Boolean.TRUE.equals(doc.get("deleted"))) {
            return stored;
        }
        Map<String, Object> copy = new LinkedHashMap<>(doc);
        copy.put("work", Map.of("key", Works.ID + id));
        return copy;
    }

    /** The document made again from its contributions' raw records; null when one of them cannot be read again. */
    private IndexDocument rebuild(String id, IndexDocument stored) {
        if (stored.deleted()) {
            return null;
        }
        List<DcRecord> live = new ArrayList<>();
        for (Provenance p : stored.contributions().stream().map(IndexDocument.Provenance::toContribution).toList()) {
            try {
                DcRecord again = archive.read(p);
                if (!again.deleted()) {
                    live.add(again);
                }
            } catch (ArchiveException | RuntimeException e) {
                LOG.warn("document {}: contribution {} cannot be read again ({}); the document is kept as stored", id,
                        p.key(), e.getMessage());
                return null;
            }
        }
        if (live.isEmpty()) {
            return null;
        }
        Instant when = stored.indexedAt() == null ? Instant.now() : Instant.parse(stored.indexedAt());
        return DocumentMapper.toDocument(RecordMerger.merge(id, live, List.of()), when);
    }
}
