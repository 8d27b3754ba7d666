package org.lumbung.harvest;

import java.util.ArrayDeque;
import java.util.Deque;
import org.lumbung.pipeline.Delivery;
import org.lumbung.pipeline.FailureKind;
import org.lumbung.pipeline.Outcome;

/**
 * Pages handed to the index, in order, each with the checkpoint that becomes true once it is indexed. A checkpoint
 * is saved only when every page before it is acknowledged, so a crash at any moment resumes at or before the first
 * record not yet indexed. A few pages may be in flight while the next is fetched; then the harvest waits. Pages
 * are counted and so are their records: a few large pages hold as many records as many small ones, and every record
 * in flight holds its raw record and its document in the heap until its request is answered.
 */
final class Progress {

    private record Pending(Delivery delivery, Checkpoint after, int records) {
    }

    private final Deque<Pending> pending = new ArrayDeque<>();
    private final CheckpointStore store;
    private final HarvestRequest request;
    private final HarvestCounters counters;
    private final int maxInFlight;
    private final int maxRecords;

    /**
     * @param maxInFlight pages handed to the index and not yet acknowledged, at most
     * @param maxRecords  their records, at most, unless the one page in flight holds more
     */
    Progress(CheckpointStore store, HarvestRequest request, HarvestCounters counters, int maxInFlight,
             int maxRecords) {
        this.store = store;
        this.request = request;
        this.counters = counters;
        this.maxInFlight = maxInFlight;
        this.maxRecords = maxRecords;
    }

    /** A page of {@code records} handed to the index; waits while too many pages or records are in flight. */
    void add(Delivery delivery, Checkpoint after, int records) throws HarvestException, InterruptedException {
        pending.add(new Pending(delivery, after, records));
        drain(false);
        while (pending.size() > maxInFlight || pending.size() > 1 && recordsInFlight() > maxRecords) {
            drainHead();
        }
    }

    /** How many records of the pages handed over are not yet acknowledged. */
    int recordsInFlight() {
        return pending.stream().mapToInt(Pending::records).sum();
    }

    /** A checkpoint with no records before it of its own (a window boundary). */
    void checkpoint(Checkpoint after) throws HarvestException, InterruptedException {
        add(Delivery.done(Outcome.NONE), after, 0);
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
