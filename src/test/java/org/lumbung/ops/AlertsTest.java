package org.lumbung.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lumbung.harvest.AuditReport;
import org.lumbung.source.Source;
import org.lumbung.source.SourceState;
import org.lumbung.source.SourceState.Alert;

/** Which conditions a run, an audit, a freshness check and a move open and close; and the webhook's signature. */
class AlertsTest {

    private static final String NOW = "2026-05-01T10:00:00Z";

    private static SourceState.LastRun run(String outcome, int failed) {
        return new SourceState.LastRun(null, NOW, outcome, 3, 0, failed, outcome.equals("failed") ? "HTTP 503" : null);
    }

    @Test
    void aFailedRunOpensFailedOnceAndACompleteRunClosesItAndStale() {
        Map<String, Alert> failed = Alerts.afterRun(Map.of(), "r", run("failed", 0), NOW);
        assertThat(failed).containsOnlyKeys(Alerts.FAILED);
        assertThat(failed.get(Alerts.FAILED).detail()).isEqualTo("run failed: HTTP 503");
        assertThat(Alerts.afterRun(Map.of(), "r", run("complete", 0), NOW)).isEmpty();
        assertThat(Alerts.afterRun(failed, "r", run("failed", 0), "2026-05-02T10:00:00Z"))
                .as("still failing: unchanged").isEqualTo(failed);
        assertThat(Alerts.afterRun(failed, "r", run("blocked", 0), NOW)).isEqualTo(failed);
        Map<String, Alert> stale = Map.of(Alerts.FAILED, failed.get(Alerts.FAILED), Alerts.STALE, new Alert(NOW, "x"));
        assertThat(Alerts.afterRun(stale, "r", run("complete", 0), NOW)).isEmpty();
        assertThat(Alerts.afterRun(failed, "r", run("stopped", 0), NOW)).as("the operator's stop").isEqualTo(failed);
    }

    @Test
    void recordsSetAsideOpenSetAsideUntilACompleteRunSetsNoneAside() {
        Map<String, Alert> setAside = Alerts.afterRun(Map.of(), "r", run("complete with records set aside", 2), NOW);
        assertThat(setAside).containsOnlyKeys(Alerts.SET_ASIDE);
        assertThat(setAside.get(Alerts.SET_ASIDE).detail()).isEqualTo("2 records set aside by the run finished at "
                + NOW + "; see: deadletter list --source r");
        assertThat(Alerts.afterRun(setAside, "r", run("complete with records set aside", 5), NOW)).isEqualTo(setAside);
        assertThat(Alerts.afterRun(setAside, "r", run("failed", 0), NOW))
                .containsOnlyKeys(Alerts.SET_ASIDE, Alerts.FAILED);
        assertThat(Alerts.afterRun(setAside, "r", run("complete", 0), NOW)).isEmpty();
    }

    @Test
    void anAuditOpensMissingOnlyWhenItsListingIsComplete() {
        AuditReport.Finding two = new AuditReport.Finding(2, List.of("oai:r:1", "oai:r:2"));
        AuditReport found = audit(two, true);
        Map<String, Alert> missing = Alerts.afterAudit(Map.of(), found, NOW);
        assertThat(missing.get(Alerts.MISSING).detail())
                .isEqualTo("2 records listed by the repository are not indexed (first: oai:r:1, oai:r:2)");
        assertThat(Alerts.afterAudit(missing, audit(AuditReport.Finding.NONE, false), NOW)).isEqualTo(missing);
        assertThat(Alerts.afterAudit(missing, audit(AuditReport.Finding.NONE, true), NOW)).isEmpty();
    }

    @Test
    void aSourceIsStaleOncePastItsTargetAndFreshAgainAfterACompleteRun() {
        Instant now = Instant.parse(NOW);
        Map<String, Alert> stale = Alerts.freshness(Map.of(), now.minus(Duration.ofDays(3)), "2d", now);
        assertThat(stale.get(Alerts.STALE).detail())
                .isEqualTo("no complete run since 2026-04-28T10:00:00Z (freshness 2d)");
        assertThat(Alerts.freshness(stale, now.minus(Duration.ofDays(3)), "2d", now.plusSeconds(60))).isEqualTo(stale);
        assertThat(Alerts.freshness(stale, now.minus(Duration.ofHours(1)), "2d", now)).isEmpty();
    }

    @Test
    void aMoveWaitingForTheOperatorIsOpenUntilAcceptedAndAMovedRunIsNoFailure() {
        Source source = Source.oai("r", "R", "http://old.example/oai", "oai_dc", List.of(), "0 0 3 * * ?", "other");
        SourceState moved = SourceState.fresh("r").withDefinition(source, "seeds")
                .withMoved(new SourceState.Move("http://old.example/oai", "https://new.example/oai", NOW));
        assertThat(Alerts.afterRun(Map.of(), "r", run("moved", 0), NOW)).as("moved says it, not failed").isEmpty();
        Map<String, Alert> open = Alerts.moves(Map.of(), moved, NOW);
        assertThat(open.get(Alerts.MOVED).detail()).isEqualTo("the base URL http://old.example/oai moved permanently"
                + " to https://new.example/oai; its harvests stop there until `sources accept-move r` (or followMoves:"
                + " true on the source)");
        assertThat(Alerts.moves(open, moved, "2026-05-02T10:00:00Z")).as("still waiting: unchanged").isEqualTo(open);
        assertThat(Alerts.moves(open, moved.withMoveAccepted(NOW), NOW)).isEmpty();
        SourceState followed = SourceState.fresh("r").withDefinition(source.withFollowMoves(true), "seeds")
                .withMoved(moved.moved());
        assertThat(Alerts.moves(Map.of(), followed, NOW)).as("followed: shown, not alerted").isEmpty();
    }

    @Test
    void signsTheBodyWithHmacSha256() {
        // RFC 4231, test case 2
        assertThat(AlertWebhook.signature("Jefe".getBytes(StandardCharsets.UTF_8),
                "what do ya want for nothing?".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    private static AuditReport audit(AuditReport.Finding missing, boolean complete) {
        return new AuditReport("r", NOW, 1.0, 10L, 10, 8, missing, AuditReport.Finding.NONE, AuditReport.Finding.NONE,
                AuditReport.Finding.NONE, 0, complete, complete ? null : "cut short");
    }
}
