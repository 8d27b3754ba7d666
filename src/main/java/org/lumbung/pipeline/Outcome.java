package org.lumbung.pipeline;

import java.util.ArrayList;
import java.util.List;

/**
 * What became of a batch: records indexed, tombstones written, each failure with its reason, and of the records
 * indexed and tombstones, those whose document was found as it would be written and left as it was.
 */
public record Outcome(int indexed, int deleted, List<RecordFailure> failures, int unchanged) {

    public static final Outcome NONE = new Outcome(0, 0, List.of());

    public Outcome {
        failures = List.copyOf(failures);
    }

    public Outcome(int indexed, int deleted, List<RecordFailure> failures) {
        this(indexed, deleted, failures, 0);
    }

    /** How a run's summary line names {@code unchanged} records after those indexed: nothing when none. */
    public static String unchangedNote(int unchanged) {
        return unchanged == 0 ? "" : " (" + unchanged + " unchanged, not written again)";
    }

    public Outcome plus(Outcome other) {
        List<RecordFailure> all = new ArrayList<>(failures);
        all.addAll(other.failures);
        return new Outcome(indexed + other.indexed, deleted + other.deleted, all, unchanged + other.unchanged);
    }

    public int failed() {
        return failures.size();
    }

    /** Whether some record failed for a reason outside it (the index was unavailable): retry, do not skip it. */
    public boolean hasTransientFailures() {
        return failures.stream().anyMatch(RecordFailure::transientFailure);
    }
}
