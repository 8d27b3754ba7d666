package org.lumbung.pipeline;

/** A batch handed to the index stage; {@link #await} returns once every record in it is indexed or has failed. */
public interface Delivery {

    Outcome await() throws InterruptedException;

    /** Whether {@link #await} would return at once. */
    default boolean isDone() {
        return true;
    }

    /**
     * Runs the action once every record is indexed or has failed, on whichever thread sees it so, or now if so
     * already. The default suits a delivery done when it is made; one that completes later says when.
     */
    default void whenDone(Runnable action) {
        action.run();
    }

    static Delivery done(Outcome outcome) {
        return () -> outcome;
    }
}
