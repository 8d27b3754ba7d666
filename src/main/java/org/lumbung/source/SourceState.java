package org.lumbung.source;

import java.util.List;
import java.util.Map;
import org.lumbung.harvest.Checkpoint;
import org.lumbung.harvest.Identify;

/**
 * Everything Lumbung keeps about a source in its {@code <prefix>-sources} index: the definition (imported from the
 * seed list or added at run time), whether it was removed, what the repository said of itself, the checkpoint of
 * each set, the quirks noticed, the lease of the Lumbung harvesting it now, how its last run went, and for a source
 * of metadataPrefix {@code auto} the format chosen for it (kept, so that its incremental harvests stay in one format),
 * whether an operator paused it (its schedules and triggers skip it; its checkpoints stay), the lease's generation
 * (counted up by every claim, so a holder that lost its lease can tell, and its late writes are refused) and the
 * latest scheduled time a run was claimed for (so several Lumbung workers run a source once per schedule), when an
 * operator asked its running harvest to stop (the worker holding the lease stops at its next page; cleared when the
 * run ends), the alert conditions open on it (each opened and closed by one conditional write, whose writer alone
 * sends the alert, so several workers send it once), the last move of its base URL seen (a permanent redirect
 * elsewhere: waiting for an operator, or followed when the source follows moves) and the move an operator accepted
 * (harvested at its new address while the definition names the old one).
 */
