package org.lumbung.http;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How often and how patiently a request is retried: connection errors, timeouts and 5xx answers are retried with
 * exponential backoff and jitter; 429 and 503 wait as long as Retry-After says (seconds or an HTTP date), up to a cap.
 * Never a tight loop: every retry waits at least {@code initialDelay / 2}.
 *
 * @param attempts      requests in all, the first included
 * @param initialDelay  the wait before the first retry (then doubled each time)
 * @param maxDelay      the longest backoff between two attempts
 * @param retryAfterCap the longest Retry-After honoured; a longer one is waited for this long
 */
public record RetryPolicy(int attempts, Duration initialDelay, Duration maxDelay, Duration retryAfterCap) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(5, Duration.ofSeconds(2), Duration.ofMinutes(2),
            Duration.ofHours(1));

    public RetryPolicy {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1");
        }
    }

    /** The wait before attempt {@code attempt + 1}: doubling from initialDelay, capped, with jitter (50-100%). */
    public Duration backoff(int attempt) {
        long base = initialDelay.toMillis() << Math.min(attempt - 1, 30);
        long capped = Math.min(Math.max(base, 1), maxDelay.toMillis());
        long jittered = capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
        return Duration.ofMillis(Math.max(jittered, 1));
    }

    /** What a Retry-After header asks for (delta-seconds or HTTP-date), capped; empty when absent or unreadable. */
    public Optional<Duration> retryAfter(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.trim();
        Duration wait;
        try {
            wait = Duration.ofSeconds(Long.parseLong(value));
        } catch (NumberFormatException notSeconds) {
            try {
                wait = Duration.between(now, ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
        if (wait.isNegative()) {
            wait = Duration.ZERO;
        }
        return Optional.of(wait.compareTo(retryAfterCap) > 0 ? retryAfterCap : wait);
    }
}
