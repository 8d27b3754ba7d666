package org.lumbung.ops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.lumbung.harvest.AuditReport;
import org.lumbung.pipeline.Durations;
import org.lumbung.source.Source;
import org.lumbung.source.SourceState;
import org.lumbung.source.SourceState.Alert;
import org.lumbung.source.SourceStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A source's alert conditions, opened and closed by what happens to it: a run that fails ({@code failed}), records set
 * aside ({@code set-aside}), no complete run for longer than the source's {@code freshness} ({@code stale}), an audit
 * that finds records missing ({@code missing}), a move of its base URL waiting for an operator ({@code moved}). The
 * conditions open on a source live in its document; each change is
 * one conditional write, and only the worker whose write changed them announces it (a log line, and a webhook when one
 * is set): an alert per condition opened, and one {@code recovered} alert naming the conditions closed. Several
 * workers, retries and repeated checks meeting the same state write nothing, so they alert nothing.
 */
public final class Alerts {

    public static final String FAILED = "failed";
    public static final String SET_ASIDE = "set-aside";
    public static final String STALE = "stale";
    public static final String MISSING = "missing";
    public static final String MOVED = "moved";
    public static final String RECOVERED = "recovered";

    private static final Logger LOG = LoggerFactory.getLogger("lumbung.alerts");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SourceStore store;
    private final SourceHealth health;
    private final AlertWebhook webhook;
    private final URI defaultUrl;

    /** {@code defaultUrl}: where alerts go when their source names no webhook of its own; null for the log only. */
    public Alerts(SourceStore store, SourceHealth health, AlertWebhook webhook, URI defaultUrl) {
        this.store = store;
        this.health = health;
        this.webhook = webhook;
        this.defaultUrl = defaultUrl;
    }

    /** After a source's run is recorded (null: nothing recorded, as for a run taken over): its outcome. */
    public SourceState.LastRun ran(String sourceId, SourceState.LastRun run) {
        if (run != null) {
            String now = Instant.now().toString();
            change(sourceId, s -> moves(afterRun(s.alerts(), sourceId, run, now), s, now));
        }
        return run;
    }

    /** After an audit: records missing open {@code missing}; a complete audit with none closes it. */
    public AuditReport audited(AuditReport report) {
        change(report.sourceId(), s -> afterAudit(s.alerts(), report, Instant.now().toString()));
        return report;
    }

    /** After an operator accepted the source's move over the admin API: {@code moved} closes at once. */
    public void moveAccepted(String sourceId) {
        change(sourceId, s -> moves(s.alerts(), s, Instant.now().toString()));
    }

    /**
     * The conditions that follow a source's state more than its runs, on every source: {@code stale} opens where a
     * freshness target is passed and closes where a complete run came since (a paused source, and one never harvested
     * completely, whose failing runs alert already, is left as it is); {@code moved} follows the move waiting for an
     * operator, so that one accepted from the command line ({@code sources accept-move}) closes too. Run by every
     * worker's timer; a check that finds nothing new writes nothing.
     */
    public void check() throws IOException {
        Map<String, Instant> lastSuccess = new HashMap<>();
        health.entries().forEach(e -> lastSuccess.put(e.id(), e.lastSuccess()));
        Instant now = Instant.now();
        for (SourceState s : store.sources()) {
            String target = s.definition().freshness();
            Instant success = lastSuccess.get(s.id());
            boolean judged = target != null && !s.paused() && success != null;
            if (judged || s.alerts().containsKey(MOVED) != s.movePending()) {
                change(s.id(), st -> moves(judged ? freshness(st.alerts(), success, target, now) : st.alerts(), st,
                        now.toString()));
            }
        }
    }

