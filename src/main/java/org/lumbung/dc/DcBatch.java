package org.lumbung.dc;

import java.util.List;
import org.lumbung.pipeline.RecordFailure;

/** Records on their way to the index, with the ones that could not be read set aside with their reasons. */
public record DcBatch(String sourceId, List<DcRecord> records, List<RecordFailure> failures) {

    public DcBatch {
        records = List.copyOf(records);
        failures = List.copyOf(failures);
    }
}
