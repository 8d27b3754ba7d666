package org.lumbung.harvest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.lumbung.pipeline.Delivery;
import org.lumbung.pipeline.Outcome;

/**
 * A checkpoint never passes a page the harvest's consumer still holds: read, asked for, or handed over and not yet
 * indexed; a window boundary waits for the page before it.
 */
class PageQueueTest {

    private final MemoryCheckpointStore store = new MemoryCheckpointStore();
    private final Progress progress = new Progress(store, new HarvestRequest("fake", "http://127.0.0.1/oai", "oai_dc",
            null, null, null), new HarvestCounters(), 4, 1000);
    private final PageQueue queue = new PageQueue(progress, PageBudget.UNBOUNDED);

    /** The checkpoint saved last: a label in its nextFrom, or null while none is. */
    private String saved() {
        return store.checkpoint("fake", null).nextFrom();
    }

    private static Checkpoint at(String label) {
        return new Checkpoint("", label, null, null, null, null, 0);
    }

    private static RecordBatch page(String identifier) {
        return new RecordBatch("fake", "http://127.0.0.1/oai", List.of(new RawRecord(
                new OaiHeader(identifier, "2026-01-01", List.of(), false), null, "oai_dc")));
    }

    @Test
    void aWindowBoundaryAfterAPageStillHeldIsSavedOnlyOnceThatPageIsIndexed() throws Exception {
        queue.add(page("oai:fake:1"), at("page 1"), 100);
        queue.mark(at("window 2"));
        assertThat(queue.next().records()).extracting(r -> r.header().identifier()).containsExactly("oai:fake:1");
        assertThat(saved()).as("asked for, not handed over").isNull();
        queue.handedOver(Delivery.done(Outcome.NONE));
        assertThat(saved()).isEqualTo("window 2");
        assertThat(queue.settled()).isTrue();
    }

    @Test
    void aWindowBoundaryWithNoPageHeldIsSavedAtOnce() throws Exception {
        queue.mark(at("window 2"));
        assertThat(saved()).isEqualTo("window 2");
    }

    @Test
    void aPageHandedOverAndNotYetIndexedHoldsItsCheckpointAndTheOnesAfter() throws Exception {
        queue.add(page("oai:fake:1"), at("page 1"), 100);
        queue.next();
        boolean[] indexed = {false};
        queue.handedOver(new Delivery() {
            @Override
            public Outcome await() {
                return Outcome.NONE;
            }

            @Override
            public boolean isDone() {
                return indexed[0];
            }
        });
        queue.mark(at("window 2"));
        assertThat(saved()).isNull();
        indexed[0] = true;
        queue.mark(at("window 3"));
        assertThat(saved()).isEqualTo("window 3");
    }

    /**
     * Two pages read on pipeline threads of their own: the later one is indexed first, while the earlier is still at
     * work. Its checkpoint must wait for the earlier page, or a crash then would skip the earlier page's records.
     */
    @Test
    void aLaterPageIndexedFirstDoesNotMoveTheCheckpointPastAnEarlierPageStillAtWork() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch releaseFirst = new CountDownLatch(1);
            queue.add(page("oai:fake:1"), at("page 1"), 100);
            queue.add(page("oai:fake:2"), at("page 2"), 100);
            queue.next();
            queue.handedOver(delivered(CompletableFuture.supplyAsync(() -> {
                await(releaseFirst);
                return Outcome.NONE;
            }, threads)));
            queue.next();
            CompletableFuture<Outcome> second = CompletableFuture.supplyAsync(() -> Outcome.NONE, threads);
            queue.handedOver(delivered(second));
            second.get(30, TimeUnit.SECONDS);
            queue.mark(at("window 2"));
            assertThat(saved()).as("page 2 is indexed, page 1 still at work").isNull();

            releaseFirst.countDown();
            progress.finish();
            assertThat(saved()).isEqualTo("window 2");
        } finally {
            threads.shutdownNow();
        }
    }

    /** A delivery that completes when the page's work on its thread does. */
    private static Delivery delivered(CompletableFuture<Outcome> work) {
        return new Delivery() {
            @Override
            public Outcome await() throws InterruptedException {
                try {
                    return work.get();
                } catch (ExecutionException e) {
                    throw new IllegalStateException(e);
                }
            }

            @Override
            public boolean isDone() {
                return work.isDone();
            }
        };
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aPageWithNoRecordsIsOnlyItsCheckpoint() throws Exception {
        queue.add(new RecordBatch("fake", "http://127.0.0.1/oai", List.of()), at("empty page"), 100);
        assertThat(queue.hasRead()).isFalse();
        assertThat(saved()).isEqualTo("empty page");
    }
}
