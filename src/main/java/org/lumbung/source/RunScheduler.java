package org.lumbung.source;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.lumbung.pipeline.DaemonThreads;
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
 * pages on other hosts share it). With several workers on one cluster, a {@link HostBudget} shared through
 * Elasticsearch bounds a host's runs across all of them: a run admitted here whose host has no slot free anywhere goes
 * back to wait, keeping its place, and frees its room for other hosts.
 */
public final class RunScheduler implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger("lumbung.sources");

    private record Waiting(RunTrigger trigger, long sequence, long since) {
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
    private final Consumer<RunTrigger> runner;
    private final HostBudget budget;
    private final Duration budgetRetry;
    private final ExecutorService threads;
    private final ScheduledExecutorService retries;

    private final Object lock = new Object();
    private final Map<String, Deque<Waiting>> queues = new HashMap<>();
    private final Map<String, Integer> runningByHost = new HashMap<>();
    private final Set<String> held = new HashSet<>();
    /** The round of each host's next run, for the hosts with a run waiting or going. */
    private final Map<String, Long> nextRound = new HashMap<>();
    /** The round of the run admitted last. */
    private long round;
    /** Hosts whose every slot another worker holds, and when to ask again (System.nanoTime). */
    private final Map<String, Long> busyElsewhere = new HashMap<>();
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
    public RunScheduler(int concurrency, int perHost, Function<String, String> hostOf, Consumer<RunTrigger> runner) {
        this(concurrency, perHost, hostOf, runner, HostBudget.LOCAL, Duration.ofSeconds(1));
    }

    /**
     * @param budget      the host's room shared with other workers: a run admitted here whose host has no slot free
     *                    anywhere goes back to the head of its host's queue, and the host is asked again after
     *                    {@code budgetRetry}, while other hosts go on
     */
    public RunScheduler(int concurrency, int perHost, Function<String, String> hostOf, Consumer<RunTrigger> runner,
                        HostBudget budget, Duration budgetRetry) {
        this.concurrency = concurrency;
        this.perHost = perHost;
        this.hostOf = hostOf;
        this.runner = runner;
        this.budget = budget;
        this.budgetRetry = budgetRetry;
        this.retries = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("lumbung-run-retry"));
        this.threads = new ThreadPoolExecutor(concurrency, concurrency, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), DaemonThreads.numbered("lumbung-run"));
        ((ThreadPoolExecutor) threads).allowCoreThreadTimeOut(true);
    }

    /**
     * Queues a run of the source behind the others of its host. A source already waiting or running is not queued
     * again (false): the trigger that finds it so is skipped, as its lease would skip it.
     */
    public boolean submit(String sourceId) {
        return queue(RunTrigger.now(sourceId));
    }

    /** A source's schedule fired: queues its run for that scheduled time (Quartz's {@code scheduledFireTime}). */
    public boolean scheduled(String sourceId, java.util.Date scheduledFireTime) {
        return queue(RunTrigger.scheduled(sourceId, scheduledFireTime));
    }

    /** Queues the run a trigger asks for (a schedule's, a takeover's, or one asked for now). */
    public boolean queue(RunTrigger trigger) {
        return queue(trigger, hostOf.apply(trigger.sourceId()));
    }

    /**
     * Queues runs of many sources at once, each on the host given (the start-up run: one look-up for all, where
     * {@code hostOf} reads each source alone, and 2,000 sources took minutes to queue on a busy node, the last hosts
     * joining the rounds that late); how many were queued.
     */
    public int queueAll(List<RunTrigger> triggers, Map<String, String> hostsById) {
        int queued = 0;
        for (RunTrigger trigger : triggers) {
            String host = hostsById.get(trigger.sourceId());
            queued += queue(trigger, host != null ? host : hostOf.apply(trigger.sourceId())) ? 1 : 0;
        }
        return queued;
    }

    private boolean queue(RunTrigger trigger, String host) {
        String sourceId = trigger.sourceId();
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
                    .add(new Waiting(trigger, sequence++, System.nanoTime()));
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
     * Admits runs while there is room: each time, among the hosts with room (here and, for a shared budget, not found
     * full elsewhere a moment ago), the one whose turn comes first, and of hosts on the same round the one whose
     * source has waited longest.
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
        long now = System.nanoTime();
        busyElsewhere.values().removeIf(until -> until - now <= 0);
        while (running < concurrency) {
            String chosen = null;
            Waiting first = null;
            long firstRound = 0;
            for (Map.Entry<String, Deque<Waiting>> e : queues.entrySet()) {
                Waiting head = e.getValue().peekFirst();
                long turn = Math.max(round, nextRound.getOrDefault(e.getKey(), round));
                if (head != null && runningByHost.getOrDefault(e.getKey(), 0) < perHost
                        && !busyElsewhere.containsKey(e.getKey()) && (first == null
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
            String host = chosen;
            Waiting admitted = first;
            threads.execute(() -> run(host, admitted));
        }
    }

    private void run(String host, Waiting admitted) {
        RunTrigger trigger = admitted.trigger();
        String sourceId = trigger.sourceId();
        if (!takeBudget(host, admitted)) {
            return;
        }
        synchronized (lock) {
            longestWaitNanos = Math.max(longestWaitNanos, System.nanoTime() - admitted.since());
        }
        try {
            runner.accept(trigger);
        } catch (RuntimeException e) {
            LOG.error("source {}: the run failed: {}", sourceId, e.toString());
        } finally {
            budget.give(host);
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

    /**
     * Takes a slot of the host's shared budget for the admitted run; when another worker holds every slot, puts the
     * run back at the head of its host's queue (it keeps its place and its turn), frees its room here, and asks again
     * later.
     */
    private boolean takeBudget(String host, Waiting admitted) {
        boolean taken;
        try {
            taken = budget.take(host);
        } catch (RuntimeException e) {
            LOG.warn("host {}: cannot ask the shared host budget now ({}); asking again shortly", host, e.getMessage());
            taken = false;
        }
        if (taken) {
            return true;
        }
        synchronized (lock) {
            running--;
            runningByHost.computeIfPresent(host, (h, n) -> n > 1 ? n - 1 : null);
            if (closed) {
                held.remove(admitted.trigger().sourceId());
                return false;
            }
            queues.computeIfAbsent(host, h -> new ArrayDeque<>()).addFirst(admitted);
            // and its turn: it goes again in the round it was admitted in, not one later
            nextRound.computeIfPresent(host, (h, next) -> next - 1);
            busyElsewhere.put(host, System.nanoTime() + budgetRetry.toNanos());
            dispatch();
        }
        retries.schedule(() -> {
            synchronized (lock) {
                if (!closed) {
                    dispatch();
                }
            }
        }, budgetRetry.toMillis(), TimeUnit.MILLISECONDS);
        return false;
    }

    /** Admits nothing more and forgets the runs waiting (their next trigger or start runs them); runs going go on. */
    public void stopAdmitting() {
        synchronized (lock) {
            closed = true;
            for (Deque<Waiting> queue : queues.values()) {
                queue.forEach(w -> held.remove(w.trigger().sourceId()));
            }
            queues.clear();
            nextRound.keySet().retainAll(runningByHost.keySet());
        }
    }

    /** Admits nothing more; runs still going are interrupted (they stop with their checkpoints). */
    @Override
    public void close() {
        stopAdmitting();
        retries.shutdownNow();
        threads.shutdownNow();
    }
}
