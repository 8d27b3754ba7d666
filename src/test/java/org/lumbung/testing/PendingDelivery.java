package org.lumbung.testing;

import java.util.concurrent.CompletableFuture;
import org.lumbung.pipeline.Delivery;
import org.lumbung.pipeline.Outcome;

/** A delivery the test completes when it likes, as the index completes a page's on a thread of its own. */
public final class PendingDelivery implements Delivery {

    private final CompletableFuture<Outcome> done = new CompletableFuture<>();

    public void complete(Outcome outcome) {
        done.complete(outcome);
    }

    @Override
    public Outcome await() {
        return done.join();
    }

    @Override
    public boolean isDone() {
        return done.isDone();
    }

    @Override
    public void whenDone(Runnable action) {
        done.whenComplete((outcome, failure) -> action.run());
    }
}
