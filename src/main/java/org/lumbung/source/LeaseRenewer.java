package org.lumbung.source;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import org.lumbung.pipeline.DaemonThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renews the leases a worker holds, a third of a lease apart, on a daemon thread of its own: two renewals can fail in
 * a row (Elasticsearch away for a moment) before a lease runs out. Each lease is renewed by itself, so one that fails
 * is logged and tried again at the next turn without holding up the others. Started at the first lease taken.
 */
final class LeaseRenewer<V> implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger("lumbung.sources");

    private final String thread;
    private final long periodMillis;
    private final Map<String, V> held;
    private final BiConsumer<String, V> renewOne;
    private final BiFunction<String, V, String> name;
    private ScheduledExecutorService executor;

    /**
     * @param thread   the renewing thread's name
     * @param held     the leases held now, read at each turn
     * @param renewOne renews one lease, dropping it from {@code held} when another worker took it over
     * @param name     what the log calls a lease
     */
    LeaseRenewer(String thread, Duration lease, Map<String, V> held, BiConsumer<String, V> renewOne,
                 BiFunction<String, V, String> name) {
        this.thread = thread;
        this.periodMillis = Math.max(50, lease.toMillis() / 3);
        this.held = held;
        this.renewOne = renewOne;
        this.name = name;
    }

    synchronized void start() {
        if (executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named(thread));
        executor.scheduleWithFixedDelay(this::renewAll, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    void renewAll() {
        for (Map.Entry<String, V> e : held.entrySet()) {
            try {
                renewOne.accept(e.getKey(), e.getValue());
            } catch (RuntimeException ex) {
                LOG.warn("{}: cannot renew its lease now ({}); trying again in {} ms", name.apply(e.getKey(),
                        e.getValue()), ex.getMessage(), periodMillis);
            }
        }
    }

    @Override
    public synchronized void close() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
