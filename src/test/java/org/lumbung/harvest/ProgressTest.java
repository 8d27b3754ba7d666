package org.lumbung.harvest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lumbung.pipeline.Delivery;
import org.lumbung.pipeline.Outcome;

/**
 * How many pages a harvest hands to the index before it waits for the oldest: at most four, and at most 1,000 of
 * their records unless one page alone holds more. Each page here stays unindexed until the harvest waits for it, so
 * the pages waited for are exactly those the bounds made it wait for.
 */
class ProgressTest {

    private final MemoryCheckpointStore store = new MemoryCheckpointStore();
    private final Progress progress = new Progress(store, new HarvestRequest("fake", "http://127.0.0.1/oai", "oai_dc",
            null, null, null), new HarvestCounters(), 4, 1000);
    private final List<String> waitedFor = new ArrayList<>();

    @Test
    void pagesOfFiveHundredRecordsAreTwoInFlight() throws Exception {
        add("page 1", 500);
        add("page 2", 500);
        assertThat(waitedFor).isEmpty();
        add("page 3", 500);
        assertThat(waitedFor).as("1,500 records in flight").containsExactly("page 1");
        assertThat(progress.recordsInFlight()).isEqualTo(1000);
        assertThat(store.checkpoint("fake", null).nextFrom()).isEqualTo("page 1");
        add("page 4", 500);
        assertThat(waitedFor).containsExactly("page 1", "page 2");
    }

    @Test
    void pagesOfAHundredRecordsAreFourInFlight() throws Exception {
        for (int i = 1; i <= 4; i++) {
            add("page " + i, 100);
        }
        assertThat(waitedFor).isEmpty();
        add("page 5", 100);
        assertThat(waitedFor).as("five pages in flight").containsExactly("page 1");
        assertThat(progress.recordsInFlight()).isEqualTo(400);
    }

    @Test
    void aPageLargerThanTheRecordBoundGoesAlone() throws Exception {
        add("page 1", 5000);
        assertThat(waitedFor).as("the one page in flight").isEmpty();
        add("page 2", 10);
        assertThat(waitedFor).containsExactly("page 1");
        assertThat(progress.recordsInFlight()).isEqualTo(10);
    }

    @Test
    void aWindowBoundaryCountsNoRecords() throws Exception {
        add("page 1", 600);
        progress.checkpoint(at("window 2"));
        assertThat(waitedFor).isEmpty();
        assertThat(progress.recordsInFlight()).isEqualTo(600);
        progress.finish();
        assertThat(waitedFor).containsExactly("page 1");
        assertThat(progress.recordsInFlight()).isZero();
        assertThat(store.checkpoint("fake", null).nextFrom()).isEqualTo("window 2");
    }

    /** A page that is indexed only once the harvest waits for it. */
    private void add(String label, int records) throws Exception {
        boolean[] indexed = {false};
        progress.add(new Delivery() {
            @Override
            public Outcome await() {
                if (!indexed[0]) {
                    waitedFor.add(label);
                    indexed[0] = true;
                }
                return Outcome.NONE;
            }

            @Override
            public boolean isDone() {
                return indexed[0];
            }
        }, at(label), records);
    }

    private static Checkpoint at(String label) {
        return new Checkpoint("", label, null, null, null, null, 0);
    }
}
