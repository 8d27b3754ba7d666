package org.lumbung.landing;

import java.util.List;
import java.util.Locale;
import org.lumbung.pipeline.Outcome;
import org.lumbung.pipeline.RecordFailure;

/**
 * How an ingest went: documents read, records indexed, tombstones, pages unchanged since the last visit (a 304 to a
 * conditional request), failures with reasons, requests repeated to fetch pages, and time taken.
 *
 * @param unchanged of the records indexed and deleted, those whose document was already as they would write it, and
 *     so was left as it was (as in a harvest's report)
 */
public record IngestReport(int documents, int indexed, int deleted, int pagesUnchanged, List<RecordFailure> failures,
                           int retries, double seconds, int unchanged) {

    public IngestReport {
        failures = List.copyOf(failures);
    }

    public boolean complete() {
        return failures.isEmpty();
    }

    /** How the run ended, in the words of a harvest's report: every page read, or some set aside. */
    public String outcome() {
        return complete() ? "complete" : "complete with records set aside";
    }

    public String summary() {
        return String.format(Locale.ROOT,
                "ingest: %d documents read, %d records indexed%s, %d deleted, %d failed, %.1f s%s",
                documents, indexed, Outcome.unchangedNote(unchanged), deleted,
                failures.size(), seconds,
                pagesUnchanged == 0 ? "" : " (" + pagesUnchanged + " pages unchanged since the last visit)");
    }
}
