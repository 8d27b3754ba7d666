package org.lumbung.source;

import java.time.Instant;
import java.util.Date;

/**
 * A request to run a source, and what may claim it (SourceStore#claim):
 * <ul>
 * <li>asked for now (an operator, the start): runs unless the source runs elsewhere;
 * <li>a schedule's firing, with its scheduled time ({@code slot}): several workers fire for one time, the first claim
 * for it runs and the others are refused;
 * <li>a takeover of a run left unfinished ({@code takeoverOf}: the lease generation seen expired): runs only if that
 * lease is still there and still expired, so workers that saw it together take it over once.
 * </ul>
 */
public record RunTrigger(String sourceId, Instant slot, Long takeoverOf) {

    public static RunTrigger now(String sourceId) {
        return new RunTrigger(sourceId, null, null);
    }

    /** A schedule's firing: Quartz's scheduled fire time (not when it actually fired: a late firing is the same run). */
    public static RunTrigger scheduled(String sourceId, Date scheduledFireTime) {
        return new RunTrigger(sourceId, scheduledFireTime == null ? null : scheduledFireTime.toInstant(), null);
    }

    public static RunTrigger takeover(String sourceId, long generation) {
        return new RunTrigger(sourceId, null, generation);
    }
}
