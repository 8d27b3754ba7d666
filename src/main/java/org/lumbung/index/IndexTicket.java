package org.lumbung.index;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.lumbung.pipeline.Delivery;
import org.lumbung.pipeline.Outcome;
import org.lumbung.pipeline.RecordFailure;

/** Tracks one batch through the bulk indexer; complete when every record in it is acknowledged or has failed. */
final class IndexTicket implements Delivery {

    private final RecordIndexer indexer;
    private final CompletableFuture<Outcome> done = new CompletableFuture<>();
    private final List<RecordFailure> failures;
    private int remaining;
    private int indexed;
    private int deleted;
    private int unchanged;

    IndexTicket(RecordIndexer indexer, int records, List<RecordFailure> earlierFailures) {
        this.indexer = indexer;
        this.remaining = records;
        this.failures = new ArrayList<>(earlierFailures);
        if (records == 0) {
            complete();
        }
    }

    synchronized void succeeded(boolean tombstone) {
        if (tombstone) {
            deleted++;
        } else {
            indexed++;
        }
        countDown();
    }

    /** A record whose document was found as it would be written, and left as it was: indexed all the same. */
    synchronized void unchanged(boolean tombstone) {
        unchanged++;
        succeeded(tombstone);
    }

    synchronized void failed(RecordFailure failure) {
        failures.add(failure);
        countDown();
    }

    private void countDown() {
        if (--remaining == 0) {
            complete();
        }
    }

    private void complete() {
        done.complete(new Outcome(indexed, deleted, failures, unchanged));
    }

    @Override
    public boolean isDone() {
        return done.isDone();
    }

    @Override
    public void whenDone(Runnable action) {
        done.whenComplete((outcome, failure) -> action.run());
    }

    @Override
    public Outcome await() throws InterruptedException {
        // Flush until done: a write that lost a race is queued again after the first flush and must not wait for
        // the flush interval.
        while (true) {
            if (!done.isDone()) {
                indexer.flush();
            }
            try {
                return done.get(100, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // not yet: flush what was queued meanwhile
            } catch (ExecutionException e) {
                throw new IllegalStateException("index ticket failed", e.getCause());
            }
        }
    }
}
