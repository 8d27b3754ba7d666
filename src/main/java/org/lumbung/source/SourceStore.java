package org.lumbung.source;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.MatchAllQuery;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import org.lumbung.harvest.Checkpoint;
import org.lumbung.harvest.CheckpointStore;
import org.lumbung.harvest.HarvestException;
import org.lumbung.harvest.Identify;
import org.lumbung.index.ConditionalUpdate;
import org.lumbung.index.EsPages;
import org.lumbung.pipeline.FailureKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live source list and each source's state, one document per source in Elasticsearch, every change written
 * with optimistic concurrency (if_seq_no/if_primary_term): several Lumbung workers on one cluster never overwrite each
 * other, and a conflict is an expected event (read again, decide again), never a failed run.
 *
 * <p>A source runs under a lease. Each claim counts the source's lease generation up; the claiming worker remembers
 * the generation it got and renews its lease in the background while the run goes on. Everything the run writes about
 * the source (its checkpoints, its last run, its release; its report and tombstones through {@link #holds}) is written
 * only while that generation still holds: a worker frozen past its lease (SIGSTOP, a long pause) and taken over
 * finds a later generation when it wakes, and its writes are refused and counted instead of moving another run's
 * checkpoint. Records need no fence: their ids are stable and writing one twice is harmless.
 */
public final class SourceStore implements CheckpointStore, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger("lumbung.sources");
    /** What a claim decided: taken, or why not (held by another worker, or this schedule's run already claimed). */
    public record Claim(boolean taken, boolean takeover, String reason, SourceState state) {
    }

    /** What this worker's leases went through since it started, for /metrics. */
    public record Counters(long claims, long conflicts, long takeovers, long fenced, long renewals, int held,
                           double longestLeaseLagSeconds) {
    }

    private final ElasticsearchClient client;
    private final String index;
    private final String instance;
    private final Duration leaseTime;
    /** The sources this worker claimed and runs now, with the generation each claim got. */
    private final Map<String, Long> held = new ConcurrentHashMap<>();
    private final AtomicLong claims = new AtomicLong();
    private final AtomicLong conflicts = new AtomicLong();
    private final AtomicLong takeovers = new AtomicLong();
    private final AtomicLong fenced = new AtomicLong();
    private final AtomicLong renewals = new AtomicLong();
    private final AtomicLong longestLagMillis = new AtomicLong();
    /** Until when each held lease is known to be this worker's: the expiry its last write of the lease set. */
    private final Map<String, Instant> confirmed = new ConcurrentHashMap<>();
    private final LeaseRenewer<Long> renewer;

    public SourceStore(ElasticsearchClient client, String index, String instance, Duration leaseTime) {
        this.client = client;
        this.index = index;
        this.instance = instance;
        this.leaseTime = leaseTime;
        this.renewer = new LeaseRenewer<>("lumbung-lease-renewal", leaseTime, held, this::renew,
                (id, generation) -> "source " + id);
    }

    public String instance() {
        return instance;
    }

    public Duration leaseTime() {
        return leaseTime;
    }

    public Optional<SourceState> get(String id) {
        try {
            GetResponse<SourceState> doc = client.get(g -> g.index(index).id(id), SourceState.class);
            return doc.found() ? Optional.ofNullable(doc.source()) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read source " + id, e);
        }
    }

    /**
     * The sources: every state with a definition (kind, address, schedule) and not removed, in id order. The state of
     * an ad-hoc harvest ({@code harvest --source ID}, {@code ingest}) keeps its checkpoint here but is no source.
     */
    public List<SourceState> sources() {
        return all().stream().filter(s -> s.definition() != null).toList();
    }

    /** Every state not removed, sources and ad-hoc harvests alike, in id order. */
    public List<SourceState> all() {
        try {
            client.indices().refresh(r -> r.index(index));
            List<SourceState> out = new ArrayList<>();
            for (Hit<SourceState> h : EsPages.hits(client, index, MatchAllQuery.of(m -> m)._toQuery(), "id",
                    SourceState.class)) {
                if (h.source() != null && !h.source().removed()) {
                    out.add(h.source());
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the sources", e);
        }
    }

    /**
     * Changes a source's document without overwriting another worker's write ({@link ConditionalUpdate}). A missing
     * document starts {@link SourceState#fresh}. Reads by id are real-time, so no refresh is waited for.
     */
    public SourceState update(String id, UnaryOperator<SourceState> change) {
        return write(id, change).after();
    }

    /**
     * {@link #update}, telling what the winning read saw and whether this worker's write is the one that changed the
     * document: of several workers deciding the same change at once, exactly one wrote it; the others met its write,
     * read it again and found nothing to change.
     */
    public ConditionalUpdate.Written<SourceState> write(String id, UnaryOperator<SourceState> change) {
        return ConditionalUpdate.write(client, index, id, SourceState.class, () -> SourceState.fresh(id), change,
                conflicts);
    }

    /** Takes the source's lease for an unscheduled run (a CLI harvest or audit); false when it runs elsewhere. */
    public boolean acquire(String id) {
        return claim(RunTrigger.now(id), false).taken();
    }

    /**
     * Claims the source for a run: free when nobody holds its lease, when the lease expired (its holder died, froze
     * or lost Elasticsearch: a takeover), or when its holder was a Lumbung on this machine whose process is gone. A
     * run for a scheduled time is refused when a run for that time or a later one was claimed already, by any worker,
     * unless that run was left unfinished: a source runs once per schedule however many workers fire for it. A
     * takeover trigger claims only the lease it saw expire. A source this worker runs now is not claimed again, nor,
     * when {@code skipPaused} (a source's run, not an ad-hoc harvest), a paused or removed source.
     */
    public Claim claim(RunTrigger trigger, boolean skipPaused) {
        String id = trigger.sourceId();
        Instant slot = trigger.slot();
        String[] refused = {null};
        SourceState.Lease[] before = {null};
        SourceState state = update(id, s -> {
            Instant now = Instant.now();
            SourceState.Lease lease = s.lease();
            before[0] = lease;
            if (skipPaused && (s.paused() || s.removed())) {
                refused[0] = s.removed() ? "removed from the source list" : "paused (sources resume " + id
                        + " lets it run again)";
                return s;
            }
            boolean abandoned = lease != null && (expired(lease, now) || deadOnThisHost(lease.owner()));
            boolean free = lease == null || abandoned || lease.owner().equals(instance) && !held.containsKey(id);
            if (!free) {
                refused[0] = "still running (" + lease.owner() + " holds it until " + lease.expiresAt() + ")";
                return s;
            }
            if (trigger.takeoverOf() != null && (!abandoned || s.generation() != trigger.takeoverOf())) {
                refused[0] = "its unfinished run (generation " + trigger.takeoverOf() + ") was taken over already";
                return s;
            }
            if (slot != null && !abandoned && s.servedSlot() != null && !Instant.parse(s.servedSlot()).isBefore(slot)) {
                refused[0] = "its run for " + slot + " was claimed already (" + s.servedSlot() + ")";
                return s;
            }
            refused[0] = null;
            return s.claimedBy(new SourceState.Lease(instance, now.plus(leaseTime).toString()),
                    slot == null ? null : slot.toString());
        });
        if (refused[0] != null) {
            return new Claim(false, false, refused[0], state);
        }
        held.put(id, state.generation());
        confirmed.put(id, Instant.parse(state.lease().expiresAt()));
        claims.incrementAndGet();
        SourceState.Lease previous = before[0];
        boolean takeover = previous != null && !previous.owner().equals(instance);
        if (takeover) {
            takeovers.incrementAndGet();
            Instant now = Instant.now();
            boolean expiredThen = expired(previous, now);
            longestLagMillis.accumulateAndGet(expiredThen
                    ? Duration.between(Instant.parse(previous.expiresAt()), now).toMillis() : 0, Math::max);
            LOG.warn("source {}: taken over from {} (its lease {} {}); generation {}", id, previous.owner(),
                    expiredThen ? "expired at" : "belonged to a process gone from this machine, until",
                    previous.expiresAt(), state.generation());
        }
        renewer.start();
        return new Claim(true, takeover, null, state);
    }

    /**
     * The runs left unfinished: sources whose lease expired without being given back, or whose holder on this machine
     * is gone. Each comes with the generation seen, so that of the workers that see it, one takes it over.
     */
    public List<RunTrigger> unfinished() {
        return sources().stream()
                .filter(s -> !s.paused() && holder(s).filter(LeaseHolder::gone).isPresent())
                .map(s -> RunTrigger.takeover(s.id(), s.generation()))
                .toList();
    }

    /** Who holds the source's lease now, and whether that holder is gone; empty when nobody does. */
    public Optional<LeaseHolder> holder(SourceState s) {
        SourceState.Lease lease = s.lease();
        if (lease == null) {
            return Optional.empty();
        }
        boolean expired = expired(lease, Instant.now());
        return Optional.of(new LeaseHolder(lease.owner(), s.generation(), Instant.parse(lease.expiresAt()), expired,
                expired || deadOnThisHost(lease.owner())));
    }

    private static boolean expired(SourceState.Lease lease, Instant now) {
        return !Instant.parse(lease.expiresAt()).isAfter(now);
    }

    boolean deadOnThisHost(String owner) {
        return Owners.goneFromThisMachine(owner, instance);
    }

    /** Whether the lease (owner and generation) is the one this worker claimed. */
    private boolean ours(SourceState s, long generation) {
        return s.lease() != null && s.lease().owner().equals(instance) && s.generation() == generation;
    }

    /**
     * Whether this worker may still write for its run of the source: true unless it claimed the source and another
     * claim came since (a refusal, counted and logged). Asked before a run's report and tombstones are written; a
     * source this worker never claimed (an ad-hoc harvest) is not fenced.
     */
    @Override
    public boolean holds(String sourceId) {
        Long generation = held.get(sourceId);
        if (generation == null || surelyHeld(sourceId)) {
            return true;
        }
        SourceState s = get(sourceId).orElse(null);
        if (s != null && ours(s, generation)) {
            return true;
        }
        refuse(sourceId, generation, s);
        return false;
    }

    /**
     * Whether the lease is this worker's without asking: no worker takes a lease over before it expires, and this
     * worker's last write of it set an expiry still more than a third of a lease away. The margin covers clocks a
     * little apart between machines; a worker frozen past it (SIGSTOP, a long pause) finds its expiry near or gone
     * when it wakes, and asks. Saves a read of the source for each request of a run.
     */
    private boolean surelyHeld(String sourceId) {
        Instant until = confirmed.get(sourceId);
        return until != null && Instant.now().isBefore(until.minus(leaseTime.dividedBy(3)));
    }

    private void refuse(String sourceId, long generation, SourceState now) {
        confirmed.remove(sourceId);
        fenced.incrementAndGet();
        LOG.warn("source {}: this worker's lease (generation {}) was taken over{}; its write is refused", sourceId,
                generation, now == null || now.lease() == null ? "" : " by " + now.lease().owner() + " (generation "
                        + now.generation() + ")");
    }

    /**
     * Gives the lease back, clears a stop request (the run it was meant for has ended, so the next trigger runs
     * normally) and records the run, only if this worker's claim still holds: a run taken over while it went on
     * records nothing (the run that took over records its own). Returns the run recorded, or null when refused.
     */
    public SourceState.LastRun release(String id, SourceState.LastRun run) {
        Long generation = held.remove(id);
        confirmed.remove(id);
        boolean[] refusedWrite = {false};
        SourceState after = update(id, s -> {
            if (generation != null && !ours(s, generation)) {
                refusedWrite[0] = true;
                return s;
            }
            SourceState released = s.lease() != null && s.lease().owner().equals(instance)
                    ? s.withLease(null).withStopRequested(null) : s;
            if (run != null && run.outcome().startsWith("complete") && released.movePending()) {
                // Stopping at moves, it met none: the base URL answers there again, and the move seen is gone.
                released = released.withMoved(null);
            }
            return run == null ? released : released.withLastRun(run);
        });
        if (refusedWrite[0]) {
            refuse(id, generation, after);
            return null;
        }
        return run;
    }

    @Override
    public Checkpoint checkpoint(String sourceId, String set) {
        return get(sourceId).map(s -> s.checkpoint(set)).orElse(Checkpoint.none(set));
    }

    /**
     * Moves the checkpoint and renews the lease, only while this worker's claim holds; an ad-hoc harvest that claimed
     * nothing is refused only while another worker holds a live lease.
     */
    @Override
    public void save(String sourceId, Checkpoint checkpoint) throws HarvestException {
        Long generation = held.get(sourceId);
        String[] thief = {null};
        SourceState after = update(sourceId, s -> {
            SourceState.Lease lease = s.lease();
            boolean lost = generation != null ? !ours(s, generation)
                    : lease != null && !lease.owner().equals(instance) && !expired(lease, Instant.now());
            if (lost) {
                thief[0] = lease == null ? "nobody (released)" : lease.owner();
                return s;
            }
            return s.withCheckpoint(checkpoint)
                    .withLease(new SourceState.Lease(instance, Instant.now().plus(leaseTime).toString()));
        });
        if (thief[0] == null && generation != null) {
            confirmed.put(sourceId, Instant.parse(after.lease().expiresAt()));
        }
        if (thief[0] != null) {
            if (generation != null) {
                refuse(sourceId, generation, after);
            }
            throw new HarvestException(FailureKind.FENCED, sourceId, "-", "lost the source's lease to " + thief[0]
                    + " (this worker stopped renewing it for longer than lumbung.harvest.lease: frozen, or cut off"
                    + " from Elasticsearch); stopped without moving the checkpoint");
        }
        if (after.stopRequested() != null) {
            // Read in the same write that moved the checkpoint: the run stops with it past the page just indexed.
            throw new HarvestException(FailureKind.STOPPED, sourceId, "-", "stopped by the operator (asked at "
                    + after.stopRequested() + ")");
        }
    }

    @Override
    public String stopRequested(String sourceId) {
        return get(sourceId).map(SourceState::stopRequested).orElse(null);
    }

    /** What an operator's request about a source found: accepted, or why not. */
    public interface Answer {
        boolean accepted();

        String reason();
    }

    /** What a stop request found: the source's run asked to stop (its holder), or why not. */
    public record StopRequest(boolean accepted, String holder, String reason) implements Answer {
    }

    /**
     * Asks the source's running harvest to stop: written on the source's document only while a live lease is held
     * (by this worker or any other), so whichever worker runs it stops at its next page; refused when nothing runs
     * it, or when its lease expired (a run left unfinished: pause the source to keep the takeover from running it).
     * Asking twice keeps the first request. The caller checks that the source exists.
     */
    public StopRequest requestStop(String id) {
        String[] refused = {null};
        SourceState after = update(id, s -> {
            Instant now = Instant.now();
            SourceState.Lease lease = s.lease();
            refused[0] = lease == null ? "is not running"
                    : expired(lease, now) ? "is not running: its last run was left unfinished by " + lease.owner()
                    + " (lease expired at " + lease.expiresAt() + "); pause it to keep the takeover from running it"
                    : null;
            return refused[0] != null || s.stopRequested() != null ? s : s.withStopRequested(now.toString());
        });
        return new StopRequest(refused[0] == null, after.lease() == null ? null : after.lease().owner(), refused[0]);
    }

    /** What an accept-move found: the move accepted (its addresses, when accepted), or why there was none. */
    public record MoveAcceptance(SourceState.Move move, String reason) implements Answer {
        @Override
        public boolean accepted() {
            return move != null;
        }
    }

    /**
     * Accepts the last move of the source's base URL seen: its harvests ask the new address from now on, while its
     * definition names the old one. Refused when no move waits. The caller checks that the source exists.
     */
    public MoveAcceptance acceptMove(String id) {
        String now = Instant.now().toString();
        ConditionalUpdate.Written<SourceState> w = write(id, s -> s.moved() == null ? s : s.withMoveAccepted(now));
        SourceState.Move seen = w.before().moved();
        return seen == null ? new MoveAcceptance(null, "has no move of its base URL to accept")
                : new MoveAcceptance(new SourceState.Move(seen.from(), seen.to(), now), null);
    }

    private void renew(String id, long generation) {
        boolean[] lost = {false};
        SourceState after = update(id, s -> {
            if (!ours(s, generation)) {
                lost[0] = true;
                return s;
            }
            return s.withLease(new SourceState.Lease(instance, Instant.now().plus(leaseTime).toString()));
        });
        if (lost[0]) {
            confirmed.remove(id);
            LOG.warn("source {}: lease (generation {}) lost; this worker's run writes nothing more for it", id,
                    generation);
        } else {
            confirmed.put(id, Instant.parse(after.lease().expiresAt()));
            renewals.incrementAndGet();
        }
    }

    public Counters counters() {
        return new Counters(claims.get(), conflicts.get(), takeovers.get(), fenced.get(), renewals.get(), held.size(),
                longestLagMillis.get() / 1000.0);
    }

    @Override
    public void identified(String sourceId, Identify identify) {
        update(sourceId, s -> s.withIdentify(identify));
    }

    @Override
    public void quirk(String sourceId, String quirk, String detail) {
        LOG.warn("source {}: {} ({})", sourceId, quirk, detail);
        update(sourceId, s -> s.withQuirk(quirk, detail));
    }

    @Override
    public void moved(String sourceId, String from, String to) {
        update(sourceId, s -> s.withMoved(new SourceState.Move(from, to, Instant.now().toString())));
    }

    @Override
    public String chosenFormat(String sourceId) {
        return get(sourceId).map(SourceState::format).orElse(null);
    }

    @Override
    public void formatChosen(String sourceId, String metadataPrefix) {
        update(sourceId, s -> s.withFormat(metadataPrefix));
    }

    @Override
    public boolean hasQuirk(String sourceId, String quirk) {
        return get(sourceId).map(s -> s.quirks().containsKey(quirk)).orElse(false);
    }

    @Override
    public void close() {
        renewer.close();
    }
}
