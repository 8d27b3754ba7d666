package org.lumbung.index;

import org.lumbung.harvest.DeadLetters;
import org.lumbung.index.DeadLetterStore.DeadLetter;
import org.lumbung.pipeline.RecordFailure;

/**
 * Dead letters written whole, as {@link DeadLetter}s with the same fields wherever they go (the dead-letter index, a
 * file of JSON lines); each is logged first, so that the log names the record even when it cannot be written.
 */
interface DeadLetterWriter extends DeadLetters {

    void write(DeadLetter letter);

    /** A record the harvest could not parse (stage harvest). */
    @Override
    default void add(String sourceId, String oaiIdentifier, String url, String reason, String raw) {
        DeadLetter letter = DeadLetter.harvested(sourceId, oaiIdentifier, url, reason, raw);
        letter.log();
        write(letter);
    }

    /**
     * A record the crosswalk (raw is record XML) or the index (raw is the document) refused, or a document an ingest
     * could not read (stages read and extract; raw is null: the document is where its id says).
     */
    @Override
    default void add(RecordFailure failure, String metadataPrefix) {
        DeadLetter letter = DeadLetter.of(failure, metadataPrefix);
        letter.log();
        write(letter);
    }
}
