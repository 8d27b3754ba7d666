package org.lumbung.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lumbung.index.IndexLayout;
import org.lumbung.index.IndexSetup;
import org.lumbung.testing.Await;
import org.lumbung.testing.TestElasticsearch;

/** The host budget shared through Elasticsearch by the run schedulers of several workers. */
class HostBudgetIT {

    private static String index;

    @BeforeAll
    static void indices() throws Exception {
        IndexLayout layout = new IndexLayout(TestElasticsearch.freshPrefix(HostBudgetIT.class), 0);
        new IndexSetup(TestElasticsearch.client(), layout).ensure();
        index = layout.hostsIndex();
    }

    private static SharedHostBudget budget(String worker, int perHost, Duration lease) {
        return new SharedHostBudget(TestElasticsearch.client(), index, worker, perHost, lease);
    }

    @Test
    void aHostsSlotsAreSharedByEveryWorkerAndComeBackWhenGiven() {
        try (SharedHostBudget one = budget("one", 2, Duration.ofMinutes(1));
             SharedHostBudget two = budget("two", 2, Duration.ofMinutes(1))) {
            assertThat(one.take("uni.example:443")).isTrue();
            assertThat(two.take("uni.example:443")).as("the second of two slots").isTrue();
            assertThat(one.take("uni.example:443")).as("both held").isFalse();
            assertThat(two.take("other.example:443")).as("another host has its own slots").isTrue();
            assertThat(two.take("source:local-files")).as("local files take no slot").isTrue();
            two.give("uni.example:443");
            assertThat(one.take("uni.example:443")).isTrue();
            assertThat(one.refusals()).isEqualTo(1);
        }
    }

    @Test
    void aSlotWhoseHolderStoppedRenewingExpiresAndOneRenewedDoesNot() throws Exception {
        try (SharedHostBudget renewing = budget("renewing", 1, Duration.ofMillis(500));
             SharedHostBudget other = budget("other", 1, Duration.ofMillis(500))) {
            SharedHostBudget frozen = budget("frozen", 1, Duration.ofMillis(500));
            assertThat(frozen.take("frozen.example:80")).isTrue();
            frozen.close(); // stops renewing, as a frozen or dead worker
            assertThat(renewing.take("busy.example:80")).isTrue();
            Await.until("the frozen worker's slot to expire", Duration.ofSeconds(30),
                    () -> other.take("frozen.example:80"));
            assertThat(other.take("busy.example:80")).as("renewed past several lease lengths").isFalse();
        }
    }

    /**
     * Two workers' run schedulers, each with its own half of twelve sources on three hosts, one slot a host: the
     * runs, counted where they run, never overlap on a host across the two, and every run happens.
     */
    @Test
    void twoWorkersRunSchedulersNeverRunTwoSourcesOfAHostAtOnce() throws Exception {
        Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> most = new ConcurrentHashMap<>();
        List<String> ran = new CopyOnWriteArrayList<>();
        List<RunScheduler> schedulers = new ArrayList<>();
        List<SharedHostBudget> budgets = new ArrayList<>();
        try {
            for (String worker : List.of("left", "right")) {
                SharedHostBudget budget = budget(worker, 1, Duration.ofSeconds(5));
                budgets.add(budget);
                schedulers.add(new RunScheduler(4, 1, HostBudgetIT::hostOf, trigger -> {
                    String host = hostOf(trigger.sourceId());
                    int now = inFlight.computeIfAbsent(host, h -> new AtomicInteger()).incrementAndGet();
                    most.computeIfAbsent(host, h -> new AtomicInteger()).accumulateAndGet(now, Math::max);
                    try {
                        Thread.sleep(60);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        inFlight.get(host).decrementAndGet();
                        ran.add(trigger.sourceId());
                    }
                }, budget, Duration.ofMillis(20)));
            }
            for (int i = 0; i < 12; i++) {
                assertThat(schedulers.get(i % 2).submit("h" + (i % 3) + "-s" + i)).isTrue();
            }
            Await.until("twelve runs", Duration.ofMinutes(1), () -> ran.size() == 12);
            assertThat(ran).doesNotHaveDuplicates();
            assertThat(most).hasSize(3);
            most.forEach((host, n) -> assertThat(n.get()).as("runs at once on %s, both workers", host).isEqualTo(1));
            assertThat(budgets.stream().mapToLong(SharedHostBudget::refusals).sum())
                    .as("the workers met on a host and one waited").isPositive();
        } finally {
            schedulers.forEach(RunScheduler::close);
            budgets.forEach(SharedHostBudget::close);
        }
    }

    private static String hostOf(String sourceId) {
        return sourceId.substring(0, sourceId.indexOf('-')) + ".example:443";
    }
}
