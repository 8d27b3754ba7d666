package org.lumbung.landing;

import java.util.List;
import java.util.Locale;
import org.lumbung.pipeline.RecordFailure;

/**
 * How an ingest went: documents read, records indexed, tombstones, pages unchanged since the last visit (a 304 to a
 * conditional request), failures with reasons, requests repeated to fetch pages, and time taken.
 */
public record IngestReport(int documents, int indexed, int deleted, int unchanged, List<RecordFailure> failures,
                           int retries, double seconds) {

    public IngestReport {
        failures = List.copyOf(failures);
    }

    public IngestReport(int documents, int indexed, int deleted, int unchanged, List<RecordFailure> failures,
                        double seconds) {
        this(documents, indexed, deleted, unchanged, failures, 0, seconds);
    }

    public boolean complete() {
        return failures.isEmpty();
    }

    /** How the run ended, in the words of a harvest's report: every page read, or some set aside. */
    public String outcome() {
        return complete() ? "complete" : "complete with records set aside";
    }

    public String summary() {
        return String.format(Locale.ROOT, "ingest: %d documents read, %d records indexed, %d deleted, %d failed, %.1f s%s",
                documents, indexed, deleted, failures.size(), seconds,
                unchanged == 0 ? "" : " (" + unchanged + " pages unchanged since the last visit)");
    }
}
