package org.lumbung.harvest;

import java.util.ArrayDeque;
import java.util.Deque;
import org.lumbung.pipeline.Delivery;

/**
 * The pages a harvest has read and its consumer has not yet handed to the index, in order: read (not yet asked for),
 * then asked for (not yet handed over). Handed over, a page goes to {@link Progress} with the checkpoint that becomes
 * true once it is indexed; so a checkpoint never passes a page the consumer still holds. Each page holds its bytes of
 * the process's {@link PageBudget} from the moment it is read until it is indexed or failed, or dropped unsent.
 */
final class PageQueue {

    private record Page(RecordBatch batch, Checkpoint after, PageBudget.Grant grant) {
    }

    private final Deque<Page> read = new ArrayDeque<>();
    private final Deque<Page> asked = new ArrayDeque<>();
    private final Progress progress;
    private final PageBudget budget;

    PageQueue(Progress progress, PageBudget budget) {
        this.progress = progress;
        this.budget = budget;
    }

    /**
     * A page read from answers of {@code bytes}; with no records, only its checkpoint counts. Waits for room in the
     * budget first.
     */
    void add(RecordBatch batch, Checkpoint after, long bytes) throws HarvestException, InterruptedException {
        if (batch.records().isEmpty()) {
            mark(after);
        } else {
            read.add(new Page(batch, after, budget.acquire(bytes)));
        }
    }

    /**
     * A checkpoint with no records of its own (a window boundary): it becomes the checkpoint of the last page not yet
     * handed over, which is the same as saving it once that page is indexed; with none, it goes to the progress.
     */
    void mark(Checkpoint after) throws HarvestException, InterruptedException {
        Deque<Page> last = !read.isEmpty() ? read : asked.isEmpty() ? null : asked;
        if (last == null) {
            progress.checkpoint(after);
        } else {
            Page page = last.pollLast();
            last.addLast(new Page(page.batch(), after, page.grant()));
        }
    }

    boolean hasRead() {
        return !read.isEmpty();
    }

    RecordBatch next() {
        Page page = read.remove();
        asked.add(page);
        return page.batch();
    }

    /** The oldest page asked for is on its way to the index; its bytes leave the budget once it is indexed. */
    void handedOver(Delivery delivery) throws HarvestException, InterruptedException {
        Page page = asked.poll();
        if (page == null) {
            throw new IllegalStateException("no page was asked for that is not handed over already");
        }
        delivery.whenDone(page.grant()::release);
        progress.add(delivery, page.after(), page.batch().records().size());
    }

    /** Whether every page read is handed over. */
    boolean settled() {
        return read.isEmpty() && asked.isEmpty();
    }

    /** After a failure: the pages not yet asked for are never sent. */
    void dropRead() {
        read.forEach(page -> page.grant().release());
        read.clear();
    }

    /** The consumer stopped: no page still held is sent, and none holds the budget. */
    void abandon() {
        dropRead();
        asked.forEach(page -> page.grant().release());
        asked.clear();
    }
}
