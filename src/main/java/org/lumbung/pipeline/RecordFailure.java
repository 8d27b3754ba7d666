package org.lumbung.pipeline;

/** A record that could not be indexed: its source, its id (document id or OAI identifier) and why. */
public record RecordFailure(String sourceId, String recordId, String reason) {

    @Override
    public String toString() {
        return "source " + sourceId + ", record " + recordId + ": " + reason;
    }
}
