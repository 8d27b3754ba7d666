package org.lumbung.index;

import co.elastic.clients.elasticsearch._helpers.bulk.BulkIngester;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that hands operations to the {@link BulkIngester} and flushes it. Writers queue here and never call
 * the ingester themselves, for two reasons seen in the fleet run that hung (issue 15):
 * <ul>
 * <li>The ingester wakes one waiter when a request is answered, and a waiter that wakes to an empty buffer (another
 * flusher sent it) returns without passing the wake-up on (elasticsearch-java issue 651). With many harvests flushing
 * for their batches, a writer could wait for a send slot that every answer had already freed, for ever.</li>
 * <li>A writer did that wait holding the indexer's resolving lock, so every other harvest queued behind it.</li>
 * </ul>
 * With this thread the only caller of ours, and the flush interval kept here so that the ingester runs no flusher of
 * its own, the only other threads that may wait for a slot are the ingester's own retries of documents refused with
 * 429; and this thread waits for a free slot here, before a call that may send, not inside the ingester, so an
 * answer's wake-up never has to reach it. A writer waits only here, for room in the queue, holding no lock.
 *
 * @param <C> the context the ingester's listener gets back with each operation
 */
final class BulkSender<C> implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger("lumbung.index");

    /** @param withNext whether the next one queued goes into the same request (a write and its copy) */
    private record Queued<C>(BulkOperation operation, C context, long bytes, boolean withNext) {
    }

    private final BulkIngester<C> ingester;
    private final long flushIntervalNanos;
    private final int room;
    private final long roomBytes;
    private final BiConsumer<C, RuntimeException> refused;
    private final Queue<Queued<C>> queue = new ArrayDeque<>();
    private final Thread thread;
    private long queuedBytes;
    private boolean flushAsked;
    private boolean closing;

    /**
     * @param room      operations queued here before a writer is made to wait ({@link #awaitRoom})
     * @param roomBytes the same in bytes of documents: a few large documents fill it as many small ones do
     * @param refused   told of an operation the ingester would not take (it is closed): its records fail, none is lost
     */
    BulkSender(BulkIngester<C> ingester, Duration flushInterval, int room, long roomBytes,
               BiConsumer<C, RuntimeException> refused) {
        this.ingester = ingester;
        this.flushIntervalNanos = flushInterval.toNanos();
        this.room = room;
        this.roomBytes = roomBytes;
        this.refused = refused;
        this.thread = new Thread(this::run, "lumbung-index-sender");
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues an operation carrying a document of {@code bytes} for the ingester; never blocks. */
    synchronized void send(BulkOperation operation, C context, long bytes) {
        queue.add(new Queued<>(operation, context, bytes, false));
        queuedBytes += bytes;
        notifyAll();
    }

    /**
     * Queues two operations to go in the same request, as a write and its copy into an index being rebuilt: sent
     * together they are placed against the same aliases, so that the write cannot land in the old index while its
     * copy finds the rebuild over. Never blocks.
     */
    synchronized void sendTogether(BulkOperation first, C firstContext, BulkOperation second, C secondContext,
                                   long bytes) {
        queue.add(new Queued<>(first, firstContext, bytes, true));
        queue.add(new Queued<>(second, secondContext, bytes, false));
        queuedBytes += 2 * bytes;
        notifyAll();
    }

    /** Asks for what is buffered to be sent now instead of at the flush interval. */
    synchronized void flush() {
        flushAsked = true;
        notifyAll();
    }

    /**
     * Waits while the queue is full: the back-pressure a writer used to get from the ingester. Call holding no lock
     * another writer needs.
     */
    synchronized void awaitRoom() throws InterruptedException {
        while ((queue.size() >= room || queuedBytes >= roomBytes) && !closing) {
            wait();
        }
    }

    private void run() {
        long lastFlush = System.nanoTime();
        while (true) {
            Queued<C> next;
            boolean flushNow;
            synchronized (this) {
                long left = flushIntervalNanos - (System.nanoTime() - lastFlush);
                while (queue.isEmpty() && !flushAsked && !closing && left > 0) {
                    try {
                        wait(Math.max(1, left / 1_000_000));
                    } catch (InterruptedException e) {
                        closing = true;
                    }
                    left = flushIntervalNanos - (System.nanoTime() - lastFlush);
                }
                if (closing && queue.isEmpty()) {
                    return;
                }
                next = queue.poll();
                flushNow = next == null;
                queuedBytes -= next == null ? 0 : next.bytes();
                flushAsked = flushAsked && !flushNow;
                notifyAll();
            }
            if (next != null) {
                add(next);
            }
            if (flushNow) {
                awaitSlot();
                ingester.flush();
                lastFlush = System.nanoTime();
            }
        }
    }

    private void add(Queued<C> queued) {
        boolean fills = ingester.pendingOperations() + 1 >= ingester.maxOperations()
                || ingester.pendingOperationsSize() + queued.bytes() >= ingester.maxSize();
        if (fills && queued.withNext() && ingester.pendingOperations() > 0) {
            // Adding it would send it without the one that goes with it: send what is buffered first.
            awaitSlot();
            ingester.flush();
            fills = ingester.pendingOperations() + 1 >= ingester.maxOperations()
                    || ingester.pendingOperationsSize() + queued.bytes() >= ingester.maxSize();
        }
        if (fills) {
            awaitSlot();
        }
        try {
            ingester.add(queued.operation(), queued.context());
        } catch (RuntimeException e) {
            LOG.error("the bulk ingester refused an operation: {}", e.toString());
            refused.accept(queued.context(), e);
        }
    }

    /**
     * Waits until a request may be sent at once. A poll, not a wait on the ingester's condition: that one is told of a
     * freed slot only if it is the next waiter in line. The count is read without the ingester's lock: a stale read
     * only makes this wait a poll longer, or lets the call wait inside as it did before.
     */
    private void awaitSlot() {
        while (ingester.pendingRequests() >= ingester.maxConcurrentRequests()) {
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Hands over what is queued, then stops the thread; the ingester itself is closed by its owner. */
    @Override
    public void close() {
        synchronized (this) {
            closing = true;
            notifyAll();
        }
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
