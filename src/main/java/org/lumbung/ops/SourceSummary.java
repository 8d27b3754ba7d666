package org.lumbung.ops;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lumbung.pipeline.Durations;
import org.lumbung.source.LeaseHolder;
import org.lumbung.source.SourceState;

/**
 * One source as the operator page shows it.
 *
 * @param lastSuccess when it last harvested completely (null: never)
 * @param freshness   how long it may go without a complete run ({@code 2d}), or null for no target
 * @param records     the live records it contributes to
 * @param audit       its last audit, or null
 * @param holder      who holds its lease now, or null
 * @param moved       the move of its base URL seen and not accepted yet, or null
 */
public record SourceSummary(String id, String name, String kind, boolean paused, boolean stopRequested,
                            SourceState.LastRun lastRun, Instant lastSuccess, String freshness, long records,
                            SourceHealth.Audit audit, Map<String, SourceState.Alert> alerts, LeaseHolder holder,
                            SourceState.Move moved) {

    /** Whether a run of it holds a live lease now. */
    public boolean running() {
        return holder != null && holder.running();
    }

    /**
     * What it is doing: idle, running, paused, left unfinished (its holder gone), stop requested, moved (its base URL
     * redirected elsewhere, waiting for the operator), or some of these.
     */
    public String state() {
        List<String> words = new ArrayList<>();
        if (paused) {
            words.add("paused");
        }
        if (running()) {
            words.add(stopRequested ? "running, stop requested" : "running");
        } else if (holder != null) {
            words.add("left unfinished");
        }
        if (moved != null) {
            words.add("moved to " + moved.to());
        }
        return words.isEmpty() ? "idle" : String.join(", ", words);
    }

    /**
     * How its last run ended, in the words of its report: complete, complete with the records it set aside, incomplete
     * with the reason (an unreachable server says so in it), blocked by a bot protection, stopped by the operator.
     */
    public String outcome() {
        if (lastRun == null || lastRun.outcome() == null) {
            return "never run";
        }
        String why = lastRun.error() == null ? "" : ": " + lastRun.error();
        return switch (lastRun.outcome()) {
            case "complete" -> "complete";
            case "complete with records set aside" -> "complete, " + lastRun.failed() + " set aside";
            case "incomplete", "failed" -> "incomplete" + why;
            case "unreachable" -> "unreachable" + why;
            case "stopped" -> "stopped by the operator" + why;
            case "moved" -> "moved: waiting for the move to be accepted" + why;
            default -> lastRun.outcome() + why;
        };
    }

    /** Whether it went longer than its freshness target without a complete run; false without a target. */
    public boolean stale(Instant now) {
        return freshness != null
                && (lastSuccess == null || Duration.between(lastSuccess, now).compareTo(Durations.parse(freshness)) > 0);
    }
}
