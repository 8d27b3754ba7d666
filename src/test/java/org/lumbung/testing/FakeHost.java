package org.lumbung.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A server on 127.0.0.1 that hosts several {@link FakeRepository}s at different paths, as a university server hosts
 * many OJS journals: it counts the requests in flight to the whole host, answers each after a latency, and keeps the
 * order in which its repositories were first asked.
 */
public final class FakeHost implements AutoCloseable {

    private final HttpServer server;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final List<String> firstAsked = new ArrayList<>();
    private final Map<String, Long> firstAskedAt = new HashMap<>();
    private final long latencyMillis;

    /** A host answering every request after this many milliseconds. */
    public FakeHost(long latencyMillis) {
        this.latencyMillis = latencyMillis;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    HttpServer server() {
        return server;
    }

    void entered(String path) {
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        synchronized (firstAsked) {
            if (!firstAsked.contains(path)) {
                firstAsked.add(path);
                firstAskedAt.put(path, System.nanoTime());
            }
        }
        try {
            Thread.sleep(latencyMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void left() {
        inFlight.decrementAndGet();
    }

    /** The most requests this host ever served at the same time, over all its repositories. */
    public int maxConcurrent() {
        return maxInFlight.get();
    }

    /** The paths of its repositories in the order their first request arrived. */
    public List<String> firstAsked() {
        synchronized (firstAsked) {
            return List.copyOf(firstAsked);
        }
    }

    /** When the repository at this path was first asked ({@link System#nanoTime}). */
    public long firstAskedAt(String path) {
        synchronized (firstAsked) {
            return firstAskedAt.get(path);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
