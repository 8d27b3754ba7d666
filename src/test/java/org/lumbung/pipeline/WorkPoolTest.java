package org.lumbung.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The pool hands results back in the items' order whatever order its threads finish them in, never runs more steps at
 * once than it has threads, and neither loses a failure nor an interrupt.
 */
class WorkPoolTest {

    private static final List<Integer> ITEMS = IntStream.range(0, 100).boxed().toList();

    @Test
    void givesResultsInTheItemsOrderWhenALaterChunkEndsFirst() {
        WorkPool pool = WorkPool.of(2);
        CountDownLatch lastChunkDone = new CountDownLatch(1);
        List<String> results = pool.map(ITEMS, i -> {
            if (i == 0) {
                // The first chunk waits until the last one has run on the other thread.
                await(lastChunkDone);
            }
            if (i == 99) {
                lastChunkDone.countDown();
            }
            return "r" + i;
        });
        assertThat(results).containsExactlyElementsOf(ITEMS.stream().map(i -> "r" + i).toList());
    }

    @Test
    void runsNoMoreStepsAtOnceThanItHasThreadsAndNoneOnTheCaller() {
        WorkPool pool = WorkPool.of(3);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        Set<String> threads = ConcurrentHashMap.newKeySet();
        List<Thread> callers = IntStream.range(0, 4).mapToObj(c -> new Thread(() -> pool.map(ITEMS, i -> {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            threads.add(Thread.currentThread().getName());
            busy();
            running.decrementAndGet();
            return i;
        }), "caller-" + c)).toList();
        callers.forEach(Thread::start);
        callers.forEach(WorkPoolTest::join);
        assertThat(most.get()).isBetween(1, 3);
        assertThat(threads).isNotEmpty().allMatch(name -> name.startsWith("lumbung-pipeline-")).hasSizeLessThanOrEqualTo(3);
    }

    @Test
    void throwsAStepsFailureOnceEveryChunkIsDone() {
        WorkPool pool = WorkPool.of(2);
        Set<Integer> done = ConcurrentHashMap.newKeySet();
        assertThatThrownBy(() -> pool.map(ITEMS, i -> {
            if (i == 37) {
                throw new IllegalArgumentException("record 37 is broken");
            }
            done.add(i);
            return i;
        })).isInstanceOf(IllegalArgumentException.class).hasMessage("record 37 is broken");
        // Every chunk but the failing one's rest ran to its end before map returned: none is still at work.
        int chunk = pool.chunkSize(ITEMS.size());
        int failingChunkStart = 37 / chunk * chunk;
        assertThat(done).containsAll(IntStream.range(0, 100)
                .filter(i -> i < failingChunkStart || i >= failingChunkStart + chunk).boxed().toList());
    }

    /**
     * An Error on a pool thread (a stack overflow on a record nested thousands deep, memory running out) is no record
     * to set aside: it reaches the harvest's thread as itself, so the page fails and its checkpoint stays, rather than
     * a page short of a chunk being indexed as if whole.
     */
    @Test
    void anErrorOnAPoolThreadReachesTheCallerAsItself() {
        WorkPool pool = WorkPool.of(2);
        assertThatThrownBy(() -> pool.map(ITEMS, i -> {
            if (i == 80) {
                throw new StackOverflowError("record 80 nests too deep");
            }
            return i;
        })).isInstanceOf(StackOverflowError.class).hasMessage("record 80 nests too deep");
        assertThat(pool.map(ITEMS, i -> i)).as("the pool still works after it").containsExactlyElementsOf(ITEMS);
    }

    @Test
    void anInterruptedCallerStillGetsEveryResultAndKeepsItsInterrupt() {
        WorkPool pool = WorkPool.of(2);
        Thread.currentThread().interrupt();
        try {
            assertThat(pool.map(ITEMS, i -> i * 2)).containsExactlyElementsOf(ITEMS.stream().map(i -> i * 2).toList());
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void theCallersPoolRunsOnTheCallersThread() {
        String caller = Thread.currentThread().getName();
        assertThat(WorkPool.CALLER.map(ITEMS, i -> Thread.currentThread().getName())).containsOnly(caller)
                .hasSize(100);
    }

    private static void busy() {
        long end = System.nanoTime() + TimeUnit.MICROSECONDS.toNanos(200);
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).as("the last chunk ran").isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void join(Thread t) {
        try {
            t.join(TimeUnit.SECONDS.toMillis(60));
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
