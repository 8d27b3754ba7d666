package org.lumbung.harvest;

import java.util.function.Consumer;

/** What the index holds of a source: the OAI identifiers of its live (not deleted) records. */
@FunctionalInterface
public interface IndexedRecords {

    void liveIdentifiers(String sourceId, Consumer<String> each);

    IndexedRecords NONE = (sourceId, each) -> { };
}
