package org.lumbung.index;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.transport.BackoffPolicy;
import co.elastic.clients.transport.TransportException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;
import org.lumbung.pipeline.Backoff;

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

    /** The schedule of one request's retries: bounded by time only, however many attempts that takes. */
    public Backoff backoff() {
        return new Backoff(initialDelay, maxDelay, Backoff.UNLIMITED, timeout);
    }

    /**
     * The same schedule for the bulk ingester's own retry of documents refused as too busy (429), one per document
     * from its first refusal; each retry is counted in {@code waits}. The ingester asks for a delay without asking
     * whether there is one when a document is first refused, and a throw there would leave its request slot taken
     * for ever: so a delay is always given, and it is {@code hasNext} that says the time is spent.
     */
    BackoffPolicy bulkBackoff(EsWaits waits) {
        return new BackoffPolicy() {
            @Override
            public Iterator<Long> iterator() {
                Backoff.Retries retries = backoff().start();
                return new Iterator<>() {
                    private Optional<Duration> next;

                    @Override
                    public boolean hasNext() {
                        if (next == null) {
                            next = retries.next();
                        }
                        return next.isPresent();
                    }

                    @Override
                    public Long next() {
                        Duration wait = hasNext() ? next.get() : initialDelay;
                        next = null;
                        waits.documentSentAgain();
                        return wait.toMillis();
                    }
                };
            }
        };
    }

    /** Set once Lumbung is stopping: no request waits for Elasticsearch any more. */
    private static volatile boolean stopping;

    /**
     * Ends every wait for Elasticsearch in this process, now and later: Ctrl-C or SIGTERM must stop Lumbung within
     * seconds, and an Elasticsearch gone away would otherwise hold each request (the last refresh, a source's state)
     * for up to {@code timeout}.
     */
    public static void stopWaiting() {
        stopping = true;
    }

    /** Sleeps before the next attempt; an interrupt, or Lumbung stopping, ends the wait as a failed request. */
    static void pause(Duration wait) throws InterruptedIOException {
        if (stopping) {
            throw new InterruptedIOException("Lumbung is stopping: not waiting for Elasticsearch");
        }
        try {
            long until = System.nanoTime() + wait.toNanos();
            for (long left = wait.toMillis(); left > 0 && !stopping; left = (until - System.nanoTime()) / 1_000_000) {
                Thread.sleep(Math.min(left, 100));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for Elasticsearch");
        }
        if (stopping) {
            throw new InterruptedIOException("Lumbung is stopping: not waiting for Elasticsearch");
        }
    }

    /** Whether Elasticsearch answered with this status because it is busy or not ready, not because of the request. */
    public static boolean busy(int status) {
        return BUSY.contains(status);
    }

    /** A failure to wait out: Elasticsearch unreachable, the connection lost, or a busy status. */
    public static boolean retryable(Throwable failure) {
        int status = status(failure);
        if (status > 0) {
            return busy(status);
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    /**
     * The HTTP status Elasticsearch answered a failed request with, however the client set-up delivers it (an
     * {@link ElasticsearchException}, a {@link TransportException}, the low-level client's {@code ResponseException},
     * each possibly wrapped); 0 when the failure carries none (no answer at all).
     */
    public static int status(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ElasticsearchException e) {
                return e.status();
            }
            if (t instanceof TransportException e && e.statusCode() > 0) {
                return e.statusCode();
            }
            if (t instanceof org.elasticsearch.client.ResponseException e) {
                return e.getResponse().getStatusLine().getStatusCode();
            }
        }
        return 0;
    }
}
