package org.lumbung.source;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Admits source runs by host. A source waits in its host's queue, holding nothing, until its host runs fewer than
 * {@code perHost} of its sources and fewer than {@code concurrency} runs are going in all; then it runs on a thread of
 * its own. Hosts take turns: runs are admitted in rounds, each host with a source waiting having one run a round, and
 * within a round the source waiting longest goes first (start-time fair queuing, with a run as the unit). So a host
 * with a hundred journals is served one journal a round and never starves a host with one, even when there are more
 * hosts than runs may go at once (2,000 sources on 200 hosts with 64 runs: taken by wait alone, the first hosts'
 * journals, triggered first, all went before the last hosts had one); and a free host is never kept waiting behind a
 * busy one (the head-of-line blocking of a plain pool of runs that each wait for their host). A host that had nothing
 * waiting joins the round under way.
 *
 * <p>A harvest sends its requests one after another, so runs admitted this way put at most {@code perHost} requests
 * in flight to a host; {@code HostQueues} still guards each request (audits, ad-hoc harvests and a landing source's
 * pages on other hosts share it).
 */
public final class RunScheduler implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger("lumbung.sources");

    private record Waiting(String sourceId, long sequence, long since) {
    }

    /**
     * What the scheduler holds now: runs waiting and going, the longest wait of a run admitted so far; and what it has
     * done since it started: runs admitted, and the time spent choosing them (under its lock, which every trigger and
     * every run's end waits for), its overhead.
     */
    public record Snapshot(int waiting, int running, Duration longestWait, long admitted, Duration choosing) {
    }

    private final int concurrency;
    private final int perHost;
    private final Function<String, String> hostOf;
    private final Consumer<String> runner;
    private final ExecutorService threads;

    private final Object lock = new Object();
    private final Map<String, Deque<Waiting>> queues = new HashMap<>();
    private final Map<String, Integer> runningByHost = new HashMap<>();
    /** The round of each host's next run, for the hosts with a run waiting or going. */
    private final Map<String, Long> nextRound = new HashMap<>();
    /** The round of the run admitted last. */
    private long round;
    private final Set<String> held = new HashSet<>();
    private int running;
    private long sequence;
    private long longestWaitNanos;
    private long admitted;
    private long choosingNanos;
    private boolean closed;

    /**
     * @param hostOf the host a source's requests go to ({@code HostQueues.key}); sources on one host share its room
     * @param runner runs one source to its end (claims it, harvests or ingests, releases it); its failures are logged
     */
    public RunScheduler(int concurrency, int perHost, Function<String, String> hostOf, Consumer<String> runner) {
        this.concurrency = concurrency;
        this.perHost = perHost;
        this.hostOf = hostOf;
        this.runner = runner;
        AtomicInteger number = new AtomicInteger();
        this.threads = new ThreadPoolExecutor(concurrency, concurrency, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "lumbung-run-" + number.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        ((ThreadPoolExecutor) threads).allowCoreThreadTimeOut(true);
    }

    /**
     * Queues a run of the source behind the others of its host. A source already waiting or running is not queued
     * again (false): the trigger that finds it so is skipped, as its lease would skip it.
     */
    public boolean submit(String sourceId) {
        return submit(sourceId, hostOf.apply(sourceId));
    }

    /**
     * Queues runs of many sources at once, each on the host given (the start-up run: one look-up for all, where
     * {@code hostOf} reads each source alone, and 2,000 sources took minutes to queue on a busy node, the last hosts
     * joining the rounds that late); how many were queued.
     */
    public int submitAll(Map<String, String> hostsById) {
        int queued = 0;
        for (Map.Entry<String, String> e : hostsById.entrySet()) {
            queued += submit(e.getKey(), e.getValue()) ? 1 : 0;
        }
        return queued;
    }

    private boolean submit(String sourceId, String host) {
        synchronized (lock) {
            if (closed) {
                LOG.info("source {}: Lumbung is stopping; this trigger is skipped", sourceId);
                return false;
            }
            if (!held.add(sourceId)) {
                LOG.info("source {}: already waiting or running; this trigger is skipped", sourceId);
                return false;
            }
            queues.computeIfAbsent(host, h -> new ArrayDeque<>())
                    .add(new Waiting(sourceId, sequence++, System.nanoTime()));
            dispatch();
        }
        return true;
    }

    public Snapshot snapshot() {
        synchronized (lock) {
            int waiting = queues.values().stream().mapToInt(Deque::size).sum();
            return new Snapshot(waiting, running, Duration.ofNanos(longestWaitNanos), admitted,
                    Duration.ofNanos(choosingNanos));
        }
    }

    /**
     * Admits runs while there is room: each time, among the hosts with room, the one whose turn comes first, and of
     * hosts on the same round the one whose source has waited longest.
     */
    private void dispatch() {
        long start = System.nanoTime();
        try {
            admit();
        } finally {
            choosingNanos += System.nanoTime() - start;
        }
    }

    private void admit() {
        while (running < concurrency) {
            String chosen = null;
            Waiting first = null;
            long firstRound = 0;
            for (Map.Entry<String, Deque<Waiting>> e : queues.entrySet()) {
                Waiting head = e.getValue().peekFirst();
                long turn = Math.max(round, nextRound.getOrDefault(e.getKey(), round));
                if (head != null && runningByHost.getOrDefault(e.getKey(), 0) < perHost && (first == null
                        || turn < firstRound || turn == firstRound && head.sequence() < first.sequence())) {
                    chosen = e.getKey();
                    first = head;
                    firstRound = turn;
                }
            }
            if (first == null) {
                return;
            }
            round = firstRound;
            nextRound.put(chosen, firstRound + 1);
            Deque<Waiting> queue = queues.get(chosen);
            queue.pollFirst();
            if (queue.isEmpty()) {
                queues.remove(chosen);
            }
            runningByHost.merge(chosen, 1, Integer::sum);
            running++;
            admitted++;
            longestWaitNanos = Math.max(longestWaitNanos, System.nanoTime() - first.since());
            String host = chosen;
            String sourceId = first.sourceId();
            threads.execute(() -> run(host, sourceId));
        }
    }

    private void run(String host, String sourceId) {
        try {
            runner.accept(sourceId);
        } catch (RuntimeException e) {
            LOG.error("source {}: the run failed: {}", sourceId, e.toString());
        } finally {
            synchronized (lock) {
                held.remove(sourceId);
                running--;
                runningByHost.computeIfPresent(host, (h, n) -> n > 1 ? n - 1 : null);
                if (!runningByHost.containsKey(host) && !queues.containsKey(host)) {
                    nextRound.remove(host);
                }
                if (!closed) {
                    dispatch();
                }
            }
        }
    }

    /** Admits nothing more and forgets the runs waiting (their next trigger or start runs them); runs going go on. */
    public void stopAdmitting() {
        synchronized (lock) {
            closed = true;
            for (Deque<Waiting> queue : queues.values()) {
                queue.forEach(w -> held.remove(w.sourceId()));
            }
            queues.clear();
            nextRound.keySet().retainAll(runningByHost.keySet());
        }
    }

    /** Admits nothing more; runs still going are interrupted (they stop with their checkpoints). */
    @Override
    public void close() {
        stopAdmitting();
        threads.shutdownNow();
    }
}
