package org.lumbung.ops;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import org.lumbung.harvest.HarvestReport;
import org.lumbung.harvest.PageBudget;
import org.lumbung.landing.IngestReport;
import org.lumbung.pipeline.FailureKind;
import org.lumbung.pipeline.RecordFailure;
import org.lumbung.source.RunScheduler;
import org.lumbung.source.SourceStore;

/**
 * Prometheus metrics in the text exposition format, per source: pages, records and tombstones harvested and errors
 * by kind, counted from each harvest report since Lumbung started (counters, which Prometheus expects to restart),
 * and the seconds since each source's last complete harvest and the counts of its last audit (listed, missing,
 * stale, extra), read from Elasticsearch at every scrape.
 */
public final class HarvestMetrics {

    private final Map<String, LongAdder> counters = new ConcurrentHashMap<>();
    private final SourceHealth health;
    private volatile String worker;
    private volatile Supplier<SourceStore.Counters> leases;
    private volatile Supplier<RunScheduler.Snapshot> runs;
    private volatile Supplier<AlertWebhook.Counters> alerts;
    private volatile PageBudget pages;

    public HarvestMetrics(SourceHealth health) {
        this.health = health;
    }

    /** Adds the run scheduler's gauges (under {@code run}: runs waiting for their host, running, the longest wait). */
    public void watch(Supplier<RunScheduler.Snapshot> scheduler) {
        this.runs = scheduler;
    }

    /** Adds this worker's leases (claims, conflicts, takeovers, fenced writes) to the exposition. */
    public void watchLeases(String worker, Supplier<SourceStore.Counters> counters) {
        this.worker = worker;
        this.leases = counters;
    }

    /** Adds the alert webhook's deliveries: delivered, retried, given up, dropped, waiting. */
    public void watchAlerts(Supplier<AlertWebhook.Counters> deliveries) {
        this.alerts = deliveries;
    }

    /** Adds the page budget's gauges: bytes of pages in flight, the most there may be, harvests waiting for room. */
    public void watch(PageBudget budget) {
        this.pages = budget;
    }

    /** Counts a harvest as the harvest route reports it; returns the report unchanged. */
    public HarvestReport record(HarvestReport report) {
        String source = report.sourceId();
        run(source, report.outcome(), report.indexed(), report.deleted(), report.unchanged(), report.failures());
        add("lumbung_harvest_pages_total", source, null, null, report.pages());
        add("lumbung_harvest_errors_total", source, "kind", "retry", report.retries());
        if (!report.complete() && report.endedBy() != FailureKind.STOPPED) {
            add("lumbung_harvest_errors_total", source, "kind", "harvest", 1);
        }
        return report;
    }

    /**
     * Counts a run of a page source (landing pages) as its route reports it, in the same families as a harvest: one
     * run, the records and tombstones indexed and those of them unchanged, each page that failed, each request
     * repeated; returns the report unchanged.
     */
    public IngestReport ingested(String source, IngestReport report) {
        run(source, report.outcome(), report.indexed(), report.deleted(), report.unchanged(), report.failures());
        add("lumbung_harvest_errors_total", source, "kind", "retry", report.retries());
        return report;
    }

    /** One run, labelled with its outcome as the report and /health say it (a bot wall is {@code blocked}). */
    private void run(String source, String outcome, int indexed, int deleted, int unchanged,
                     List<RecordFailure> failures) {
        add("lumbung_harvest_runs_total", source, "outcome", outcome, 1);
        add("lumbung_harvest_records_total", source, null, null, indexed);
        add("lumbung_harvest_deleted_total", source, null, null, deleted);
        add("lumbung_harvest_unchanged_total", source, null, null, unchanged);
        for (RecordFailure failure : failures) {
            add("lumbung_harvest_errors_total", source, "kind", failure.transientFailure() ? "index" : "record", 1);
        }
    }

    private void add(String name, String source, String label, String value, long n) {
        String key = name + "{source=\"" + escape(source) + "\"" + (label == null ? "" : "," + label + "=\""
                + escape(value) + "\"") + "}";
        counters.computeIfAbsent(key, k -> new LongAdder()).add(n);
    }

