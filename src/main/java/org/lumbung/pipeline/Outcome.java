package org.lumbung.pipeline;

import java.util.ArrayList;
import java.util.List;

/** What became of a batch: records indexed, tombstones written, and each failure with its reason. */
public record Outcome(int indexed, int deleted, List<RecordFailure> failures) {

    public static final Outcome NONE = new Outcome(0, 0, List.of());

    public Outcome {
        failures = List.copyOf(failures);
    }

    public Outcome plus(Outcome other) {
        List<RecordFailure> all = new ArrayList<>(failures);
        all.addAll(other.failures);
        return new Outcome(indexed + other.indexed, deleted + other.deleted, all);
    }

    public int failed() {
        return failures.size();
    }

    /** Whether some record failed for a reason outside it (the index was unavailable): retry, do not skip it. */
    public boolean hasTransientFailures() {
        return failures.stream().anyMatch(RecordFailure::transientFailure);
    }
}
