package org.lumbung.harvest;

/**
 * Where a record that cannot be read goes, with its source, OAI identifier, reason and the raw bytes (or as much of
 * them as there is): in Lumbung, the {@code lumbung-deadletter} index, from which it can be replayed.
 */
@FunctionalInterface
public interface DeadLetters {

    void add(String sourceId, String oaiIdentifier, String url, String reason, String raw);

    /**
     * A record or document another stage could not read or index (the failure's stage), its id the record's or the
     * document's location.
     */
    default void add(org.lumbung.pipeline.RecordFailure failure, String metadataPrefix) {
        org.slf4j.LoggerFactory.getLogger("lumbung.deadletter").error("source {}, record {} ({}): {}",
                failure.sourceId(), failure.recordId(), failure.stage().words(), failure.reason());
    }

    DeadLetters LOG_ONLY = (sourceId, oaiIdentifier, url, reason, raw) ->
            org.slf4j.LoggerFactory.getLogger("lumbung.deadletter").error("source {}, record {}: {} ({})", sourceId,
                    oaiIdentifier, reason, url);
}
