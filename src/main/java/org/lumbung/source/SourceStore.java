package org.lumbung.source;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.OpType;
import co.elastic.clients.elasticsearch.core.GetResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.lumbung.harvest.Checkpoint;
import org.lumbung.harvest.CheckpointStore;
import org.lumbung.harvest.HarvestException;
import org.lumbung.harvest.Identify;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live source list and each source's state, one document per source in Elasticsearch, every change written
 * with optimistic concurrency (if_seq_no/if_primary_term): two Lumbung instances on one cluster never overwrite each
 * other, and only the holder of a source's lease harvests it or moves its checkpoint.
 */
public final class SourceStore implements CheckpointStore {

    private static final Logger LOG = LoggerFactory.getLogger("lumbung.sources");
    private static final int CONFLICT_RETRIES = 10;

    private final ElasticsearchClient client;
    private final String index;
    private final String instance;
    private final Duration leaseTime;

    public SourceStore(ElasticsearchClient client, String index, String instance, Duration leaseTime) {
        this.client = client;
        this.index = index;
        this.instance = instance;
        this.leaseTime = leaseTime;
    }

    public String instance() {
        return instance;
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
            client.search(s -> s.index(index).size(10_000).sort(o -> o.field(f -> f.field("id"))), SourceState.class)
                    .hits().hits().forEach(h -> {
                        if (h.source() != null && !h.source().removed()) {
                            out.add(h.source());
                        }
                    });
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the sources", e);
        }
    }

    /**
     * Changes a source's document: reads it with its sequence number, applies the change, writes it only if nobody
     * wrote in between, and tries again if somebody did. A missing document starts {@link SourceState#fresh}. Reads by
     * id are real-time, so no refresh is waited for.
     */
    public SourceState update(String id, UnaryOperator<SourceState> change) {
        for (int attempt = 0; attempt < CONFLICT_RETRIES; attempt++) {
            try {
                GetResponse<SourceState> doc = client.get(g -> g.index(index).id(id), SourceState.class);
                SourceState current = doc.found() && doc.source() != null ? doc.source() : SourceState.fresh(id);
                SourceState next = change.apply(current);
                if (doc.found()) {
                    long seqNo = doc.seqNo();
                    long term = doc.primaryTerm();
                    client.index(i -> i.index(index).id(id).document(next).ifSeqNo(seqNo).ifPrimaryTerm(term));
                } else {
                    client.index(i -> i.index(index).id(id).document(next).opType(OpType.Create));
                }
                return next;
            } catch (ElasticsearchException e) {
                if (e.status() != 409) {
                    throw e;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write source " + id, e);
            }
        }
        throw new IllegalStateException("source " + id + " keeps changing under this Lumbung; gave up writing it");
    }

    /**
     * Takes the source's lease for this instance unless another live one holds it; false when taken. A lease
     * outlives a killed Lumbung only until it expires.
     */
    public boolean acquire(String id) {
        boolean[] got = {false};
        update(id, s -> {
            Instant now = Instant.now();
            SourceState.Lease lease = s.lease();
            boolean free = lease == null || lease.owner().equals(instance) || Instant.parse(lease.expiresAt()).isBefore(now)
                    || deadOnThisHost(lease.owner());
            got[0] = free;
            return free ? s.withLease(new SourceState.Lease(instance, now.plus(leaseTime).toString())) : s;
        });
        return got[0];
    }

    /**
     * Whether the lease's owner was a Lumbung on this machine whose process is gone (killed hard): its lease need not
     * be waited out. Owners are named {@code pid@host:nonce}.
     */
    boolean deadOnThisHost(String owner) {
        int at = owner.indexOf('@');
        int colon = owner.lastIndexOf(':');
        if (at <= 0 || colon <= at) {
            return false;
        }
        String host = owner.substring(at + 1, colon);
        String me = instance.substring(instance.indexOf('@') + 1, Math.max(instance.lastIndexOf(':'), instance.indexOf('@') + 1));
        try {
            long pid = Long.parseLong(owner.substring(0, at));
            return host.equals(me) && ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    public void release(String id, SourceState.LastRun run) {
        update(id, s -> {
            SourceState released = s.lease() != null && s.lease().owner().equals(instance) ? s.withLease(null) : s;
            return run == null ? released : released.withLastRun(run);
        });
    }

    @Override
    public Checkpoint checkpoint(String sourceId, String set) {
        return get(sourceId).map(s -> s.checkpoint(set)).orElse(Checkpoint.none(set));
    }

    /** Moves the checkpoint and renews the lease; refuses when another instance holds the lease now. */
    @Override
    public void save(String sourceId, Checkpoint checkpoint) throws HarvestException {
        String[] thief = {null};
        update(sourceId, s -> {
            SourceState.Lease lease = s.lease();
            if (lease != null && !lease.owner().equals(instance) && Instant.parse(lease.expiresAt()).isAfter(Instant.now())) {
                thief[0] = lease.owner();
                return s;
            }
            return s.withCheckpoint(checkpoint)
                    .withLease(new SourceState.Lease(instance, Instant.now().plus(leaseTime).toString()));
        });
        if (thief[0] != null) {
            throw new HarvestException(sourceId, "-", "lost the source's lease to " + thief[0]
                    + " (this harvest took longer than the lease without renewing it); stopped");
        }
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
}
