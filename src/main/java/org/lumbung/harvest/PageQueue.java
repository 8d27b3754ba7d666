package org.lumbung.harvest;

import java.util.ArrayDeque;
import java.util.Deque;
import org.lumbung.pipeline.Delivery;

/**
 * The pages a harvest has read and its consumer has not yet handed to the index, in order: read (not yet asked for),
 * then asked for (not yet handed over). Handed over, a page goes to {@link Progress} with the checkpoint that becomes
 * true once it is indexed; so a checkpoint never passes a page the consumer still holds.
 */
final class PageQueue {

    private record Page(RecordBatch batch, Checkpoint after) {
    }

    private final Deque<Page> read = new ArrayDeque<>();
    private final Deque<Page> asked = new ArrayDeque<>();
    private final Progress progress;

    PageQueue(Progress progress) {
        this.progress = progress;
    }

    /** A page read; with no records, only its checkpoint counts. */
    void add(RecordBatch batch, Checkpoint after) throws HarvestException, InterruptedException {
        if (batch.records().isEmpty()) {
            mark(after);
        } else {
            read.add(new Page(batch, after));
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
            last.addLast(new Page(last.pollLast().batch(), after));
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

    /** The oldest page asked for is on its way to the index. */
    void handedOver(Delivery delivery) throws HarvestException, InterruptedException {
        Page page = asked.poll();
        if (page == null) {
            throw new IllegalStateException("no page was asked for that is not handed over already");
        }
        progress.add(delivery, page.after());
    }

    /** Whether every page read is handed over. */
    boolean settled() {
        return read.isEmpty() && asked.isEmpty();
    }

    /** After a failure: the pages not yet asked for are never sent. */
    void dropRead() {
        read.clear();
    }
}
