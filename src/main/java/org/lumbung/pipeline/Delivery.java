package org.lumbung.pipeline;

/** A batch handed to the index stage; {@link #await} returns once every record in it is indexed or has failed. */
public interface Delivery {

    Outcome await() throws InterruptedException;

    /** Whether {@link #await} would return at once. */
    default boolean isDone() {
        return true;
    }

    static Delivery done(Outcome outcome) {
        return () -> outcome;
    }
}
