package org.lumbung.harvest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lumbung.pipeline.Delivery;
import org.lumbung.pipeline.Outcome;

/**
 * A checkpoint never passes a page the harvest's consumer still holds: read, asked for, or handed over and not yet
 * indexed; a window boundary waits for the page before it.
 */
class PageQueueTest {

    private final MemoryCheckpointStore store = new MemoryCheckpointStore();
    private final PageQueue queue = new PageQueue(new Progress(store, new HarvestRequest("fake",
            "http://127.0.0.1/oai", "oai_dc", null, null, null), new HarvestCounters(), 4), PageBudget.UNBOUNDED);

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

    @Test
    void aPageWithNoRecordsIsOnlyItsCheckpoint() throws Exception {
        queue.add(new RecordBatch("fake", "http://127.0.0.1/oai", List.of()), at("empty page"), 100);
        assertThat(queue.hasRead()).isFalse();
        assertThat(saved()).isEqualTo("empty page");
    }
}
