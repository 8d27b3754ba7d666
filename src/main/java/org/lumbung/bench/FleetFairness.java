package org.lumbung.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Whether any source of a fleet waited more than its fair share. Every source is due at once (the run's start; the
 * reports hold no trigger time, so the first harvest's start stands for it). Under a fair scheduler every host
 * progresses at the same pace, so the k-th source of a host with n sources (in the order they started) starts by
 * about (k-1)/n of the whole harvest time T; its fair share is that, and never less than one mean source duration
 * (the first sources of every host cannot all start at the same instant). A source's wait is its start minus the
 * first start.
 */
final class FleetFairness {

    /** One source's harvest: its host, and its start and end in milliseconds. */
    record Harvest(String source, String host, long start, long end) {
    }

    /** A source's wait and its fair share, in seconds; {@code rank} is its place among its host's {@code of}. */
    record Wait(String source, String host, int rank, int of, double waited, double fairShare) {
        double ratio() {
            return waited / fairShare;
        }
    }

    /**
     * @param harvestSeconds T, from the first start to the last end
     * @param meanSeconds    the mean source's duration, the least fair share
     * @param waits          every source's, the largest ratio first
     */
    record Verdict(double harvestSeconds, double meanSeconds, List<Wait> waits) {

        Wait worst() {
            return waits.isEmpty() ? null : waits.get(0);
        }

        long over(double ratio) {
            return waits.stream().filter(w -> w.ratio() > ratio).count();
        }
    }

    private FleetFairness() {
    }

    static Verdict of(List<Harvest> harvests) {
        if (harvests.isEmpty()) {
            return new Verdict(0, 0, List.of());
        }
        long first = harvests.stream().mapToLong(Harvest::start).min().orElseThrow();
        long last = harvests.stream().mapToLong(Harvest::end).max().orElseThrow();
        double total = (last - first) / 1000.0;
        // At least a millisecond: a fleet of instant harvests still has a share to divide by.
        double mean = Math.max(0.001,
                harvests.stream().mapToLong(h -> h.end() - h.start()).average().orElseThrow() / 1000.0);
        Map<String, List<Harvest>> byHost = harvests.stream().collect(Collectors.groupingBy(Harvest::host));
        List<Wait> waits = new ArrayList<>();
        for (List<Harvest> host : byHost.values()) {
            List<Harvest> started = host.stream().sorted(Comparator.comparingLong(Harvest::start)
                    .thenComparing(Harvest::source)).toList();
            int n = started.size();
            for (int k = 1; k <= n; k++) {
                Harvest h = started.get(k - 1);
                double fair = Math.max((double) (k - 1) / n * total, mean);
                waits.add(new Wait(h.source(), h.host(), k, n, (h.start() - first) / 1000.0, fair));
            }
        }
        waits.sort(Comparator.comparingDouble(Wait::ratio).reversed().thenComparing(Wait::source));
        return new Verdict(total, mean, List.copyOf(waits));
    }
}
