package org.lumbung.pipeline;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The one retry schedule of Lumbung, for a repository that fails a request and for an Elasticsearch gone or busy:
 * exponential backoff with jitter, given up after a number of attempts, after a total time, or both. Never a tight
 * loop: every wait is at least half the initial delay.
 *
 * @param initialDelay the wait before the first retry (then doubled each time)
 * @param maxDelay     the longest wait between two attempts
 * @param attempts     requests in all, the first included ({@link #UNLIMITED}: bounded by time only)
 * @param timeout      how long after the first attempt a retry may still begin (null: bounded by attempts only)
 */
public record Backoff(Duration initialDelay, Duration maxDelay, int attempts, Duration timeout) {

    public static final int UNLIMITED = Integer.MAX_VALUE;

    public Backoff {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1");
        }
    }

    /** The wait before attempt {@code attempt + 1}: doubling from initialDelay, capped, with jitter (50-100%). */
    public Duration delay(int attempt) {
        long base = initialDelay.toMillis() << Math.min(attempt - 1, 30);
        long capped = Math.min(Math.max(base, 1), maxDelay.toMillis());
        long jittered = capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
        return Duration.ofMillis(Math.max(jittered, 1));
    }

    /** The retries of one request whose first attempt is now. */
    public Retries start() {
        return new Retries(System.nanoTime());
    }

    /** Where one request is in the schedule. */
    public final class Retries {

        private final long started;
        private int attempt = 1;

        private Retries(long started) {
            this.started = started;
        }

        /** The wait before the next attempt, counted as made; empty once the attempts or the time are spent. */
        public Optional<Duration> next() {
            Duration wait = delay(attempt);
            boolean late = timeout != null && System.nanoTime() - started + wait.toNanos() > timeout.toNanos();
            if (attempt >= attempts || late) {
                return Optional.empty();
            }
            attempt++;
            return Optional.of(wait);
        }

        /** Attempts so far, the first included. */
        public int attempt() {
            return attempt;
        }
    }
}
