package org.lumbung.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Whether any source of a fleet waited more than its fair share. Every source is due at once (the run's start; the
 * reports hold no trigger time, so the first harvest's start stands for it), and a source's wait is its start minus
 * the first start. Under a fair scheduler every host progresses at the same pace, so the k-th source of a host with n
 * sources (in the order they started) starts once about (k-1)/n of the fleet's runs have started, and one round more
 * (a run of every host: more hosts than runs at once cannot all start together). Its fair share is the time by which
 * the fleet had started that many runs: the fleet's own pace, which is not even (a cold JVM and node start slowly).
 * Beside it, the same in clock time: (k-1)/n of the whole harvest time T, at least one mean source duration.
 */
final class FleetFairness {

    /** One source's harvest: its host, and its start and end in milliseconds. */
    record Harvest(String source, String host, long start, long end) {
    }

    /**
     * A source's wait and its fair shares, in seconds; {@code rank} is its place among its host's {@code of}.
     *
     * @param share     by the fleet's pace: when (rank-1)/of of its runs and one round had started
     * @param timeShare by the clock: (rank-1)/of of the harvest time, at least one mean source
     */
    record Wait(String source, String host, int rank, int of, double waited, double share, double timeShare) {
        double ratio() {
            return waited / share;
        }

        double timeRatio() {
            return waited / timeShare;
        }
    }

    /**
     * @param harvestSeconds T, from the first start to the last end
     * @param meanSeconds    the mean source's duration
     * @param waits          every source's, the largest ratio by the fleet's pace first
     */
    record Verdict(double harvestSeconds, double meanSeconds, List<Wait> waits) {

        Wait worst() {
            return waits.isEmpty() ? null : waits.get(0);
        }

        Wait worstInTime() {
            return waits.stream().max(Comparator.comparingDouble(Wait::timeRatio)).orElse(null);
        }

        long over(double ratio) {
            return waits.stream().filter(w -> w.ratio() > ratio).count();
        }

        long overInTime(double ratio) {
            return waits.stream().filter(w -> w.timeRatio() > ratio).count();
        }
    }

    /** A share is never less than this, so that a fleet of instant harvests still has one to divide by. */
    private static final double LEAST = 0.001;

    private FleetFairness() {
    }

    static Verdict of(List<Harvest> harvests) {
        if (harvests.isEmpty()) {
            return new Verdict(0, 0, List.of());
        }
        long first = harvests.stream().mapToLong(Harvest::start).min().orElseThrow();
        long last = harvests.stream().mapToLong(Harvest::end).max().orElseThrow();
        double total = (last - first) / 1000.0;
        double mean = harvests.stream().mapToLong(h -> h.end() - h.start()).average().orElseThrow() / 1000.0;
        long[] starts = harvests.stream().mapToLong(h -> h.start() - first).sorted().toArray();
        Map<String, List<Harvest>> byHost = harvests.stream().collect(Collectors.groupingBy(Harvest::host));
        List<Wait> waits = new ArrayList<>();
        for (List<Harvest> host : byHost.values()) {
            List<Harvest> started = host.stream().sorted(Comparator.comparingLong(Harvest::start)
                    .thenComparing(Harvest::source)).toList();
            int n = started.size();
            for (int k = 1; k <= n; k++) {
                Harvest h = started.get(k - 1);
                int runs = (int) Math.ceil((double) (k - 1) / n * starts.length) + byHost.size();
                double share = starts[Math.min(starts.length, runs) - 1] / 1000.0;
                double timeShare = Math.max((double) (k - 1) / n * total, mean);
                waits.add(new Wait(h.source(), h.host(), k, n, (h.start() - first) / 1000.0, Math.max(LEAST, share),
                        Math.max(LEAST, timeShare)));
            }
        }
        waits.sort(Comparator.comparingDouble(Wait::ratio).reversed().thenComparing(Wait::source));
        return new Verdict(total, mean, List.copyOf(waits));
    }
}
