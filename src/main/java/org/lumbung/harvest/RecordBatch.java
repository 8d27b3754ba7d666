package org.lumbung.harvest;

import java.util.List;

/** The records of one page, on their way from the harvest route to the index route. */
public record RecordBatch(String sourceId, String origin, List<RawRecord> records) {

    public RecordBatch {
        records = List.copyOf(records);
    }
}
