package org.lumbung.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkIngester;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkListener;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.transport.TransportException;
import co.elastic.clients.util.BinaryData;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.lumbung.dc.DcBatch;
import org.lumbung.dc.DcRecord;
import org.lumbung.pipeline.Backoff;
import org.lumbung.pipeline.DaemonThreads;
import org.lumbung.pipeline.Delivery;
import org.lumbung.pipeline.RecordFailure;
import org.lumbung.pipeline.WorkPool;
import org.lumbung.pipeline.RecordFailure.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes records through the client's BulkIngester, which batches by count and size and keeps a bounded number of
 * requests in flight; one thread feeds it ({@link BulkSender}), and a writer waits for room there, holding no lock. Each incoming record is first placed in the document
 * it belongs to ({@link RecordResolver}: an OAI record and its landing page become one document) and the document is
 * written only if nobody changed it meanwhile; a write that lost that race is resolved and written again. Every failed
 * record is logged with its id and reason and reported back through the batch's {@link Delivery}; none is swallowed.
 */
public final class RecordIndexer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger("lumbung.index");
    /** How often a document changed by someone else meanwhile is resolved again before its records fail. */
    private static final int CONFLICT_ATTEMPTS = 5;

    /** Options of the bulk ingester, and how long a document Elasticsearch refuses as too busy (429) is retried. */
    public record BulkOptions(int operations, long bytes, int concurrency, Duration flushInterval, EsRetry retry) {
        public BulkOptions(int operations, long bytes, int concurrency, Duration flushInterval) {
            this(operations, bytes, concurrency, flushInterval, EsRetry.DEFAULT);
        }
    }

    /** How soon a writer notices that a rebuild has started ({@code reindex}) and writes to its index too. */
    public static final Duration NEXT_CHECK = Duration.ofSeconds(1);
    /**
     * How long after the rebuild's alias appeared every writer has noticed it: a rebuild's catch-up, which reads again
     * what writers put in the old index alone, begins no sooner. So a write placed without its copy after a look that
     * saw no rebuild, and answered within this of that look, landed before any catch-up read the old index; one
     * answered later may have landed after it (a slow request, or one Elasticsearch's client sent again after a 429)
     * and is checked when answered ({@link #lateLanding}).
     */
    public static final Duration NOTICED = NEXT_CHECK.multipliedBy(2).plusMillis(500);

    /**
     * One document write and the incoming records it carries; a copy into the index being rebuilt is secondary: it
     * answers for no record. The document is held as the JSON sent, not as its tree: it waits here until its request
     * is answered, and the tree is several times the size. Of the write only its id and incoming records are kept
     * (to place them again after a conflict, or set them aside): not the merged record, its work and keys, which the
     * JSON holds already and which thousands of items waiting for their requests would keep alive for nothing.
     */
    private record Item(IndexTicket ticket, String id, List<DcRecord> incoming, BinaryData document, int attempt,
                        boolean secondary, long uncopiedSince, Pair pair) {

        /**
         * @param uncopiedSince for a write sent without a copy (no rebuild seen), when the last look that saw none
         *                      began ({@link System#nanoTime}); {@link Long#MAX_VALUE} for one with its copy and for a
         *                      copy
         * @param pair          shared by a write and its copy; null for a write sent without one
         */
        Item(IndexTicket ticket, RecordResolver.Write write, BinaryData document, int attempt, boolean secondary,
             long uncopiedSince, Pair pair) {
            this(ticket, write.id(), secondary ? List.of() : write.incoming(), document, attempt, secondary,
                    uncopiedSince, pair);
        }
    }

    /**
     * A write sent with its copy into the index being rebuilt. The write may land in the old index after the rebuild's
     * catch-up read it (sent again after a 429, say): then only its copy carries it into the rebuilt index. So a
     * write that landed is trusted only once its copy has been answered: written (or found older than a state already
     * there, 409), or refused and the write then checked as a late one is ({@link #lateLanding}). The two may be
     * answered in either order, in different requests.
     */
    private static final class Pair {
        private boolean copyAnswered;
        /** Why Elasticsearch refused the copy; null when it took it, or found a later state there. */
        private String copyRefused;
        /** The write, once it landed, waiting for its copy's answer; and the index it landed in. */
        private Item landed;
        private String landedIn;

        /** The write landed; true when its copy has been answered, so it can be settled now. */
        synchronized boolean writeLanded(Item item, String index) {
            landed = item;
            landedIn = index;
            return copyAnswered;
        }

        /** The copy was answered; the write to settle now, or null when it has not landed (or failed). */
        synchronized Item copyAnswered(String refused) {
            copyAnswered = true;
            copyRefused = refused;
            return landed;
        }

        synchronized String copyRefused() {
            return copyRefused;
        }

        synchronized String landedIn() {
            return landedIn;
        }
    }

    /**
     * What the last look for a rebuild that was answered found, when the last look that found none began, and why
     * the last look could not tell (null when it could).
     */
    private record RebuildLook(boolean rebuilding, long noneSince, String unknownBecause) {
    }

    private static final double MB = 1024 * 1024;

    private final BulkIngester<Item> ingester;
    /** The only caller of the ingester: see there why. */
    private final BulkSender<Item> sender;
    private final long maxRequestBytes;
    private final JsonBytes json;
    private final ElasticsearchClient client;
    private final String alias;
    private final String nextAlias;
    private final String pendingAlias;
    private final DeadLetterStore deadLetters;
    private final Object looking = new Object();
    /** When the last look for a rebuild began (System.nanoTime); the first look is due at once. */
    private long nextCheckedAt = System.nanoTime() - NEXT_CHECK.toNanos() - 1;
    private boolean rebuilding;
    /** When the last look that found no rebuild began; a look that failed found nothing. */
    private long noneSince = Long.MIN_VALUE;
    /** Why the last look for a rebuild could not tell whether one is under way; null when it could. */
    private String unknownBecause;
    /** The index the records alias stood for at the last look ({@link #liveIndex}), and when that look began. */
    private String live;
    private long liveCheckedAt = System.nanoTime() - NEXT_CHECK.toNanos() - 1;
    private final RecordResolver resolver;
    private final Object resolving = new Object();
    private final EsRetry retry;
    private final EsWaits waits;
    /** Resolves writes that lost a race again, off the ingester's listener thread. */
    private final ScheduledExecutorService conflicts =
            Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("lumbung-index-conflicts"));
    private final Listener listener = new Listener();
    /** Renders the documents of a resolve, a chunk a thread. */
    private final WorkPool pool;
    /** Writes queued and not yet answered, conflicts being resolved again included: close waits for none left. */
    private final AtomicLong outstanding = new AtomicLong();
    /**
     * Documents (by id) with a write of this indexer queued and not yet answered, or refused as a conflict and not
     * yet placed again: a look-up reads the version before such a write, so a record found unchanged against it may
     * not be (see {@link #unchanged}).
     */
    private final Map<String, Integer> inFlight = new ConcurrentHashMap<>();

    public RecordIndexer(ElasticsearchClient client, IndexLayout layout, BulkOptions options,
                         DeadLetterStore deadLetters, RawArchive archive) {
        this(client, layout, options, deadLetters, archive, WorkPool.CALLER);
    }

    /** An indexer that renders documents on the pool's threads. */
    public RecordIndexer(ElasticsearchClient client, IndexLayout layout, BulkOptions options,
                         DeadLetterStore deadLetters, RawArchive archive, WorkPool pool) {
        this.client = client;
        this.pool = pool;
        this.json = new JsonBytes(client._jsonpMapper());
        this.alias = layout.recordsAlias();
        this.nextAlias = layout.nextAlias();
        this.pendingAlias = layout.catchUpPendingAlias();
        this.deadLetters = deadLetters;
        this.resolver = new RecordResolver(client, alias, archive);
        this.retry = options.retry();
        this.maxRequestBytes = options.bytes();
        this.waits = EsWaits.of(client);
        this.ingester = BulkIngester.of(b -> b
                .client(client)
                .maxOperations(options.operations())
                .maxSize(options.bytes())
                .maxConcurrentRequests(options.concurrency())
                .globalSettings(g -> g.requireAlias(true))
                .backoffPolicy(retry.bulkBackoff(waits))
                .listener(listener));
        int requests = options.concurrency() + 1;
        this.sender = new BulkSender<>(ingester, options.flushInterval(), options.operations() * requests,
                options.bytes() * requests, (item, e) -> listener.neverSent(List.of(item),
                        "the bulk ingester refused it: " + e));
    }

    /** Queues the batch's records for indexing; the returned delivery completes when all are acknowledged. */
    public Delivery index(DcBatch batch) {
        IndexTicket ticket = new IndexTicket(this, batch.records().size(), batch.failures());
        if (deadLetters != null) {
            batch.failures().stream().filter(f -> !f.transientFailure())
                    .forEach(f -> deadLetters.add(f, null));
        }
        if (!batch.records().isEmpty()) {
            try {
                // Before the resolving lock, never under it: a writer that waits holding it stops every other.
                sender.awaitRoom();
            } catch (InterruptedException e) {
                // Shutting down: the records fail transiently, so the harvest stops before their checkpoint.
                Thread.currentThread().interrupt();
                batch.records().forEach(r -> ticket.failed(new RecordFailure(r.sourceId(), r.id(), Stage.INDEX, 0,
                        "not indexed: interrupted while waiting to be queued", null, true)));
                return ticket;
            }
            outstanding.incrementAndGet();
            try {
                write(ticket, batch.records(), 1);
            } finally {
                outstanding.decrementAndGet();
            }
        }
        return ticket;
    }

    /** Resolves the records into document writes and queues them; a failure to resolve fails them, transiently. */
    private void write(IndexTicket ticket, List<DcRecord> records, int attempt) {
        // One resolve at a time, its writes queued before the next looks: a search sees a write only after a
        // refresh, and the resolver's memory of recent writes covers that gap only for writes it has placed.
        synchronized (resolving) {
            List<RecordResolver.Write> writes;
            try {
                writes = resolve(records);
            } catch (IOException | RuntimeException e) {
                fail(ticket, records, e);
                return;
            }
            String now = Instant.now().toString();
            RebuildLook look = rebuilding(false);
            boolean copy = look.rebuilding();
            // A document found as it would be written is left alone only when the look found no rebuild: while one
            // runs every document goes into both indices, and when whether one runs cannot be told, the found version
            // may have landed after a catch-up read, so the write is sent and checked when answered (lateLanding).
            boolean leaveUnchanged = !copy && look.unknownBecause() == null;
            // Serialised once, here: the ingester sizes its requests by these bytes and sends them as they are. The
            // rendering runs on the pool; the writes are queued here, in the resolver's order.
            List<JsonBytes.Document> documents = pool.map(writes, write -> json.document(
                    DocumentMapper.toDocument(write.merged(), now, write.work(), write.keys())));
            for (int i = 0; i < writes.size(); i++) {
                RecordResolver.Write write = writes.get(i);
                if (leaveUnchanged && unchanged(write, documents.get(i))) {
                    write.incoming().forEach(r -> ticket.unchanged(r.deleted()));
                    continue;
                }
                BinaryData document = documents.get(i).json();
                if (document.size() > maxRequestBytes) {
                    // Sent alone it would still be refused whole (413, or 429 from a small node's circuit breaker)
                    // and wait out every retry as if Elasticsearch were away.
                    refuse(ticket, write.incoming(), 0, String.format(Locale.ROOT, "the document is %.1f MB, more than"
                            + " one bulk request may carry (lumbung.index.bulk-bytes, %.1f MB)",
                            document.size() / MB, maxRequestBytes / MB), null);
                    continue;
                }
                outstanding.incrementAndGet();
                hold(write.id());
                if (copy) {
                    outstanding.incrementAndGet();
                    Pair pair = new Pair();
                    sender.sendTogether(operation(write, document), new Item(ticket, write, document, attempt, false,
                                    Long.MAX_VALUE, pair),
                            copy(write, document), new Item(ticket, write, document, attempt, true, Long.MAX_VALUE,
                                    pair),
                            document.size());
                } else {
                    sender.send(operation(write, document), new Item(ticket, write, document, attempt, false,
                                    look.noneSince(), null),
                            document.size());
                }
            }
        }
    }

    /**
     * Whether the document rendered is the version the look-up found, byte for byte but its change time: then its
     * write is left out, and the document keeps its change time (its datestamp in Lumbung's own OAI-PMH) and costs
     * Elasticsearch nothing. Never while a write of this indexer to it is on its way: the look-up read the version
     * before that one. While a rebuild runs every document is written, into both indices, as before.
     */
    private boolean unchanged(RecordResolver.Write write, JsonBytes.Document document) {
        return write.unchangedIf() != null && write.unchangedIf().equals(document.fingerprint())
                && !inFlight.containsKey(write.id());
    }

    private void hold(String id) {
        inFlight.merge(id, 1, Integer::sum);
    }

    private void release(String id) {
        inFlight.computeIfPresent(id, (k, n) -> n == 1 ? null : n - 1);
    }

    /** An item's request was answered (or will never be sent). */
    private void answered(Item item) {
        if (!item.secondary()) {
            release(item.id());
        }
        outstanding.decrementAndGet();
    }

    /**
     * The resolver's writes. A look-up that could not read every shard (a node just restarted) is tried again after a
     * backoff, as a request to a cluster away is; reading it as "not there" would split a document in two.
     */
    private List<RecordResolver.Write> resolve(List<DcRecord> records) throws IOException {
        Backoff.Retries retries = retry.backoff().start();
        while (true) {
            try {
                List<RecordResolver.Write> writes = resolver.resolve(records);
                if (retries.attempt() > 1) {
                    waits.ended();
                }
                return writes;
            } catch (ShardsUnavailableException e) {
                int attempt = retries.attempt();
                Duration wait = retries.next().orElse(null);
                if (wait == null) {
                    if (attempt > 1) {
                        waits.ended();
                    }
                    throw e;
                }
                if (attempt == 1) {
                    waits.began();
                }
                LOG.warn("{}; looking again in {} ms", e.getMessage(), wait.toMillis());
                EsRetry.pause(wait);
            }
        }
    }

    /**
     * Whether a rebuild is under way (the next alias exists), asked of the cluster at most every NEXT_CHECK, and when
     * the last look that found none began. A look that fails leaves both as they were (a writer that saw a rebuild
     * goes on writing its copies) and says the state is unknown until a look is answered.
     *
     * @param fresh asked now, whenever the last look was
     */
    private RebuildLook rebuilding(boolean fresh) {
        synchronized (looking) {
            long now = System.nanoTime();
            if (fresh || now - nextCheckedAt > NEXT_CHECK.toNanos()) {
                try {
                    boolean was = rebuilding;
                    rebuilding = client.indices().existsAlias(e -> e.name(nextAlias)).value();
                    if (!rebuilding) {
                        noneSince = now;
                    }
                    if (rebuilding != was) {
                        LOG.info(rebuilding ? "a rebuild has started: writing to {} as well"
                                : "the rebuild into {} is over", nextAlias);
                    }
                    unknownBecause = null;
                } catch (IOException | RuntimeException e) {
                    unknownBecause = refused(e)
                            ? "Elasticsearch refused to say whether the alias " + nextAlias + " exists ("
                            + ((TransportException) e).statusCode() + "): the user may not read aliases"
                            : e.toString();
                    LOG.warn("could not tell whether a rebuild (reindex) is under way: {}. Until it can, a write"
                            + " answered late is not taken as indexed; the Elasticsearch user needs to read the"
                            + " aliases of {} (view_index_metadata)", unknownBecause, alias);
                }
                nextCheckedAt = now;
            }
            return new RebuildLook(rebuilding, noneSince, unknownBecause);
        }
    }

    /** Whether Elasticsearch refused to answer for want of a right (401, 403), not for a fault that passes. */
    private static boolean refused(Exception e) {
        return e instanceof TransportException t && (t.statusCode() == 401 || t.statusCode() == 403);
    }

    /**
     * Whether a write sent without a copy was answered too long after the look that found no rebuild to be sure it
     * landed before any catch-up read the index it landed in: a catch-up begins {@link #NOTICED} after the rebuild's
     * alias appeared, which was after that look.
     */
    private static boolean mayHaveLandedLate(Item item, long answeredAt) {
        long since = item.uncopiedSince();
        if (since == Long.MAX_VALUE) {
            return false;
        }
        // Long.MIN_VALUE: no look ever found no rebuild (each failed), so nothing is known.
        return since == Long.MIN_VALUE || answeredAt - since > NOTICED.toNanos();
    }

    /**
     * Why a write that {@link #mayHaveLandedLate}, or whose copy was refused, may be missing from a rebuilt index; null
     * when it is not. It is when it landed in the index a rebuild is replacing and that rebuild's catch-up has begun,
     * or in one no longer live: the catch-up may have read that index before it landed, and the rebuilt index would
     * keep the document as it was. It is also when neither can be told.
     *
     * @param copyRefused why the write's copy into the index being rebuilt was refused; null for a write sent without
     */
    private String lateLanding(String index, String copyRefused) {
        String written = copyRefused == null ? "written to " + index + " alone, late,"
                : "written to " + index + ", its copy into " + nextAlias + " refused (" + copyRefused + "),";
        // Most often a copy is refused because it went just after the rebuild moved the alias and took the next one
        // away, and the write went to the rebuilt index: looks a second old would still say the rebuild is under way.
        boolean fresh = copyRefused != null;
        RebuildLook look = rebuilding(fresh);
        if (look.unknownBecause() != null) {
            // A rebuild may be under way and its catch-up have read the index before this write landed.
            return written + " and whether a rebuild of it (reindex) was under way could not be told (the"
                    + " Elasticsearch user needs to read the aliases of " + alias + "): " + look.unknownBecause();
        }
        if (look.rebuilding()) {
            return catchUpWillRead(index) ? null : written + " while a rebuild of it (reindex) was under way";
        }
        String now = liveIndex(fresh);
        if (!index.equals(now)) {
            return written + " and a rebuild (reindex) has replaced it with " + (now == null ? "another index" : now);
        }
        return null;
    }

    /**
     * Whether a rebuild's catch-up has yet to read the index a write landed in, looked at now, after the write was
     * answered: the rebuild's pending alias is there (its catch-up has not begun), and then the index is still the
     * live one (so it is the one that rebuild copies: none has finished since the write landed). False when it cannot
     * be told.
     */
    private boolean catchUpWillRead(String index) {
        try {
            return client.indices().existsAlias(e -> e.name(pendingAlias)).value() && index.equals(liveIndex(true));
        } catch (IOException | RuntimeException e) {
            LOG.warn("could not tell whether a rebuild's catch-up is yet to read {}: {}", index, e.toString());
            return false;
        }
    }

    /**
     * The index the records alias stands for, asked at most every NEXT_CHECK unless {@code fresh}; null when it cannot
     * be told.
     */
    private String liveIndex(boolean fresh) {
        synchronized (looking) {
            long now = System.nanoTime();
            if (fresh || now - liveCheckedAt > NEXT_CHECK.toNanos()) {
                try {
                    Set<String> indices = client.indices().getAlias(g -> g.name(alias)).result().keySet();
                    live = indices.size() == 1 ? indices.iterator().next() : null;
                } catch (IOException | RuntimeException e) {
                    LOG.warn("could not tell which index the records alias stands for: {}", e.toString());
                    live = null;
                }
                liveCheckedAt = now;
            }
            return live;
        }
    }

    /**
     * The same document into the index being rebuilt. Its version is above the one the document replaces here, so of
     * two copies of one document the later state wins whatever order they land in; the rebuild's own copies are
     * created and lose to these.
     */
    private BulkOperation copy(RecordResolver.Write write, BinaryData document) {
        long version = write.seqNo() == null ? 0 : write.seqNo() + 1;
        return BulkOperation.of(op -> op.index(i -> i.index(nextAlias).id(DocumentIds.safe(write.id()))
                .document(document).version(version).versionType(VersionType.ExternalGte)));
    }

    private static void fail(IndexTicket ticket, List<DcRecord> records, Exception e) {
        LOG.error("could not place {} records among the indexed documents: {}", records.size(), e.toString());
        for (DcRecord record : records) {
            ticket.failed(new RecordFailure(record.sourceId(), record.id(), Stage.INDEX, 0,
                    "not indexed: could not look up the documents it may belong to: " + e, null, true));
        }
    }

    /** Records whose document cannot be indexed: to the dead letters, with the document sent when at hand. */
    private void refuse(IndexTicket ticket, List<DcRecord> records, int status, String reason, String raw) {
        for (DcRecord record : records) {
            RecordFailure failure = new RecordFailure(record.sourceId(), record.id(), Stage.INDEX, status,
                    "not indexed: " + reason, raw, false);
            if (deadLetters != null) {
                deadLetters.add(failure, null);
            } else {
                LOG.error("{}", failure);
            }
            ticket.failed(failure);
        }
    }

    private BulkOperation operation(RecordResolver.Write write, BinaryData document) {
        String id = DocumentIds.safe(write.id());
        if (write.seqNo() == null) {
            return BulkOperation.of(op -> op.create(c -> c.index(alias).id(id).document(document)));
        }
        return BulkOperation.of(op -> op.index(i -> i.index(alias).id(id).document(document)
                .ifSeqNo(write.seqNo()).ifPrimaryTerm(write.primaryTerm())));
    }

    /** Sends what is buffered now instead of waiting for the flush interval. */
    public void flush() {
        sender.flush();
    }

    /**
     * Sends what is left, conflicts resolved again included, and waits for it; then refreshes, so that what was
     * indexed is searchable at once.
     */
    @Override
    public void close() {
        try {
            while (outstanding.get() > 0) {
                sender.flush();
                Thread.sleep(10);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sender.close();
        ingester.close();
        conflicts.shutdown();
        try {
            client.indices().refresh(r -> r.index(alias));
        } catch (IOException | RuntimeException e) {
            LOG.warn("could not refresh {}: {}", alias, e.toString());
        }
    }

    private static String json(BinaryData document) {
        try {
            ByteBuffer bytes = document.asByteBuffer();
            return StandardCharsets.UTF_8.decode(bytes).toString();
        } catch (IOException e) {
            return "(the document cannot be read back: " + e.getMessage() + ")";
        }
    }

    /** A write that landed and may be missing from a rebuilt index: see {@link #lateLanding}. */
    private record Check(Item write, String index, String copyRefused) {
    }

    private final class Listener implements BulkListener<Item> {

        @Override
        public void beforeBulk(long executionId, BulkRequest request, List<Item> items) {
            // nothing to do before a request
        }

        @Override
        public void afterBulk(long executionId, BulkRequest request, List<Item> items, BulkResponse response) {
            List<BulkResponseItem> results = response.items();
            long answeredAt = System.nanoTime();
            List<Check> checks = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                Item item = items.get(i);
                BulkResponseItem result = results.get(i);
                if (item.secondary()) {
                    // 409: a later state of the document is there already. Any other refusal: the rebuild ended
                    // (its alias is gone, and the write went to the rebuilt index or the catch-up read it) or the
                    // copy failed: the write's landing decides.
                    copyAnswered(item, result.error() == null || result.status() == 409 ? null
                            : result.status() + " " + result.error().type() + ": " + result.error().reason(), checks);
                } else if (result.error() == null && item.pair() != null) {
                    if (item.pair().writeLanded(item, result.index())) {
                        settle(item, checks);
                    }
                } else if (result.error() == null && mayHaveLandedLate(item, answeredAt)) {
                    check(new Check(item, result.index(), null), checks);
                } else if (result.error() == null) {
                    landed(item, null);
                } else if (result.status() == 409 && item.attempt() < CONFLICT_ATTEMPTS) {
                    // Someone changed the document since it was read: place the records again, off this thread.
                    outstanding.incrementAndGet();
                    hold(item.id());
                    conflicts.execute(() -> {
                        try {
                            write(item.ticket(), item.incoming(), item.attempt() + 1);
                        } finally {
                            release(item.id());
                            outstanding.decrementAndGet();
                        }
                    });
                } else if (result.status() == 429) {
                    // The ingester sent it again (bulkBackoff) until the retry timeout was spent.
                    failTransiently(item, 429, "Elasticsearch kept refusing it as too busy (429) for " + retry.timeout());
                } else if (EsRetry.busy(result.status())) {
                    failTransiently(item, result.status(), "Elasticsearch could not write it now (" + result.status() + " "
                            + result.error().type() + ": " + result.error().reason() + ")");
                } else {
                    fail(item, result.status(), result.status() + " " + result.error().type() + ": " + result.error().reason());
                }
                answered(item);
            }
            runChecks(checks);
        }

        @Override
        public void afterBulk(long executionId, BulkRequest request, List<Item> items, Throwable failure) {
            // The whole request failed (Elasticsearch unreachable): not the records' fault, so transient.
            LOG.error("a bulk request of {} documents failed: {}", items.size(), failure.toString());
            neverSent(items, "bulk request failed: " + failure);
        }

        /**
         * Items that did not reach Elasticsearch, or whose request failed whole: their records fail transiently, and
         * a copy among them settles the write it goes with, which may have landed in a request of its own.
         */
        void neverSent(List<Item> items, String reason) {
            List<Check> checks = new ArrayList<>();
            for (Item item : items) {
                if (item.secondary()) {
                    copyAnswered(item, reason, checks);
                }
                failTransiently(item, 0, reason);
                answered(item);
            }
            runChecks(checks);
        }

        /** A copy was answered (refused, why; else null): its write, if it landed, is settled now. */
        private void copyAnswered(Item copy, String refused, List<Check> checks) {
            if (refused != null) {
                LOG.debug("copy of {} into {} refused: {}", copy.id(), nextAlias, refused);
            }
            Item write = copy.pair().copyAnswered(refused);
            if (write != null) {
                settle(write, checks);
            }
        }

        /** A write that landed and whose copy has been answered: indexed, or checked if its copy was refused. */
        private void settle(Item write, List<Check> checks) {
            String refused = write.pair().copyRefused();
            if (refused == null) {
                landed(write, null);
            } else {
                check(new Check(write, write.pair().landedIn(), refused), checks);
            }
        }

        private void check(Check check, List<Check> checks) {
            if (checks.isEmpty()) {
                // Counted before the item at hand is answered, so that close waits for the looks.
                outstanding.incrementAndGet();
            }
            checks.add(check);
        }

        /** Asking the cluster where its indices stand blocks: off this thread, as conflicts are. */
        private void runChecks(List<Check> checks) {
            if (checks.isEmpty()) {
                return;
            }
            conflicts.execute(() -> {
                try {
                    for (Check check : checks) {
                        landed(check.write(), lateLanding(check.index(), check.copyRefused()));
                    }
                } finally {
                    outstanding.decrementAndGet();
                }
            });
        }

        /**
         * A write Elasticsearch took: its records are indexed, unless it may be missing from a rebuilt index (why, in
         * {@code late}). Then, not the records' fault, they fail transiently: their harvest stops before their
         * checkpoint, and the next run writes them again, into the live index.
         */
        private void landed(Item item, String late) {
            if (late == null) {
                item.incoming().forEach(r -> item.ticket().succeeded(r.deleted()));
            } else {
                LOG.warn("document {} {}: its records are taken as not indexed, to be written again", item.id(), late);
                failTransiently(item, 0, late);
            }
        }

        /** Not the records' fault: they fail transiently, so the harvest stops before their checkpoint. */
        private void failTransiently(Item item, int status, String reason) {
            for (DcRecord record : item.incoming()) {
                item.ticket().failed(new RecordFailure(record.sourceId(), record.id(), Stage.INDEX, status,
                        "not indexed: " + reason, null, true));
            }
        }

        /** The document was refused (a mapping conflict, say): its records go to the dead letters as they were. */
        private void fail(Item item, int status, String reason) {
            refuse(item.ticket(), item.incoming(), status, reason, json(item.document()));
        }
    }
}
