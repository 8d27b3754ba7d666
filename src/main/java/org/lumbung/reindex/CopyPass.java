package org.lumbung.reindex;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.get.GetResult;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lumbung.index.ShardsUnavailableException;
import org.lumbung.pipeline.WorkPool;
import org.lumbung.reindex.DocumentRebuilder.Rendered;
import org.lumbung.reindex.DocumentRebuilder.Stored;

/**
 * Copies the documents of one index into another, made again by a {@link DocumentRebuilder}: all of them, or (the
 * catch-up) those changed since the copy read them. Pages are read through a point in time in shard order; a page's
 * documents are made again on the pool while the page before is at Elasticsearch ({@link CopyWriter}).
 */
final class CopyPass {

    private static final int PAGE = 500;
    private static final String KEEP_ALIVE = "5m";

    /** What a pass did. */
    static final class Counts {
        long rebuilt;
        long kept;
        long newer;
        long failed;
        /** Documents made of the items of one repository that a stored document held beside its first. */
        long parted;
        /** Documents in the catch-up's window at the sequence number the copy read: not read again. */
        long unchanged;
    }

    private final ElasticsearchClient client;
    private final WorkPool pool;
    private final DocumentRebuilder rebuilder;
    private final String from;
    private final String to;
    /**
     * The sequence number the copy read of each document indexed in the catch-up's window: unchanged since, it is
     * not read again (after a large harvest that window holds every document the harvest wrote).
     */
    private final Map<String, Long> copied = new HashMap<>();

    CopyPass(ElasticsearchClient client, WorkPool pool, DocumentRebuilder rebuilder, String from, String to) {
        this.client = client;
        this.pool = pool;
        this.rebuilder = rebuilder;
        this.from = from;
        this.to = to;
    }

    /**
     * Every document, created in {@code to}: one a writer already put there is newer and stays. The sequence number
     * read of each document indexed from {@code window} on is remembered for {@link #catchUp}.
     */
    Counts copyAll(Instant window) throws IOException {
        Counts counts = new Counts();
        try (Pages pages = new Pages(null); CopyWriter writer = new CopyWriter(client, to, counts, false)) {
            for (List<Hit<JsonData>> page = pages.next(); !page.isEmpty(); page = pages.next()) {
                List<Stored> stored = page.stream().map(h -> new Stored(h.id(), h.seqNo(), h.source())).toList();
                List<List<Rendered>> documents = pool.map(stored, rebuilder::render);
                for (int i = 0; i < stored.size(); i++) {
                    String indexedAt = documents.get(i).get(0).indexedAt();
                    if (indexedAt != null && !Instant.parse(indexedAt).isBefore(window)) {
                        copied.put(stored.get(i).id(), stored.get(i).seqNo());
                    }
                }
                writer.send(stored, documents);
            }
            writer.finish();
        }
        return counts;
    }

    /**
     * The documents indexed since {@code since} whose sequence number moved after {@link #copyAll} read them, or that
     * it never read: written with the old index's sequence number as external version, above any the writers gave
     * for older states. The window's pages are read as ids and sequence numbers only (after a large harvest that
     * window holds everything it wrote); only the changed documents are fetched whole.
     */
    Counts catchUp(Instant since) throws IOException {
        Counts counts = new Counts();
        try (Pages pages = new Pages(since); CopyWriter writer = new CopyWriter(client, to, counts, true)) {
            for (List<Hit<JsonData>> page = pages.next(); !page.isEmpty(); page = pages.next()) {
                List<String> changed = new ArrayList<>();
                for (Hit<JsonData> hit : page) {
                    if (hit.seqNo() == null || !hit.seqNo().equals(copied.get(hit.id()))) {
                        changed.add(hit.id());
                    }
                }
                counts.unchanged += page.size() - changed.size();
                if (!changed.isEmpty()) {
                    List<Stored> stored = read(changed);
                    writer.send(stored, pool.map(stored, rebuilder::render));
                }
            }
            writer.finish();
        }
        return counts;
    }

    /** The documents as they are now, with the sequence number of what is read; one gone since is left out. */
    private List<Stored> read(List<String> ids) throws IOException {
        List<Stored> out = new ArrayList<>(ids.size());
        for (MultiGetResponseItem<JsonData> item : client.mget(m -> m.index(from).ids(ids), JsonData.class).docs()) {
            if (item.isFailure()) {
                throw new IOException("document " + item.failure().id() + " of " + from + " could not be read again: "
                        + item.failure().error().reason());
            }
            GetResult<JsonData> got = item.result();
            if (got.found()) {
                out.add(new Stored(got.id(), got.seqNo(), got.source()));
            }
        }
        return out;
    }

    /** The pages of {@code from} through a point in time: all documents, or (since set) ids and sequence numbers. */
    private final class Pages implements AutoCloseable {
        private final Instant since;
        private final String pit;
        private List<FieldValue> after;

        Pages(Instant since) throws IOException {
            this.since = since;
            this.pit = client.openPointInTime(p -> p.index(from).keepAlive(k -> k.time(KEEP_ALIVE))).id();
        }

        /** The next page; empty at the end. */
        List<Hit<JsonData>> next() throws IOException {
            List<FieldValue> cursor = after;
            // Read as JSON, not as a document: one kept as stored is written again as it was, fields a newer Lumbung
            // wrote included.
            SearchResponse<JsonData> page = client.search(s -> {
                s.size(PAGE).pit(p -> p.id(pit).keepAlive(k -> k.time(KEEP_ALIVE))).seqNoPrimaryTerm(true)
                        .sort(o -> o.field(f -> f.field("_shard_doc").order(SortOrder.Asc)));
                if (since != null) {
                    s.source(src -> src.fetch(false)).query(q -> q.range(r -> r.untyped(u -> u.field("indexedAt")
                            .gte(JsonData.of(since.toString())))));
                }
                if (cursor != null) {
                    s.searchAfter(cursor);
                }
                return s;
            }, JsonData.class);
            // A page missing a shard's documents would leave them out of the new index, and the alias would move.
            ShardsUnavailableException.check(from, page.shards());
            List<Hit<JsonData>> hits = page.hits().hits();
            if (!hits.isEmpty()) {
                after = hits.get(hits.size() - 1).sort();
            }
            return hits;
        }

        @Override
        public void close() throws IOException {
            client.closePointInTime(c -> c.id(pit));
        }
    }
}
