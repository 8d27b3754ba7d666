package org.lumbung.harvest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.lumbung.pipeline.Outcome;
import org.lumbung.testing.PendingDelivery;

/**
 * The bytes of pages in flight over all harvests: a harvest waits while others' pages fill the budget, in the order
 * harvests came; a page larger than the whole budget goes alone, never for ever blocked; whoever stops waiting or
 * lets a page go gives every byte back, once.
 */
class PageBudgetTest {

    private final PageBudget budget = new PageBudget(1000);
    /** The grants {@link #inLine} got, and the sizes of their pages, in the order they were let through. */
    private final List<PageBudget.Grant> got = new CopyOnWriteArrayList<>();
    private final List<Long> through = new CopyOnWriteArrayList<>();

    /** Acquires on a thread of its own, adding the grant to {@link #got}; returns once that thread waits in line. */
    private Thread inLine(long bytes) throws InterruptedException {
        int before = budget.waiting();
        Thread t = new Thread(() -> {
            try {
                PageBudget.Grant grant = budget.acquire(bytes);
                through.add(bytes);
                got.add(grant);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        t.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (budget.waiting() != before + 1 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(budget.waiting()).isEqualTo(before + 1);
        return t;
    }

    @Test
    void aHarvestWaitsWhileOthersPagesFillTheBudgetAndGoesOnceOneIsIndexed() throws Exception {
        PageBudget.Grant first = budget.acquire(600);
        PageBudget.Grant second = budget.acquire(400);
        Thread third = inLine(300);
        assertThat(got).isEmpty();

        second.release();
        third.join(10_000);
        assertThat(got).hasSize(1);
        assertThat(budget.held()).isEqualTo(900);
        first.release();
        got.get(0).release();
        assertThat(budget.held()).isZero();
    }

    @Test
    void aPageLargerThanTheWholeBudgetGoesAloneOnceNothingElseIsInFlight() throws Exception {
        PageBudget.Grant small = budget.acquire(10);
        Thread large = inLine(5000);

        small.release();
        large.join(10_000);
        assertThat(got).as("the large page goes once the budget is empty").hasSize(1);
        assertThat(budget.held()).isEqualTo(5000);

        Thread next = inLine(10);
        got.get(0).release();
        next.join(10_000);
        assertThat(got).hasSize(2);
        assertThat(budget.held()).isEqualTo(10);
    }

    @Test
    void aSmallPageDoesNotOvertakeALargeOneWaitingLonger() throws Exception {
        PageBudget.Grant held = budget.acquire(500);
        Thread large = inLine(800);
        Thread small = inLine(300);
        assertThat(got).as("300 bytes would fit, but the larger page came first").isEmpty();

        // Once the large page goes, the small one no longer fits beside it: the order they went in is certain (with
        // both fitting at once, their threads could record it either way).
        held.release();
        large.join(10_000);
        assertThat(through).containsExactly(800L);
        assertThat(budget.waiting()).isEqualTo(1);
        got.get(0).release();
        small.join(10_000);
        assertThat(through).containsExactly(800L, 300L);
        assertThat(budget.held()).isEqualTo(300);
    }

    @Test
    void anInterruptedHarvestHoldsNothingAndLetsTheNextInLineGo() throws Exception {
        PageBudget.Grant held = budget.acquire(900);
        Thread stopped = inLine(500);
        Thread next = inLine(100);

        stopped.interrupt();
        stopped.join(10_000);
        next.join(10_000);
        assertThat(got).hasSize(1);
        assertThat(budget.held()).isEqualTo(1000);
        assertThat(budget.waiting()).isZero();
        held.release();
        got.get(0).release();
        assertThat(budget.held()).isZero();
    }

    @Test
    void aGrantReleasedTwiceGivesItsBytesBackOnce() throws Exception {
        PageBudget.Grant one = budget.acquire(300);
        PageBudget.Grant two = budget.acquire(200);
        one.release();
        one.release();
        assertThat(budget.held()).isEqualTo(200);
        two.release();
        assertThat(budget.held()).isZero();
    }

    @Test
    void aPageHoldsItsBytesUntilIndexedAndPagesDroppedUnsentGiveThemBack() throws Exception {
        MemoryCheckpointStore store = new MemoryCheckpointStore();
        PageQueue queue = new PageQueue(new Progress(store, new HarvestRequest("fake", "http://127.0.0.1/oai",
                "oai_dc", null, null, null), new HarvestCounters(), 4, 1000), budget);
        Checkpoint at = new Checkpoint("", "page", null, null, null, null, 0);
        RecordBatch page = new RecordBatch("fake", "http://127.0.0.1/oai", List.of(new RawRecord(
                new OaiHeader("oai:fake:1", "2026-01-01", List.of(), false), null, "oai_dc")));
        queue.add(page, at, 300);
        queue.add(page, at, 200);
        queue.add(page, at, 100);
        assertThat(budget.held()).isEqualTo(600);

        PendingDelivery indexed = new PendingDelivery();
        queue.next();
        queue.handedOver(indexed);
        assertThat(budget.held()).as("handed over, not yet indexed").isEqualTo(600);
        indexed.complete(Outcome.NONE);
        assertThat(budget.held()).isEqualTo(300);

        queue.next();
        queue.abandon();
        assertThat(budget.held()).as("one asked for and one read, neither sent").isZero();
    }
}
