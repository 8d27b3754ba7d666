package org.lumbung.index;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.transport.TransportException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Set;
import org.lumbung.http.RetryPolicy;

/**
 * How Lumbung waits for an Elasticsearch that went away (stopped, restarting, frozen) or pushes back (429, 503 while
 * its shards recover): exponential backoff with jitter, for at most {@code timeout} in all; then the write fails,
 * transiently, and the harvest stops with its checkpoint at the last page fully indexed.
 *
 * @param initialDelay the wait before the first retry (then doubled each time)
 * @param maxDelay     the longest wait between two attempts
 * @param timeout      how long Elasticsearch may stay away before Lumbung gives up the request
 */
public record EsRetry(Duration initialDelay, Duration maxDelay, Duration timeout) {

    public static final EsRetry DEFAULT = new EsRetry(Duration.ofSeconds(1), Duration.ofSeconds(30),
            Duration.ofMinutes(10));

    /** Back-pressure and a cluster not (yet) able to serve: worth waiting for. */
    private static final Set<Integer> BUSY = Set.of(429, 502, 503, 504);

    /** The wait before attempt {@code attempt + 1}, as the harvester's own retries reckon it. */
    public Duration delay(int attempt) {
        return new RetryPolicy(1, initialDelay, maxDelay, Duration.ZERO).backoff(attempt);
    }

    /** Whether a request that began {@code startedNanos} ago may still be tried again after this delay. */
    public boolean patient(long startedNanos, Duration delay) {
        return System.nanoTime() - startedNanos + delay.toNanos() <= timeout.toNanos();
    }

    /** Sleeps before the next attempt; an interrupt ends the wait as a failed request. */
    static void pause(Duration wait) throws InterruptedIOException {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for Elasticsearch");
        }
    }

    /** Whether Elasticsearch answered with this status because it is busy or not ready, not because of the request. */
    public static boolean busy(int status) {
        return BUSY.contains(status);
    }

    /** A failure to wait out: Elasticsearch unreachable, the connection lost, or a busy status. */
    public static boolean retryable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ElasticsearchException e) {
                return busy(e.status());
            }
            if (t instanceof TransportException e && e.statusCode() > 0) {
                return busy(e.statusCode());
            }
            if (t instanceof org.elasticsearch.client.ResponseException e) {
                return busy(e.getResponse().getStatusLine().getStatusCode());
            }
            if (t instanceof IOException) {
                return true;
            }
        }
        return false;
    }
}
