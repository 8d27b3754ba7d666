package org.lumbung.http;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;

/**
 * One queue per host: at most {@code perHost} requests in flight to a host (one by default) and a pause between two
 * requests to it. A university server hosting fifty OJS journals thus sees one Lumbung request at a time, while other
 * hosts are served in parallel; harvests and page fetches share the queues.
 */
public final class HostQueues {

    private final int perHost;
    private final Duration defaultDelay;
    private final ConcurrentMap<String, Host> hosts = new ConcurrentHashMap<>();

    private static final class Host {
        final Semaphore permits;
        long lastRequestEnded;

        Host(int permits) {
            this.permits = new Semaphore(permits, true);
        }
    }

    public HostQueues(int perHost, Duration defaultDelay) {
        this.perHost = perHost;
        this.defaultDelay = defaultDelay;
    }

    public static String key(URI uri) {
        String host = uri.getHost() == null ? uri.getAuthority() : uri.getHost();
        return String.valueOf(host).toLowerCase(Locale.ROOT) + ":" + uri.getPort();
    }

    /** Waits for the host's turn; {@code delay} (a source's politeness) adds to the default pause if longer. */
    public Slot acquire(URI uri, Duration delay) throws InterruptedException {
        Host host = hosts.computeIfAbsent(key(uri), k -> new Host(perHost));
        host.permits.acquire();
        long pause = Math.max(defaultDelay.toNanos(), delay == null ? 0 : delay.toNanos());
        long wait;
        synchronized (host) {
            wait = host.lastRequestEnded == 0 ? 0 : host.lastRequestEnded + pause - System.nanoTime();
        }
        if (wait > 0) {
            try {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            } catch (InterruptedException e) {
                host.permits.release();
                throw e;
            }
        }
        return () -> {
            synchronized (host) {
                host.lastRequestEnded = System.nanoTime();
            }
            host.permits.release();
        };
    }

    /** A held turn; closing it lets the host's next request go. */
    @FunctionalInterface
    public interface Slot extends AutoCloseable {
        @Override
        void close();
    }
}
