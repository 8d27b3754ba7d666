package org.lumbung.testing;

import java.time.Duration;

/**
 * Waits for a condition instead of sleeping a guessed time: on a busy machine a sleep that was long enough on an idle
 * one fails the test, while a condition wait only takes longer. The timeout is the bound past which the behaviour
 * under test is broken, not a guess at how long it takes.
 */
public final class Await {

    private static final Duration POLL = Duration.ofMillis(20);

    private Await() {
    }

    /** A condition that may ask a server (Elasticsearch, a repository) to decide. */
    @FunctionalInterface
    public interface Condition {
        boolean holds() throws Exception;
    }

    /** A value that may not be there yet: null until it is. */
    @FunctionalInterface
    public interface Value<T> {
        T get() throws Exception;
    }

    /** Returns the value once it is there (not null); fails naming {@code what} when it is not after {@code timeout}. */
    public static <T> T value(String what, Duration timeout, Value<T> value) throws Exception {
        Object[] found = {null};
        until(what, timeout, () -> (found[0] = value.get()) != null);
        @SuppressWarnings("unchecked")
        T result = (T) found[0];
        return result;
    }

    /** Returns once {@code condition} holds; fails naming {@code what} when it still does not after {@code timeout}. */
    public static void until(String what, Duration timeout, Condition condition) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.holds()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("waited " + timeout.toSeconds() + " s for " + what);
            }
            Thread.sleep(POLL.toMillis());
        }
    }
}
