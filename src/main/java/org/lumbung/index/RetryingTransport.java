package org.lumbung.index;

import co.elastic.clients.json.JsonpMapper;
import co.elastic.clients.transport.ElasticsearchTransport;
import co.elastic.clients.transport.Endpoint;
import co.elastic.clients.transport.TransportOptions;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.lumbung.pipeline.Backoff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client's transport, made patient: a request that finds Elasticsearch gone (connection refused or lost, a timeout)
 * or busy (429, 502, 503, 504) is sent again after a backoff, for up to {@link EsRetry#timeout()}. Bulk requests, the
 * resolver's look-ups, checkpoints and reports all pass here, so a harvest waits for a restarting cluster instead of
 * failing. Only a cluster this connection has reached once is waited for: a wrong address fails at once.
 * Resending is safe: every write Lumbung makes is conditional (create, if_seq_no) or idempotent, and a write that
 * had in fact landed comes back as a conflict that the writer resolves.
 * <p>
 * A request that fails here unanswered or with 502-504 has failed on every node of the connection (the client passes
 * a failing node over for the next). Then, and after a 429, the client's list of dead nodes is forgotten, so that the
 * next attempt tries every node again and not only the one the client counts closest to coming back, which may be a
 * node gone for good (it would go on counting the others dead for up to 30 minutes).
 */
final class RetryingTransport implements ElasticsearchTransport {

    private static final Logger LOG = LoggerFactory.getLogger("lumbung.index");

    private final ElasticsearchTransport delegate;
    private final EsRetry retry;
    private final Runnable forgetDeadNodes;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "lumbung-es-retry");
        t.setDaemon(true);
        return t;
    });
    private final EsWaits waits = new EsWaits();
    private volatile boolean reached;

    RetryingTransport(ElasticsearchTransport delegate, EsRetry retry, Runnable forgetDeadNodes) {
        this.delegate = delegate;
        this.retry = retry;
        this.forgetDeadNodes = forgetDeadNodes;
    }

    @Override
    public <Q, R, E> R performRequest(Q request, Endpoint<Q, R, E> endpoint, TransportOptions options)
            throws IOException {
        Backoff.Retries retries = retry.backoff().start();
        while (true) {
            try {
                R response = delegate.performRequest(request, endpoint, options);
                answered(endpoint, retries.attempt());
                return response;
            } catch (IOException | RuntimeException e) {
                Duration wait = waitBefore(e, endpoint, retries);
                if (wait == null) {
                    gaveUp(retries.attempt());
                    throw e;
                }
                EsRetry.pause(wait);
            }
        }
    }

    @Override
    public <Q, R, E> CompletableFuture<R> performRequestAsync(Q request, Endpoint<Q, R, E> endpoint,
                                                              TransportOptions options) {
        CompletableFuture<R> result = new CompletableFuture<>();
        send(request, endpoint, options, result, retry.backoff().start());
        return result;
    }

    private <Q, R, E> void send(Q request, Endpoint<Q, R, E> endpoint, TransportOptions options,
                                CompletableFuture<R> result, Backoff.Retries retries) {
        delegate.performRequestAsync(request, endpoint, options).whenComplete((response, failure) -> {
            if (failure == null) {
                answered(endpoint, retries.attempt());
                result.complete(response);
                return;
            }
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            Duration wait = waitBefore(cause, endpoint, retries);
            if (wait == null) {
                gaveUp(retries.attempt());
                result.completeExceptionally(cause);
            } else {
                timer.schedule(() -> send(request, endpoint, options, result, retries), wait.toMillis(),
                        TimeUnit.MILLISECONDS);
            }
        });
    }

    /** The wait before the next attempt, or null to give up. */
    private Duration waitBefore(Throwable failure, Endpoint<?, ?, ?> endpoint, Backoff.Retries retries) {
        if (!EsRetry.retryable(failure)) {
            return null;
        }
        forgetDeadNodes.run();
        if (!reached) {
            return null;
        }
        int attempt = retries.attempt();
        Duration wait = retries.next().orElse(null);
        if (wait == null) {
            LOG.error("Elasticsearch has not answered {} for {}; giving up: {}", endpoint.id(), retry.timeout(),
                    failure.toString());
            return null;
        }
        LOG.warn("Elasticsearch unavailable for {} ({}); attempt {} in {} ms", endpoint.id(), failure.toString(),
                attempt + 1, wait.toMillis());
        if (attempt == 1) {
            waits.began();
        }
        waits.requestSentAgain();
        return wait;
    }

    private void answered(Endpoint<?, ?, ?> endpoint, int attempt) {
        reached = true;
        if (attempt > 1) {
            waits.ended();
            LOG.info("Elasticsearch is back: {} went through at attempt {}", endpoint.id(), attempt);
        }
    }

    private void gaveUp(int attempt) {
        if (attempt > 1) {
            waits.ended();
        }
    }

    /** How long this connection waited for Elasticsearch, and what it sent again. */
    EsWaits waits() {
        return waits;
    }

    @Override
    public JsonpMapper jsonpMapper() {
        return delegate.jsonpMapper();
    }

    @Override
    public TransportOptions options() {
        return delegate.options();
    }

    @Override
    public void close() throws IOException {
        timer.shutdownNow();
        delegate.close();
    }
}
