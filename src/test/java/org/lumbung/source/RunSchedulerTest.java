package org.lumbung.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Runs admitted by host: room per host, room in all, the longest waiting first, no run twice at once. */
class RunSchedulerTest {

    /** A runner whose runs last until released, recording the order they started in. */
    private static final class Runs {
        final List<String> started = new ArrayList<>();
        final Map<String, CountDownLatch> release = new ConcurrentHashMap<>();
        final Map<String, CountDownLatch> ended = new ConcurrentHashMap<>();

        void run(RunTrigger trigger) {
            String id = trigger.sourceId();
            synchronized (started) {
                started.add(id);
                started.notifyAll();
            }
            try {
                release.computeIfAbsent(id, k -> new CountDownLatch(1)).await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                ended.computeIfAbsent(id, k -> new CountDownLatch(1)).countDown();
            }
        }

        void finish(String id) throws InterruptedException {
            release.computeIfAbsent(id, k -> new CountDownLatch(1)).countDown();
            assertThat(ended.computeIfAbsent(id, k -> new CountDownLatch(1)).await(10, TimeUnit.SECONDS)).isTrue();
        }

        /** One run at a time: each of these starts next, in this order, and is finished before the next. */
        void finishInTurn(String... ids) throws InterruptedException {
            for (String id : ids) {
                assertThat(startedWhen(-99)).last().isEqualTo(id);
                finish(id);
            }
        }

        /** The runs started once {@code count} have, or after a short while if fewer ever do. */
        List<String> startedWhen(int count) throws InterruptedException {
            long deadline = System.nanoTime() + (count < 0 ? TimeUnit.MILLISECONDS.toNanos(300) : TimeUnit.SECONDS.toNanos(10));
            synchronized (started) {
                while (started.size() < Math.abs(count) && System.nanoTime() < deadline) {
                    started.wait(50);
                }
                return List.copyOf(started);
            }
        }
    }

    /** Sources named host-n: a1, a2 ... on host a. */
    private static String host(String id) {
        return id.substring(0, 1);
    }

    @Test
    void aBusyHostDoesNotHoldBackAFreeOne() throws Exception {
        Runs runs = new Runs();
        try (RunScheduler scheduler = new RunScheduler(3, 1, RunSchedulerTest::host, runs::run)) {
            for (String id : List.of("a1", "a2", "a3", "a4", "b1", "c1")) {
                assertThat(scheduler.submit(id)).isTrue();
            }
            // Three runs may go at once, one a host: a1, b1 and c1 (their threads start in any order), never a2
            // while a1 runs.
            assertThat(runs.startedWhen(3)).containsExactlyInAnyOrder("a1", "b1", "c1");
            assertThat(runs.startedWhen(-4)).hasSize(3);
            assertThat(scheduler.snapshot().waiting()).isEqualTo(3);
            assertThat(scheduler.snapshot().admitted()).isEqualTo(3);
            runs.finish("b1");
            assertThat(runs.startedWhen(-4)).as("host b has nothing waiting; a2 waits for a1").hasSize(3);
            runs.finish("a1");
            assertThat(runs.startedWhen(4)).hasSize(4).endsWith("a2");
            for (String id : List.of("a2", "c1", "a3")) {
                runs.finish(id);
            }
            runs.finish("a4");
            assertThat(runs.startedWhen(6)).hasSize(6).endsWith("a2", "a3", "a4");
            assertThat(scheduler.snapshot().admitted()).as("each run once, a trigger skipped or not").isEqualTo(6);
            assertThat(scheduler.snapshot().choosing()).isPositive();
        }
    }

    @Test
    void hostsTakeTurnsAndWithinATurnTheLongestWaitingGoesFirst() throws Exception {
        Runs runs = new Runs();
        try (RunScheduler scheduler = new RunScheduler(1, 1, RunSchedulerTest::host, runs::run)) {
            for (String id : List.of("a1", "a2", "a3", "b1", "a4", "c1")) {
                scheduler.submit(id);
            }
            // One run at a time: host a's second journal waits until b and c have had their turn, though it was
            // triggered before them (taken by wait alone, hosts b and c would wait for all of host a).
            runs.finishInTurn("a1", "b1", "c1", "a2", "a3");
            assertThat(runs.startedWhen(6)).containsExactly("a1", "b1", "c1", "a2", "a3", "a4");
            runs.finish("a4");
        }
    }

    @Test
    void manySourcesQueuedAtOnceGiveEveryHostItsTurnInTheFirstRound() throws Exception {
        Runs runs = new Runs();
        Map<String, String> hosts = new LinkedHashMap<>();
        for (String id : List.of("a1", "a2", "a3", "b1", "b2", "c1")) {
            hosts.put(id, host(id));
        }
        try (RunScheduler scheduler = new RunScheduler(1, 1, id -> {
            throw new AssertionError("the hosts were given: " + id);
        }, runs::run)) {
            List<RunTrigger> all = hosts.keySet().stream().map(RunTrigger::now).toList();
            assertThat(scheduler.queueAll(all, hosts)).isEqualTo(6);
            assertThat(scheduler.queueAll(List.of(RunTrigger.now("a2")), Map.of("a2", "a"))).as("already waiting")
                    .isZero();
            runs.finishInTurn("a1", "b1", "c1", "a2", "b2");
            assertThat(runs.startedWhen(6)).containsExactly("a1", "b1", "c1", "a2", "b2", "a3");
            runs.finish("a3");
        }
    }

