package org.lumbung.pipeline;

import java.util.Locale;

/**
 * A record that could not be indexed: its source, its id (document id or OAI identifier), the stage that refused it,
 * the HTTP or Elasticsearch status that said so (0 when none did), why in words, and the record as the source sent it
 * (for the dead-letter store, so that it can be replayed once the cause is fixed; null when not at hand). A
 * {@code transient} failure (Elasticsearch unavailable) is not the record's fault: the harvest must not move its
 * checkpoint past it.
 */
public record RecordFailure(String sourceId, String recordId, Stage stage, int status, String reason, String raw,
                            boolean transientFailure) {

    /** Where a record failed, as the dead letters and the reports name it. */
    public enum Stage {
        /** The harvest could not parse the record out of its page. */
        HARVEST,
        /** An ingested document could not be read: missing, empty, not text, not OAI-PMH. */
        READ,
        /** An ingested page yielded no record. */
        EXTRACT,
        /** The record's metadata could not be crosswalked to Dublin Core. */
        CROSSWALK,
        /** Elasticsearch did not take the record's document. */
        INDEX;

        /** The stage's name as stored in the dead letters ({@code harvest}, {@code read}, ...). */
        public String words() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A record refused for good, with no status and no raw text. */
    public RecordFailure(String sourceId, String recordId, Stage stage, String reason) {
        this(sourceId, recordId, stage, 0, reason, null, false);
    }

    @Override
    public String toString() {
        return "source " + sourceId + ", record " + recordId + ": " + reason;
    }
}
