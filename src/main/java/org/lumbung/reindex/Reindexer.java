package org.lumbung.reindex;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.lumbung.index.IndexLayout;
import org.lumbung.index.IndexSetup;
import org.lumbung.index.JsonBytes;
import org.lumbung.index.RawArchive;
import org.lumbung.index.RecordIndexer;
import org.lumbung.index.WorkResolver;
import org.lumbung.pipeline.WorkPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds the records index from the raw archive with today's crosswalks and extractors, without harvesting again
 * and without downtime. A new concrete index is created and the alias {@code <prefix>-records-next} put on it, which
 * every {@link RecordIndexer} notices within {@link RecordIndexer#NEXT_CHECK} and from then on writes to as well.
 * Then each document of the live index is read again from its contributions' raw records into the new index (a
 * document a writer already put there is newer and stays), from the moment the alias is there; documents written
 * around the start, before every writer had noticed, are read again once more, once every writer has; then, in one
 * atomic alias update, {@code <prefix>-records} moves to the new index and the next alias goes. Searches see the old
 * index until that moment and the new one after it. The old index is kept, for the operator to delete.
 */
public final class Reindexer {

    private static final Logger LOG = LoggerFactory.getLogger("lumbung.reindex");
    /** How long before the next alias appeared a write may have been resolved and still be on its way. */
    private static final Duration IN_FLIGHT = Duration.ofMinutes(2);
    /** How often the two indices' counts are compared before a shortfall stops the rebuild, and the pause between. */
    private static final int COUNT_LOOKS = 3;
    private static final Duration COUNT_PAUSE = Duration.ofSeconds(2);

