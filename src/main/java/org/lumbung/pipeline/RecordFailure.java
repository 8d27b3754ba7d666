package org.lumbung.pipeline;

/**
 * A record that could not be indexed: its source, its id (document id or OAI identifier), why, and the record as
 * the source sent it (for the dead-letter store, so that it can be replayed once the cause is fixed; null when not
 * at hand). A {@code transient} failure (Elasticsearch unavailable) is not the record's fault: the harvest must not
 * move its checkpoint past it.
 */
public record RecordFailure(String sourceId, String recordId, String reason, String raw, boolean transientFailure) {

    public RecordFailure(String sourceId, String recordId, String reason) {
        this(sourceId, recordId, reason, null, false);
    }

    @Override
    public String toString() {
        return "source " + sourceId + ", record " + recordId + ": " + reason;
    }
}