public record SourceState(String id, Source definition, String origin, boolean removed, Identify identify,
                          List<Checkpoint> checkpoints, Map<String, String> quirks, Lease lease, LastRun lastRun,
                          String format, boolean paused, long generation, String servedSlot, String stopRequested,
                          Map<String, Alert> alerts, Move moved, Move moveAccepted) {

    /** Held by the Lumbung instance harvesting the source until it expires or is released. */
    public record Lease(String owner, String expiresAt) {
    }

    /** The last run's outcome and counts. */
    public record LastRun(String startedAt, String finishedAt, String outcome, int indexed, int deleted, int failed,
                          String error) {
    }

    /** An alert condition open on the source (failed, set-aside, stale, missing): since when, and what it said. */
    public record Alert(String since, String detail) {
    }

    /** A move of the base URL: from where, to where, and when it was first seen (or accepted). */
    public record Move(String from, String to, String at) {
    }

    public SourceState {
        checkpoints = checkpoints == null ? List.of() : List.copyOf(checkpoints);
        quirks = quirks == null ? Map.of() : Map.copyOf(quirks);
        alerts = alerts == null ? Map.of() : Map.copyOf(alerts);
    }

    public static SourceState fresh(String id) {
        return new SourceState(id, null, null, false, null, List.of(), Map.of(), null, null, null, false, 0, null,
                null, Map.of(), null, null);
    }

    /**
     * The source defined anew. The moves of a base URL the definition no longer names are dropped: an operator who
     * edits the base URL (to the new address or another) has settled them.
     */
    public SourceState withDefinition(Source source, String originOf) {
        String base = source.baseUrl();
        Move accepted = moveAccepted != null && moveAccepted.from().equals(base) ? moveAccepted : null;
        Move seen = moved != null && moved.from().equals(harvestedBase(base)) ? moved : null;
        return new SourceState(id, source, originOf, false, identify, checkpoints, quirks, lease, lastRun, format,
                paused, generation, servedSlot, stopRequested, alerts, seen, accepted);
    }

    public SourceState withRemoved(boolean gone) {
        return new SourceState(id, definition, origin, gone, identify, checkpoints, quirks, lease, lastRun, format,
                paused, generation, servedSlot, stopRequested, alerts, moved, moveAccepted);
    }

    public SourceState withIdentify(Identify value) {
        return new SourceState(id, definition, origin, removed, value, checkpoints, quirks, lease, lastRun, format,
                paused, generation, servedSlot, stopRequested, alerts, moved, moveAccepted);
    }

    public SourceState withCheckpoint(Checkpoint checkpoint) {
        List<Checkpoint> others = checkpoints.stream().filter(c -> !c.set().equals(checkpoint.set())).toList();
        List<Checkpoint> all = new java.util.ArrayList<>(others);
        all.add(checkpoint);
        return new SourceState(id, definition, origin, removed, identify, all, quirks, lease, lastRun, format, paused,
                generation, servedSlot, stopRequested, alerts, moved, moveAccepted);
    }

    public SourceState withQuirk(String quirk, String detail) {
        Map<String, String> all = new java.util.HashMap<>(quirks);
        all.put(quirk, detail);
        return new SourceState(id, definition, origin, removed, identify, checkpoints, all, lease, lastRun, format,
                paused, generation, servedSlot, stopRequested, alerts, moved, moveAccepted);
    }

    public SourceState withLease(Lease value) {
        return new SourceState(id, definition, origin, removed, identify, checkpoints, quirks, value, lastRun,
                format, paused, generation, servedSlot, stopRequested, alerts, moved, moveAccepted);
    }

    public SourceState withLastRun(LastRun value) {
        return new SourceState(id, definition, origin, removed, identify, checkpoints, quirks, lease, value, format,
                paused, generation, servedSlot, stopRequested, alerts, moved, moveAccepted);
    }

    public SourceState withFormat(String chosen) {
        return new SourceState(id, definition, origin, removed, identify, checkpoints, quirks, lease, lastRun,
                chosen, paused, generation, servedSlot, stopRequested, alerts, moved, moveAccepted);
    }

    public SourceState withPaused(boolean value) {
        return new SourceState(id, definition, origin, removed, identify, checkpoints, quirks, lease, lastRun, format,
                value, generation, servedSlot, stopRequested, alerts, moved, moveAccepted);
    }

    /** An operator's request that the running harvest stop (the time it was asked), or null to clear it. */
    public SourceState withStopRequested(String at) {
        return new SourceState(id, definition, origin, removed, identify, checkpoints, quirks, lease, lastRun, format,
                paused, generation, servedSlot, at, alerts, moved, moveAccepted);
    }

    public SourceState withAlerts(Map<String, Alert> open) {
        return new SourceState(id, definition, origin, removed, identify, checkpoints, quirks, lease, lastRun, format,
                paused, generation, servedSlot, stopRequested, open, moved, moveAccepted);
    }

    /**
     * The move of the base URL a harvest saw (null: none); the same move seen again keeps the time it was first seen.
     */
    public SourceState withMoved(Move seen) {
        Move kept = seen != null && moved != null && moved.from().equals(seen.from()) && moved.to().equals(seen.to())
                ? moved : seen;
        return new SourceState(id, definition, origin, removed, identify, checkpoints, quirks, lease, lastRun, format,
                paused, generation, servedSlot, stopRequested, alerts, kept, moveAccepted);
    }

    /**
     * The move seen, accepted at this time: harvests ask its new address from now on. A move of an address accepted
     * before (A to B, then B to C) is accepted from the first (A to C), since the definition still names A; a move back
     * to the defined address leaves nothing to accept.
     */
    public SourceState withMoveAccepted(String at) {
        String from = moveAccepted != null && moveAccepted.to().equals(moved.from()) ? moveAccepted.from()
                : moved.from();
        Move accepted = from.equals(moved.to()) ? null : new Move(from, moved.to(), at);
        return new SourceState(id, definition, origin, removed, identify, checkpoints, quirks, lease, lastRun, format,
                paused, generation, servedSlot, stopRequested, alerts, null, accepted);
    }

    /** Whether a move seen waits for an operator: the source does not follow moves. */
    public boolean movePending() {
        return moved != null && (definition == null || !definition.followMoves());
    }

    /** The base URL a harvest of {@code baseUrl} asks: the address an operator accepted it moved to, else itself. */
    public String harvestedBase(String baseUrl) {
        return moveAccepted != null && moveAccepted.from().equals(baseUrl) ? moveAccepted.to() : baseUrl;
    }

    /** A new lease, one generation on from the last; the scheduled time it runs for, when a schedule claimed it. */
    public SourceState claimedBy(Lease value, String slot) {
        return new SourceState(id, definition, origin, removed, identify, checkpoints, quirks, value, lastRun, format,
                paused, generation + 1, slot == null ? servedSlot : slot, stopRequested, alerts, moved, moveAccepted);
    }

    public Checkpoint checkpoint(String set) {
        String key = set == null ? "" : set;
        return checkpoints.stream().filter(c -> c.set().equals(key)).findFirst().orElse(Checkpoint.none(key));
    }
}
