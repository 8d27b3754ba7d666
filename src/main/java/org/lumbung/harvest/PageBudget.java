package org.lumbung.harvest;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The bytes of list pages read and not yet indexed, over every harvest in the process
 * ({@code lumbung.harvest.max-bytes-in-flight}). A harvest that has read a page waits here, before handing it on,
 * while the pages of all harvests in flight fill the budget; a page leaves it once indexed or failed. So many
 * harvests at once wait for memory instead of running out of it: twenty sources' pages and documents in flight at
 * once took a 256 MB heap (issue 15).
 *
 * <p>Harvests wait in the order they came, so small pages never overtake a large one for ever; a page larger than the
 * whole budget goes once nothing else is in flight, alone. A page counts the bytes of the answers it came from
 * (decoded); on its way, parsed, crosswalked and serialised, it takes a few times that in heap.
 */
public final class PageBudget {

    /** No bound: a harvest that is not one of many (the Kamelet's, a test's). */
    public static final PageBudget UNBOUNDED = new PageBudget(Long.MAX_VALUE);

    /** The bytes of one page, held until {@link #release}; given back once, however often released. */
    public final class Grant {
        private final long bytes;
        private boolean released;

        private Grant(long bytes) {
            this.bytes = bytes;
        }

        public void release() {
            synchronized (PageBudget.this) {
                if (!released) {
                    released = true;
                    held -= bytes;
                    PageBudget.this.notifyAll();
                }
            }
        }
    }

    private final long limit;
    private final Deque<Thread> waiting = new ArrayDeque<>();
    private long held;

    public PageBudget(long limit) {
        this.limit = limit;
    }

    /**
     * Waits until the page's bytes fit beside those in flight (or nothing is in flight) and no harvest waiting longer
     * is still in line; then holds them. Interrupted, it holds nothing and leaves the line.
     */
    public synchronized Grant acquire(long bytes) throws InterruptedException {
        Thread self = Thread.currentThread();
        waiting.addLast(self);
        try {
            while (waiting.peekFirst() != self || held > 0 && bytes > limit - held) {
                wait();
            }
        } catch (InterruptedException e) {
            waiting.remove(self);
            notifyAll();
            throw e;
        }
        waiting.removeFirst();
        held += bytes;
        // The next in line may fit too.
        notifyAll();
        return new Grant(bytes);
    }

    /** Bytes of pages in flight now. */
    public synchronized long held() {
        return held;
    }

    /** Harvests waiting for room now. */
    public synchronized int waiting() {
        return waiting.size();
    }

    public long limit() {
        return limit;
    }
}