    /** The exposition: HELP and TYPE once per metric, samples in a stable order. */
    public String scrape() throws IOException {
        StringBuilder out = new StringBuilder();
        Map<String, Long> samples = new TreeMap<>();
        counters.forEach((k, v) -> samples.put(k, v.sum()));
        family(out, samples, "lumbung_harvest_runs_total", "Harvests run, by outcome.");
        family(out, samples, "lumbung_harvest_pages_total", "OAI-PMH list pages read.");
        family(out, samples, "lumbung_harvest_records_total", "Records harvested and indexed.");
        family(out, samples, "lumbung_harvest_deleted_total", "Deleted records written as tombstones.");
        family(out, samples, "lumbung_harvest_unchanged_total", "Records and tombstones (of harvests and of"
                + " landing-page runs) whose document was already as they would write it, left as it was.");
        family(out, samples, "lumbung_harvest_errors_total", "Errors by kind: retry (a request repeated after a"
                + " transport error), record (a record set aside), index (a record Elasticsearch did not take),"
                + " harvest (a harvest that stopped).");
        out.append("# HELP lumbung_source_seconds_since_success Seconds since the source's last complete harvest.\n");
        out.append("# TYPE lumbung_source_seconds_since_success gauge\n");
        Instant now = Instant.now();
        for (SourceHealth.Entry e : health.entries()) {
            if (e.lastSuccess() != null) {
                out.append("lumbung_source_seconds_since_success{source=\"").append(escape(e.id())).append("\"} ")
                        .append(String.format(Locale.ROOT, "%.3f",
                                Duration.between(e.lastSuccess(), now).toMillis() / 1000.0)).append('\n');
            }
        }
        Supplier<RunScheduler.Snapshot> scheduler = runs;
        if (scheduler != null) {
            RunScheduler.Snapshot held = scheduler.get();
            single(out, "lumbung_runs_waiting", "Source runs triggered and waiting for room on their host.",
                    Integer.toString(held.waiting()));
            single(out, "lumbung_runs_running", "Source runs going.", Integer.toString(held.running()));
            single(out, "lumbung_run_wait_seconds_max", "The longest any source run waited for its host's turn.",
                    String.format(Locale.ROOT, "%.3f", held.longestWait().toMillis() / 1000.0));
            single(out, "lumbung_runs_admitted_total", "Source runs the scheduler admitted since start.", "counter",
                    Long.toString(held.admitted()));
            single(out, "lumbung_run_scheduler_seconds_total", "Time the scheduler spent choosing runs to admit.",
                    "counter", String.format(Locale.ROOT, "%.6f", held.choosing().toNanos() / 1e9));
        }
        PageBudget budget = pages;
        if (budget != null) {
            single(out, "lumbung_harvest_bytes_in_flight", "Bytes of list pages read and not yet indexed.",
                    Long.toString(budget.held()));
            single(out, "lumbung_harvest_bytes_in_flight_max", "The most there may be"
                    + " (lumbung.harvest.max-bytes-in-flight).", Long.toString(budget.limit()));
            single(out, "lumbung_harvest_waiting_for_memory", "Harvests waiting with a page read for room in it.",
                    Integer.toString(budget.waiting()));
        }
        Supplier<SourceStore.Counters> held = leases;
        if (held != null) {
            SourceStore.Counters c = held.get();
            out.append("# HELP lumbung_worker_info This Lumbung worker (pid@host:jvm-n), the owner its leases name.\n")
                    .append("# TYPE lumbung_worker_info gauge\n")
                    .append("lumbung_worker_info{worker=\"").append(escape(worker)).append("\"} 1\n");
            total(out, "lumbung_lease_claims_total", "Sources this worker claimed for a run.", c.claims());
            total(out, "lumbung_lease_conflicts_total", "Source writes that met another worker's write and were"
                    + " read and decided again.", c.conflicts());
            total(out, "lumbung_lease_takeovers_total", "Runs taken over from a worker whose lease expired or whose"
                    + " process is gone.", c.takeovers());
            total(out, "lumbung_lease_fenced_writes_total", "Writes and requests refused because this worker's lease"
                    + " had been taken over (checkpoints, reports, tombstones, releases, requests to the repository).",
                    c.fenced());
            total(out, "lumbung_lease_renewals_total", "Leases renewed while their runs went on.", c.renewals());
            single(out, "lumbung_leases_held", "Sources this worker runs now.", Integer.toString(c.held()));
            single(out, "lumbung_lease_takeover_lag_seconds_max", "The longest a lease had been expired when this"
                    + " worker took its run over.", String.format(Locale.ROOT, "%.3f", c.longestLeaseLagSeconds()));
        }
        Supplier<AlertWebhook.Counters> sent = alerts;
        if (sent != null) {
            AlertWebhook.Counters a = sent.get();
            total(out, "lumbung_alerts_delivered_total", "Alerts the webhook answered with a 2xx.", a.delivered());
            total(out, "lumbung_alert_delivery_retries_total", "Alert deliveries that failed (no answer, or not 2xx)"
                    + " and were tried again.", a.retried());
            total(out, "lumbung_alerts_abandoned_total", "Alerts given up after their last delivery failed, or not"
                    + " sent for want of the secret that signs them.", a.abandoned());
            total(out, "lumbung_alerts_dropped_total", "Alerts dropped because lumbung.alerts.queue of them were"
                    + " waiting already.", a.dropped());
            single(out, "lumbung_alerts_queued", "Alerts waiting for delivery.", Integer.toString(a.queued()));
        }
        Map<String, SourceHealth.Audit> audits = new TreeMap<>(health.lastAudits());
        gauge(out, audits, "lumbung_source_records_listed", "Records the repository listed at the last audit.",
                SourceHealth.Audit::listed);
        gauge(out, audits, "lumbung_source_records_missing", "Records listed live at the last audit and not indexed.",
                SourceHealth.Audit::missing);
        gauge(out, audits, "lumbung_source_records_stale", "Records indexed older than the repository's datestamp at"
                + " the last audit.", SourceHealth.Audit::stale);
        gauge(out, audits, "lumbung_source_records_extra", "Records indexed live that the last audit's complete"
                + " listing did not hold.", SourceHealth.Audit::extra);
        return out.toString();
    }

    private static void single(StringBuilder out, String name, String help, String value) {
        single(out, name, help, "gauge", value);
    }

    private static void single(StringBuilder out, String name, String help, String type, String value) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
        out.append(name).append(' ').append(value).append('\n');
    }

    private static void total(StringBuilder out, String name, String help, long value) {
        single(out, name, help, "counter", Long.toString(value));
    }

    private static void gauge(StringBuilder out, Map<String, SourceHealth.Audit> audits, String name, String help,
                              ToIntFunction<SourceHealth.Audit> value) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(" gauge\n");
        audits.forEach((source, audit) -> out.append(name).append("{source=\"").append(escape(source)).append("\"} ")
                .append(value.applyAsInt(audit)).append('\n'));
    }

    private static void family(StringBuilder out, Map<String, Long> samples, String name, String help) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(" counter\n");
        samples.forEach((k, v) -> {
            if (k.startsWith(name + "{")) {
                out.append(k).append(' ').append(v).append('\n');
            }
        });
    }

    /** Label values escaped as the exposition format asks: backslash, double quote, line feed. */
    static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
