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
import org.lumbung.index.IndexDocument;
import org.lumbung.index.ShardsUnavailableException;
import org.lumbung.pipeline.WorkPool;
import org.lumbung.reindex.DocumentRebuilder.Rendered;
import org.lumbung.reindex.DocumentRebuilder.Stored;

/**
 * Copies the documents of one index into another, made again by a {@link DocumentRebuilder}: all of them, or (the
 * catch-up) those changed since the copy read them. Pages are read through a point in time in shard order; a page's
 * documents are made again on the pool while the pages before are at Elasticsearch ({@link CopyWriter}).
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
        CatchUpWindow caughtUp = new CatchUpWindow(window);
        Counts counts = new Counts();
        try (Pages pages = new Pages(null); CopyWriter writer = new CopyWriter(client, to, counts, false)) {
            for (List<Hit<IndexDocument>> page = pages.next(); !page.isEmpty(); page = pages.next()) {
                List<Stored> stored = new ArrayList<>(page.size());
                page.forEach(h -> stored.add(new Stored(h.id(), h.seqNo(), h.source(), null)));
                List<List<Rendered>> documents = new ArrayList<>(pool.map(stored, rebuilder::render));
                readKept(stored, documents);
                for (int i = 0; i < stored.size(); i++) {
                    String indexedAt = documents.get(i).get(0).indexedAt();
                    if (indexedAt != null && caughtUp.holds(indexedAt)) {
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
            for (List<Hit<IndexDocument>> page = pages.next(); !page.isEmpty(); page = pages.next()) {
                List<String> changed = new ArrayList<>();
                for (Hit<IndexDocument> hit : page) {
                    if (hit.seqNo() == null || !hit.seqNo().equals(copied.get(hit.id()))) {
                        changed.add(hit.id());
                    }
                }
                counts.unchanged += page.size() - changed.size();
                if (!changed.isEmpty()) {
                    List<Stored> stored = pool.map(read(changed), Whole::bound);
                    writer.send(stored, pool.map(stored, rebuilder::render));
                }
            }
            writer.finish();
        }
        return counts;
    }

    /**
     * The copy reads only what making a document again needs; each document of the page to be kept as stored (a
     * tombstone, one read before the raw archive existed, one whose raw record cannot be read) is read whole now,
     * and one gone since is left out. It may be newer than the page's point in time: its sequence number stays the one
     * the page gave, so that the catch-up reads it again if it moved.
     */
    private void readKept(List<Stored> stored, List<List<Rendered>> documents) throws IOException {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < stored.size(); i++) {
            if (documents.get(i) == null) {
                ids.add(stored.get(i).id());
            }
        }
        if (ids.isEmpty()) {
            return;
        }
        Map<String, JsonData> whole = new HashMap<>();
        read(ids).forEach(w -> whole.put(w.id(), w.source()));
        for (int i = stored.size() - 1; i >= 0; i--) {
            if (documents.get(i) == null) {
                Stored read = stored.get(i);
                if (whole.containsKey(read.id())) {
                    documents.set(i, List.of(rebuilder.kept(read.id(), whole.get(read.id()), read.read().indexedAt())));
                } else {
                    stored.remove(i);
                    documents.remove(i);
                }
            }
        }
    }

    /** A document as it is now, whole, with the sequence number of what was read. */
    private record Whole(String id, Long seqNo, JsonData source) {

        /** As a document to make again: its whole source bound, for the fields a rebuild reads. */
        Stored bound() {
            return new Stored(id, seqNo, source.to(IndexDocument.class), source);
        }
    }

    /** The documents as they are now; one gone since is left out. */
    private List<Whole> read(List<String> ids) throws IOException {
        List<Whole> out = new ArrayList<>(ids.size());
        for (MultiGetResponseItem<JsonData> item : client.mget(m -> m.index(from).ids(ids), JsonData.class).docs()) {
            if (item.isFailure()) {
                throw new IOException("document " + item.failure().id() + " of " + from + " could not be read again: "
                        + item.failure().error().reason());
            }
            GetResult<JsonData> got = item.result();
            if (got.found()) {
                out.add(new Whole(got.id(), got.seqNo(), got.source()));
            }
        }
        return out;
    }

    /**
     * The pages of {@code from} through a point in time: all documents with the fields making them again reads, or
     * (since set) ids and sequence numbers.
     */
    private final class Pages implements AutoCloseable {
        private final Instant since;
        private final String pit;
        private List<FieldValue> after;

        Pages(Instant since) throws IOException {
            this.since = since;
            this.pit = client.openPointInTime(p -> p.index(from).keepAlive(k -> k.time(KEEP_ALIVE))).id();
        }

        /** The next page; empty at the end. */
        List<Hit<IndexDocument>> next() throws IOException {
            List<FieldValue> cursor = after;
            SearchResponse<IndexDocument> page = client.search(s -> {
                s.size(PAGE).pit(p -> p.id(pit).keepAlive(k -> k.time(KEEP_ALIVE))).seqNoPrimaryTerm(true)
                        .sort(o -> o.field(f -> f.field("_shard_doc").order(SortOrder.Asc)));
                if (since == null) {
                    s.source(src -> src.filter(f -> f.includes(DocumentRebuilder.READ)));
                } else {
                    s.source(src -> src.fetch(false)).query(q -> q.range(r -> r.untyped(u -> u.field("indexedAt")
                            .gte(JsonData.of(since.toString())))));
                }
                if (cursor != null) {
                    s.searchAfter(cursor);
                }
                return s;
            }, IndexDocument.class);
            // A page missing a shard's documents would leave them out of the new index, and the alias would move.
            ShardsUnavailableException.check(from, page.shards());
            List<Hit<IndexDocument>> hits = page.hits().hits();
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
