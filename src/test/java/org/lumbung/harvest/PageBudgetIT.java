package org.lumbung.harvest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.lumbung.http.HostQueues;
import org.lumbung.http.HttpFetcher;
import org.lumbung.http.HttpOptions;
import org.lumbung.http.RetryPolicy;
import org.lumbung.pipeline.Delivery;
import org.lumbung.pipeline.Outcome;
import org.lumbung.pipeline.RecordFailure;
import org.lumbung.testing.OaiTestServer;
import org.lumbung.testing.PendingDelivery;

/**
 * The page budget around a real harvest (an OJS list of three pages on 127.0.0.1, an index that answers later on a
 * thread of its own): every byte comes back however the harvest ends, and a budget smaller than one page lets the
 * harvest through a page at a time.
 */
@Timeout(value = 1, unit = TimeUnit.MINUTES)
class PageBudgetIT {

    private static OaiTestServer server;
    private static final ScheduledExecutorService INDEX = Executors.newSingleThreadScheduledExecutor();

    @BeforeAll
    static void repository() {
        server = OaiTestServer.ojsThreePages();
    }

    @AfterAll
    static void stop() {
        server.close();
        INDEX.shutdownNow();
    }

    private static OaiHarvester harvester(RecordSink sink, PageBudget budget) {
        HttpFetcher fetcher = new HttpFetcher(new HttpOptions(Duration.ofSeconds(2), Duration.ofSeconds(5),
                "Lumbung/test", null), new RetryPolicy(1, Duration.ofMillis(10), Duration.ofMillis(10),
                Duration.ofSeconds(1)), new HostQueues(1, Duration.ZERO));
        return new OaiHarvester(fetcher, sink, new MemoryCheckpointStore(), DeadLetters.LOG_ONLY, IndexedRecords.NONE,
                HarvestTuning.DEFAULT, budget);
    }

    private static HarvestRequest request() {
        return new HarvestRequest("jhi", server.baseUrl(), "oai_dc", null, null, null);
    }

    /** A delivery the index completes 50 ms later, on its own thread, with this outcome. */
    private static Delivery later(Outcome outcome) {
        return later(outcome, () -> { });
    }

    /** The same, telling {@code indexed} just before it completes. */
    private static Delivery later(Outcome outcome, Runnable indexed) {
        PendingDelivery delivery = new PendingDelivery();
        INDEX.schedule(() -> {
            indexed.run();
            delivery.complete(outcome);
        }, 50, TimeUnit.MILLISECONDS);
        return delivery;
    }

    private static Outcome indexed(RecordBatch page) {
        long deleted = page.records().stream().filter(r -> r.header().deleted()).count();
        return new Outcome(page.records().size() - (int) deleted, (int) deleted, List.of());
    }

    private static void untilEmpty(PageBudget budget) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (budget.held() != 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }

    @Test
    void aBudgetSmallerThanOnePageLetsTheHarvestThroughAPageAtATime() {
        PageBudget budget = new PageBudget(1);
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        HarvestReport report = harvester(page -> {
            most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            return later(indexed(page), inFlight::decrementAndGet);
        }, budget).harvest(request());

        assertThat(report.complete()).as(report.summary()).isTrue();
        assertThat(report.pages()).isEqualTo(3);
        assertThat(report.indexed() + report.deleted()).isEqualTo(7);
        assertThat(most.get()).as("pages in flight at once").isEqualTo(1);
        assertThat(budget.held()).isZero();
    }

    @Test
    void aHarvestWhosePageTheIndexCouldNotTakeGivesEveryByteBack() throws Exception {
        PageBudget budget = new PageBudget(1L << 20);
        AtomicInteger pages = new AtomicInteger();
        HarvestReport report = harvester(page -> later(pages.incrementAndGet() == 2
                ? new Outcome(0, 0, page.records().stream().map(r -> new RecordFailure("jhi", r.header().identifier(),
                        RecordFailure.Stage.INDEX, 503, "not indexed: Elasticsearch could not write it now", null,
                        true)).toList())
                : indexed(page)), budget).harvest(request());

        assertThat(report.complete()).isFalse();
        assertThat(report.error()).contains("the index could not take a page of records");
        untilEmpty(budget);
        assertThat(budget.held()).isZero();
        assertThat(budget.waiting()).isZero();
    }

    @Test
    void aHarvestWhoseSinkThrowsGivesEveryByteBack() throws Exception {
        PageBudget budget = new PageBudget(1L << 20);
        AtomicInteger pages = new AtomicInteger();
        OaiHarvester harvester = harvester(page -> {
            if (pages.incrementAndGet() == 2) {
                throw new IllegalStateException("Camel is not running");
            }
            return later(indexed(page));
        }, budget);

        assertThatThrownBy(() -> harvester.harvest(request())).hasMessageContaining("Camel is not running");
        untilEmpty(budget);
        assertThat(budget.held()).isZero();
    }
}