    /** The conditions after a run: a complete run closes failed and stale; records set aside open set-aside. */
    static Map<String, Alert> afterRun(Map<String, Alert> open, String sourceId, SourceState.LastRun run,
                                       String now) {
        if ("stopped".equals(run.outcome()) || "moved".equals(run.outcome())) {
            return open; // the operator's doing, not the source's; or a move, which moved says
        }
        Map<String, Alert> next = new TreeMap<>(open);
        if (run.outcome() != null && run.outcome().startsWith("complete")) {
            next.remove(FAILED);
            next.remove(STALE);
            if (run.failed() == 0) {
                next.remove(SET_ASIDE);
            }
        } else {
            next.putIfAbsent(FAILED, new Alert(now, "run " + run.outcome() + (run.error() == null ? ""
                    : ": " + run.error())));
        }
        if (run.failed() > 0) {
            next.putIfAbsent(SET_ASIDE, new Alert(now, run.failed() + " records set aside by the run finished at "
                    + run.finishedAt() + "; see: deadletter list --source " + sourceId));
        }
        return next;
    }

    static Map<String, Alert> afterAudit(Map<String, Alert> open, AuditReport report, String now) {
        if (!report.complete()) {
            return open; // a listing cut short proves nothing either way
        }
        Map<String, Alert> next = new TreeMap<>(open);
        if (report.missing().count() > 0) {
            next.putIfAbsent(MISSING, new Alert(now, report.missing().count() + " records listed by the repository are"
                    + " not indexed (first: " + String.join(", ", report.missing().first()) + ")"));
        } else {
            next.remove(MISSING);
        }
        return next;
    }

    static Map<String, Alert> freshness(Map<String, Alert> open, Instant lastSuccess, String target, Instant now) {
        Map<String, Alert> next = new TreeMap<>(open);
        if (Duration.between(lastSuccess, now).compareTo(Durations.parse(target)) > 0) {
            next.putIfAbsent(STALE, new Alert(now.toString(), "no complete run since " + lastSuccess
                    + " (freshness " + target + ")"));
        } else {
            next.remove(STALE);
        }
        return next;
    }

    /** {@code moved} open while a move of the source's base URL waits for an operator, closed otherwise. */
    static Map<String, Alert> moves(Map<String, Alert> open, SourceState source, String now) {
        Map<String, Alert> next = new TreeMap<>(open);
        if (source.movePending()) {
            next.putIfAbsent(MOVED, new Alert(now, "the base URL " + source.moved().from() + " moved permanently to "
                    + source.moved().to() + "; its harvests stop there until `sources accept-move " + source.id()
                    + "` (or followMoves: true on the source)"));
        } else {
            next.remove(MOVED);
        }
        return next;
    }

    /** Writes the change of a source's conditions; announces it only when this worker's write made it. */
    private void change(String sourceId, Function<SourceState, Map<String, Alert>> change) {
        var w = store.write(sourceId, s -> s.definition() == null || s.removed() ? s
                : s.withAlerts(change.apply(s)));
        if (!w.wrote()) {
            return;
        }
        Map<String, Alert> before = w.before().alerts();
        Map<String, Alert> after = w.after().alerts();
        after.forEach((condition, alert) -> {
            if (!before.containsKey(condition)) {
                announce(w.after(), condition, alert.detail(), List.of());
            }
        });
        List<String> closed = new ArrayList<>(before.keySet().stream().filter(c -> !after.containsKey(c)).toList());
        if (!closed.isEmpty()) {
            closed.sort(null);
            announce(w.after(), RECOVERED, "recovered from " + String.join(", ", closed), closed);
        }
    }

    private void announce(SourceState source, String event, String detail, List<String> recovered) {
        if (recovered.isEmpty()) {
            LOG.warn("alert: source {} {}: {}", source.id(), event, detail);
        } else {
            LOG.info("alert: source {} {}", source.id(), detail);
        }
        Source definition = source.definition();
        URI url = definition.alertWebhook() != null ? URI.create(definition.alertWebhook()) : defaultUrl;
        if (url != null && webhook != null) {
            webhook.send(url, event, payload(source, event, detail, recovered));
        }
    }

    /** The webhook's body: the source, the event, what it said, and every condition still open after it. */
    static String payload(SourceState source, String event, String detail, List<String> recovered) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("source", source.id());
        out.put("name", source.definition().name());
        out.put("event", event);
        out.put("detail", detail);
        if (!recovered.isEmpty()) {
            out.put("recovered", recovered);
        }
        out.put("open", source.alerts());
        out.put("at", Instant.now().toString());
        try {
            return JSON.writeValueAsString(out);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an alert cannot be written as JSON", e);
        }
    }
}
