package org.lumbung.harvest;

import java.util.ArrayDeque;
import java.util.Deque;
import org.lumbung.pipeline.Delivery;
import org.lumbung.pipeline.FailureKind;
import org.lumbung.pipeline.Outcome;

/**
 * Pages handed to the index, in order, each with the checkpoint that becomes true once it is indexed. A checkpoint
 * is saved only when every page before it is acknowledged, so a crash at any moment resumes at or before the first
 * record not yet indexed. A few pages may be in flight while the next is fetched; then the harvest waits.
 */
final class Progress {

    private record Pending(Delivery delivery, Checkpoint after) {
    }

    private final Deque<Pending> pending = new ArrayDeque<>();
    private final CheckpointStore store;
    private final HarvestRequest request;
    private final HarvestCounters counters;
    private final int maxInFlight;

    Progress(CheckpointStore store, HarvestRequest request, HarvestCounters counters, int maxInFlight) {
        this.store = store;
        this.request = request;
        this.counters = counters;
        this.maxInFlight = maxInFlight;
    }

    void add(Delivery delivery, Checkpoint after) throws HarvestException, InterruptedException {
        pending.add(new Pending(delivery, after));
        drain(false);
        while (pending.size() > maxInFlight) {
            drainHead();
        }
    }

    /** A checkpoint with no records before it of its own (a window boundary). */
    void checkpoint(Checkpoint after) throws HarvestException, InterruptedException {
        add(Delivery.done(Outcome.NONE), after);
    }

    /** Waits for every page in flight and saves the last checkpoint. */
    void finish() throws HarvestException, InterruptedException {
        drain(true);
    }

    private void drainHead() throws HarvestException, InterruptedException {
        Pending head = pending.peek();
        if (head != null) {
            head.delivery().await();
            drain(false);
        }
    }

    private void drain(boolean all) throws HarvestException, InterruptedException {
        Checkpoint latest = null;
        while (!pending.isEmpty() && (all || pending.peek().delivery().isDone())) {
            Pending done = pending.poll();
            Outcome outcome = done.delivery().await();
            counters.outcome = counters.outcome.plus(outcome);
            if (outcome.hasTransientFailures()) {
                if (latest != null) {
                    store.save(request.sourceId(), latest);
                }
                pending.clear();
                throw new HarvestException(FailureKind.INDEX, request.sourceId(), request.baseUrl(),
                        "the index could not take a page of records; stopped with the checkpoint at the last page"
                                + " fully indexed");
            }
            latest = done.after();
        }
        if (latest != null) {
            store.save(request.sourceId(), latest);
        }
    }
}