    /** What a rebuild did. */
    public record Result(String from, String to, long rebuilt, long kept, long newer, long caughtUp, long failed,
                         long parted, Duration took) {
        @Override
        public String toString() {
            return "reindexed " + from + " into " + to + ": " + rebuilt + " documents rebuilt from the raw archive, "
                    + kept + " kept as stored (no raw record to read again), " + newer
                    + " already written anew during the rebuild, " + caughtUp + " read again after it, " + failed
                    + " failed, " + parted + " parted out of documents that held several items of one repository, in "
                    + took.toMillis() / 1000.0 + " s";
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
        // Not refreshed while it is filled: every refresh makes a small segment that merges cost again, and nothing
        // searches the new index until the copy is done (the rebuild refreshes it then, itself).
        client.indices().create(c -> c.index(to).aliases(layout.nextAlias(), a -> a)
                .aliases(layout.catchUpPendingAlias(), a -> a)
                .settings(s -> s.refreshInterval(t -> t.time("-1"))));
        LOG.info("rebuilding {} into {}; writes go to both from now", from, to);
        Instant announced = Instant.now();
        long everyWriterKnows = System.nanoTime() + RecordIndexer.NOTICED.toNanos();
        Instant window = announced.minus(IN_FLIGHT);
        CopyPass.Counts counts;
        CopyPass.Counts catchUp;
        try {
            CopyPass pass = new CopyPass(client, pool, new DocumentRebuilder(archive, json), from, to);
            counts = pass.copyAll(window);
            // Until every writer has noticed the next alias, some write to the old index alone. The copy need not wait
            // for them, since the catch-up reads again what they wrote; the catch-up must.
            TimeUnit.NANOSECONDS.sleep(everyWriterKnows - System.nanoTime());
            // From here a write landing in the old index alone may be missed: a writer that sees the pending alias
            // after its write was answered knows the write landed before this, and trusts it.
            if (!client.indices().updateAliases(u -> u.actions(a -> a.remove(r -> r.index(to)
                    .alias(layout.catchUpPendingAlias())))).acknowledged()) {
                throw new IOException("the cluster did not acknowledge taking alias " + layout.catchUpPendingAlias()
                        + " off " + to + " in time");
            }
            // Writes resolved before their writer noticed the next alias, and landed after the copy read past them.
            client.indices().refresh(r -> r.index(from));
            catchUp = pass.catchUp(window);
            LOG.info("caught up: {} documents written since the copy read them, {} in the window unchanged",
                    catchUp.rebuilt + catchUp.kept + catchUp.newer + catchUp.failed, catchUp.unchanged);
            refreshedAsTheTemplateSays(to);
            client.indices().refresh(r -> r.index(to));
            // Rebuilt one by one, each document knows only its own work; copies without a DOI find their DOI's now.
            long regrouped = WorkResolver.regroup(client, to);
            LOG.info("{} documents put into another work", regrouped);
            if (counts.failed + catchUp.failed > 0) {
                throw new IOException((counts.failed + catchUp.failed) + " documents could not be written to " + to
                        + " (the log names them)");
            }
            requireEvery(from, to, counts.parted);
        } catch (IOException | RuntimeException e) {
            abandon(to);
            throw new IOException("the rebuild stopped: " + e.getMessage() + "; alias " + layout.recordsAlias()
                    + " stays on " + from + ", and " + to + " is left for inspection (delete it when done)", e);
        }
        client.indices().updateAliases(u -> u
                .actions(a -> a.remove(r -> r.index(from).alias(layout.recordsAlias())))
                .actions(a -> a.add(ad -> ad.index(to).alias(layout.recordsAlias())))
                .actions(a -> a.remove(r -> r.index(to).alias(layout.nextAlias()))));
        Result result = new Result(from, to, counts.rebuilt, counts.kept, counts.newer,
                catchUp.rebuilt + catchUp.kept, counts.failed + catchUp.failed, counts.parted,
                Duration.between(start, Instant.now()));
        LOG.info("{}; alias {} moved to {}; {} kept, delete it when no longer wanted", result, layout.recordsAlias(),
                to, from);
        return result;
    }

    /**
     * The last word before the alias moves: the new index holds at least as many documents as the old, and one more
     * for each parted out of another (else documents missing would hide behind the parts). A write to both may be
     * landing on one and not yet the other, so a shortfall is looked at again before it counts.
     */
    private void requireEvery(String from, String to, long parted) throws IOException, InterruptedException {
        long missing = 0;
        for (int look = 0; look < COUNT_LOOKS; look++) {
            if (look > 0) {
                Thread.sleep(COUNT_PAUSE.toMillis());
            }
            client.indices().refresh(r -> r.index(List.of(from, to)));
            missing = client.count(c -> c.index(from)).count() + parted - client.count(c -> c.index(to)).count();
            if (missing <= 0) {
                return;
            }
        }
        throw new IOException(to + " holds " + missing + " documents fewer than " + from
                + (parted > 0 ? " and the " + parted + " parted out of its documents" : ""));
    }

    /** The index refreshed as often as its template says, as the live one must be. */
    private void refreshedAsTheTemplateSays(String index) throws IOException {
        client.indices().putSettings(p -> p.index(index).settings(s -> s.refreshInterval(t -> t.time(
                IndexSetup.refreshInterval()))));
    }

    /** Writers stop writing to the abandoned index; it stays for inspection, refreshed as any other. */
    private void abandon(String to) {
        try {
            refreshedAsTheTemplateSays(to);
        } catch (IOException | RuntimeException e) {
            LOG.warn("{} is left without refreshes: {}", to, e.getMessage());
        }
        try {
            client.indices().updateAliases(u -> u
                    .actions(a -> a.remove(r -> r.index(to).alias(layout.catchUpPendingAlias()).mustExist(false)))
                    .actions(a -> a.remove(r -> r.index(to).alias(layout.nextAlias()))));
        } catch (IOException | RuntimeException e) {
            LOG.warn("alias {} could not be taken off {}: {}; delete the index before the next reindex",
                    layout.nextAlias(), to, e.getMessage());
        }
    }
}
