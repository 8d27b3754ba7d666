package org.lumbung.harvest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lumbung.pipeline.FailureKind;
import org.lumbung.pipeline.RecordFailure;

/** A run's outcome in one word that never calls a run complete while it lost or set aside anything. */
class HarvestReportTest {

    private static final RecordFailure SET_ASIDE = new RecordFailure("r", "oai:r:2", RecordFailure.Stage.HARVEST, 0,
            "not well-formed", "<x", false);

    private static HarvestReport report(int pages, List<RecordFailure> failures, String error, FailureKind endedBy) {
        return new HarvestReport("r", "", null, "2026-05-01T00:00:00Z", pages, 3, 0, failures, 10, 0, 0, 0, 1.0,
                error == null, error, endedBy, 0);
    }

    @Test
    void countsTheRecordsWhoseDocumentWasLeftAsItWas() {
        HarvestReport again = new HarvestReport("r", "", null, "2026-05-01T00:00:00Z", 2, 999, 1, List.of(), 10, 0, 0,
                0, 1.0, true, null, null, 998);
        assertThat(again.summary()).startsWith(
                "harvest r complete: 2 pages, 999 records indexed (998 unchanged, not written again), 1 deleted, 0 failed");
        assertThat(report(2, List.of(), null, null).summary()).startsWith(
                "harvest r complete: 2 pages, 3 records indexed, 0 deleted");
        // A source harvested set by set: the sets' counts summed, and kept when an error names its set.
        HarvestReport failed = new HarvestReport("r", "b", null, "2026-05-01T00:00:00Z", 1, 5, 0, List.of(), 10, 0, 0,
                0, 1.0, false, "HTTP 500", FailureKind.OTHER, 4);
        assertThat(again.plus(failed).unchanged()).isEqualTo(1002);
        assertThat(failed.namingItsSet().unchanged()).isEqualTo(4);
    }

    @Test
    void namesEachWayARunCanEnd() {
        assertThat(report(2, List.of(), null, null).outcome()).isEqualTo("complete");
        assertThat(report(2, List.of(SET_ASIDE), null, null).outcome()).isEqualTo("complete with records set aside");
        assertThat(report(2, List.of(), "HTTP 500", FailureKind.OTHER).outcome()).isEqualTo("incomplete");
        assertThat(report(0, List.of(), "cannot reach", FailureKind.REFUSED).outcome()).isEqualTo("unreachable");
        assertThat(report(0, List.of(), "name", FailureKind.DNS).outcome()).isEqualTo("unreachable");
        assertThat(report(3, List.of(), "timed out", FailureKind.TIMEOUT).outcome())
                .as("pages were read before the server went away: incomplete, resumed next run")
                .isEqualTo("incomplete");
        assertThat(report(0, List.of(), "Cloudflare", FailureKind.BOT_WALL).outcome()).isEqualTo("blocked");
        assertThat(report(1, List.of(), "moved", FailureKind.MOVED).outcome()).isEqualTo("moved");
        assertThat(report(1, List.of(), "stopped", FailureKind.STOPPED).outcome()).isEqualTo("stopped");
        assertThat(report(2, List.of(SET_ASIDE), "HTTP 500", FailureKind.OTHER).outcome())
                .as("set aside and cut short: incomplete, never complete").isEqualTo("incomplete");
    }

    @Test
    void theSummaryLineSaysTheSameWord() {
        assertThat(report(0, List.of(), "cannot reach the repository", FailureKind.REFUSED).summary())
                .startsWith("harvest r unreachable: 0 pages");
        assertThat(report(2, List.of(), "HTTP 500", FailureKind.OTHER).summary()).startsWith("harvest r incomplete: 2");
        assertThat(report(2, List.of(SET_ASIDE), null, null).summary()).startsWith("harvest r complete with records set aside: 2 pages")
                .contains("1 failed", "set aside: oai:r:2");
    }

    @Test
    void recordsNotIndexedForAReasonOutsideThemAreNotSentToTheDeadLetters() {
        RecordFailure away = new RecordFailure("r", "oai:r:7", RecordFailure.Stage.INDEX, 0,
                "not indexed: could not look up the documents it may belong to: interrupted", null, true);
        RecordFailure other = new RecordFailure("r", "oai:r:8", RecordFailure.Stage.INDEX, 0, "not indexed: the same",
                null, true);
        String both = report(2, List.of(SET_ASIDE, away, other), "interrupted", FailureKind.OTHER).summary();
        assertThat(both).startsWith("harvest r incomplete: 2 pages").contains("3 failed",
                "; set aside: oai:r:2 (not well-formed); see: deadletter list --source r; 2 records not indexed this"
                        + " time, the next run reads them again (oai:r:7: not indexed: could not look up");
        String onlyLater = report(2, List.of(away), "interrupted", FailureKind.OTHER).summary();
        assertThat(onlyLater).contains("; 1 record not indexed this time, the next run reads them again (oai:r:7")
                .doesNotContain("set aside", "deadletter");
    }
}
