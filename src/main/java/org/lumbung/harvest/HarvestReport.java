package org.lumbung.harvest;

import java.util.List;
import org.lumbung.pipeline.RecordFailure;

/**
 * How a harvest went. {@code complete} is true when the whole list was read and every record indexed or set aside
 * with its reason; otherwise {@code error} says why it stopped.
 */
public record HarvestReport(String sourceId, int pages, int indexed, int deleted, List<RecordFailure> failures,
                            double seconds, boolean complete, String error) {

    public HarvestReport {
        failures = List.copyOf(failures);
    }

    /** The one line of counts a harvest ends with. */
    public String summary() {
        return String.format(java.util.Locale.ROOT,
                "harvest %s %s: %d pages, %d records indexed, %d deleted, %d failed, %.1f s%s", sourceId,
                complete ? "complete" : "incomplete", pages, indexed, deleted, failures.size(), seconds,
                error == null ? "" : " (" + error + ")");
    }
}