    @Test
    void aHostThatHadNothingWaitingJoinsTheRoundUnderWay() throws Exception {
        Runs runs = new Runs();
        try (RunScheduler scheduler = new RunScheduler(1, 1, RunSchedulerTest::host, runs::run)) {
            for (String id : List.of("a1", "a2", "a3", "b1")) {
                scheduler.submit(id);
            }
            assertThat(runs.startedWhen(1)).containsExactly("a1");
            runs.finish("a1");
            assertThat(runs.startedWhen(2)).containsExactly("a1", "b1");
            runs.finish("b1");
            assertThat(runs.startedWhen(3)).containsExactly("a1", "b1", "a2");
            // c1 comes late, while a2 runs: it goes before a3, which is a round ahead, not after it.
            scheduler.submit("c1");
            runs.finish("a2");
            assertThat(runs.startedWhen(4)).containsExactly("a1", "b1", "a2", "c1");
            runs.finish("c1");
            runs.finish("a3");
            assertThat(runs.startedWhen(5)).endsWith("a3");
        }
    }

    @Test
    void aRunPutBackForAHostFullElsewhereKeepsItsTurn() throws Exception {
        Runs runs = new Runs();
        // Host a is full elsewhere until b1 has started: by what happened, not by time, so that a slow machine, on
        // which the scheduler asks again only after the millisecond it was told to wait, sees the same order.
        HostBudget fullOnce = new HostBudget() {
            @Override
            public boolean take(String host) {
                synchronized (runs.started) {
                    return !host.equals("a") || runs.started.contains("b1");
                }
            }

            @Override
            public void give(String host) {
                // nothing held
            }
        };
        try (RunScheduler scheduler = new RunScheduler(1, 1, RunSchedulerTest::host, runs::run, fullOnce,
                java.time.Duration.ofMillis(1))) {
            for (String id : List.of("a1", "a2", "b1", "c1")) {
                scheduler.submit(id);
            }
            // a1 was admitted first and found host a full elsewhere: b1 goes meanwhile, and a1, back at its host's
            // head, still has its turn of the first round, before c1 (it used to wait a round, behind c1).
            runs.finishInTurn("b1", "a1", "c1", "a2");
            assertThat(runs.startedWhen(-5)).containsExactly("b1", "a1", "c1", "a2");
        }
    }

    @Test
    void aHostRunsAsManyOfItsSourcesAsItsRoomAllows() throws Exception {
        Runs runs = new Runs();
        try (RunScheduler scheduler = new RunScheduler(10, 2, RunSchedulerTest::host, runs::run)) {
            for (String id : List.of("a1", "a2", "a3", "b1")) {
                scheduler.submit(id);
            }
            assertThat(runs.startedWhen(3)).containsExactlyInAnyOrder("a1", "a2", "b1");
            assertThat(runs.startedWhen(-4)).hasSize(3);
            runs.finish("a2");
            assertThat(runs.startedWhen(4)).endsWith("a3");
            for (String id : List.of("a1", "a3", "b1")) {
                runs.finish(id);
            }
        }
    }

    @Test
    void aSourceWaitingOrRunningIsNotQueuedAgain() throws Exception {
        Runs runs = new Runs();
        try (RunScheduler scheduler = new RunScheduler(1, 1, RunSchedulerTest::host, runs::run)) {
            assertThat(scheduler.submit("a1")).isTrue();
            assertThat(scheduler.submit("b1")).isTrue();
            assertThat(runs.startedWhen(1)).containsExactly("a1");
            assertThat(scheduler.submit("a1")).as("running").isFalse();
            assertThat(scheduler.submit("b1")).as("waiting").isFalse();
            runs.finish("a1");
            runs.finish("b1");
            assertThat(scheduler.submit("a1")).as("ended: runs again").isTrue();
            assertThat(runs.startedWhen(3)).containsExactly("a1", "b1", "a1");
            runs.finish("a1");
        }
    }

    @Test
    void onStopTheWaitingAreForgottenAndTheRunningGoOn() throws Exception {
        Runs runs = new Runs();
        RunScheduler scheduler = new RunScheduler(1, 1, RunSchedulerTest::host, runs::run);
        scheduler.submit("a1");
        scheduler.submit("b1");
        assertThat(runs.startedWhen(1)).containsExactly("a1");
        scheduler.stopAdmitting();
        assertThat(scheduler.submit("c1")).isFalse();
        runs.finish("a1");
        assertThat(runs.startedWhen(-2)).containsExactly("a1");
        assertThat(scheduler.snapshot().waiting()).isZero();
        scheduler.close();
    }
}
