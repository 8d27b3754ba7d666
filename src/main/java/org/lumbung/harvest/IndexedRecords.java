package org.lumbung.harvest;

import java.util.function.BiConsumer;
import java.util.function.Consumer;

/** What the index holds of a source: the OAI identifiers of its live (not deleted) records. */
@FunctionalInterface
public interface IndexedRecords {

    void liveIdentifiers(String sourceId, Consumer<String> each);

    /** Each live record's OAI identifier and the datestamp it was harvested with (null where unknown). */
    default void liveDatestamps(String sourceId, BiConsumer<String, String> each) {
        liveIdentifiers(sourceId, id -> each.accept(id, null));
    }

    IndexedRecords NONE = (sourceId, each) -> { };
}
