package org.lumbung.harvest;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.lumbung.pipeline.FailureKind;
import org.lumbung.pipeline.Outcome;
import org.lumbung.pipeline.RecordFailure;

/**
 * How a harvest went. {@code complete} is true when the whole list was read and every record indexed or set aside
 * with its reason; otherwise {@code error} says why it stopped (the checkpoint stays where the last indexed page
 * left it).
 *
 * @param sourceId  the source
 * @param set       the set harvested, empty for the whole repository
 * @param window    the range read, as from/until in the repository's granularity
 * @param startedAt when the harvest began (ISO instant)
 * @param pages     OAI-PMH list pages read
 * @param indexed   records indexed
 * @param deleted   tombstones written
 * @param failures  records set aside, each with its reason
 * @param bytes     bytes received (decoded)
 * @param retries   requests repeated after an error
 * @param repairs   bad characters and references repaired before parsing
 * @param rereads   records read a second time (a window read again) and not counted or sent again
 * @param seconds   how long it took
 * @param complete  whether the whole list was read
 * @param error     why it stopped, or null
 * @param endedBy   the kind of what stopped it before its end, or null; three have outcomes of their own, for they
 *                  ask something else of an operator than a failure does: a bot protection ({@code blocked}: ask the
 *                  repository's administrator), a move of the base URL ({@code moved}: accept it or not), an
 *                  operator's stop ({@code stopped}: incomplete, its checkpoint at the last page indexed, where the
 *                  next run resumes)
 * @param unchanged of the records indexed and deleted, those whose document was already as they would write it, and
 *                  was left as it was (its change time, Lumbung's own OAI-PMH datestamp, kept)
 */
public record HarvestReport(String sourceId, String set, String window, String startedAt, int pages, int indexed,
                            int deleted, List<RecordFailure> failures, long bytes, int retries, int repairs,
                            int rereads, double seconds, boolean complete, String error, FailureKind endedBy,
                            int unchanged) {

    /** How many failures the summary line names; the rest are in the dead letters. */
    static final int NAMED_FAILURES = 3;

    public HarvestReport {
        failures = List.copyOf(failures);
    }

    public HarvestReport(String sourceId, String set, String window, String startedAt, int pages, int indexed,
                         int deleted, List<RecordFailure> failures, long bytes, int retries, int repairs,
                         double seconds, boolean complete, String error) {
        this(sourceId, set, window, startedAt, pages, indexed, deleted, failures, bytes, retries, repairs, 0, seconds,
                complete, error, null, 0);
    }

    /**
     * How the run ended, one of: {@code complete}; {@code complete with records set aside} (counted in
     * {@code failures}); {@code incomplete} (the error says why and where the next run resumes); {@code unreachable}
     * (no answer from the server at all: its name, its address or the connection failed); {@code blocked},
     * {@code moved}, {@code stopped} (see {@code endedBy}). Never complete with a failure unsaid.
     */
    public String outcome() {
        return endedBy == FailureKind.BOT_WALL ? "blocked" : endedBy == FailureKind.MOVED ? "moved"
                : endedBy == FailureKind.STOPPED ? "stopped"
                : !complete ? endedBy != null && endedBy.transport() && pages == 0 ? "unreachable" : "incomplete"
                : failures.isEmpty() ? "complete" : "complete with records set aside";
    }

    /**
     * The one line a harvest ends with: its counts, why it stopped, and, when records were set aside, the first few
     * (identifier and reason) and where the rest are.
     */
    public String summary() {
        String extras = retries == 0 && repairs == 0 && rereads == 0 ? "" : " (" + retries + " retries, " + repairs
                + " characters repaired" + (rereads == 0 ? "" : ", " + rereads + " records read again") + ")";
        return String.format(Locale.ROOT,
                "harvest %s %s: %d pages, %d records indexed%s, %d deleted, %d failed, %.1f s%s%s%s", sourceId
                        + (set == null || set.isEmpty() ? "" : " set " + set),
                outcome(), pages, indexed, Outcome.unchangedNote(unchanged), deleted, failures.size(),
                seconds, extras, error == null ? "" : " (" + error + ")", setAside());
    }

    /**
     * The records set aside, the first few named; and apart, those not indexed for a reason outside them (the index
     * away, the run interrupted): they are not in the dead letters, for the run stopped before them and the next one
     * reads them again.
     */
    private String setAside() {
        Map<Boolean, List<RecordFailure>> byKind = failures.stream()
                .collect(Collectors.partitioningBy(RecordFailure::transientFailure));
        List<RecordFailure> aside = byKind.get(false);
        List<RecordFailure> later = byKind.get(true);
        StringBuilder s = new StringBuilder();
        if (!aside.isEmpty()) {
            s.append("; set aside: ");
            for (int i = 0; i < Math.min(NAMED_FAILURES, aside.size()); i++) {
                s.append(i == 0 ? "" : ", ").append(aside.get(i).recordId()).append(" (")
                        .append(shortReason(aside.get(i))).append(')');
            }
            int rest = aside.size() - NAMED_FAILURES;
            s.append(rest > 0 ? " and " + rest + " more" : "").append("; see: deadletter list --source ")
                    .append(sourceId);
        }
        if (!later.isEmpty()) {
            s.append("; ").append(later.size()).append(later.size() == 1 ? " record" : " records")
                    .append(" not indexed this time, the next run reads them again (").append(later.get(0).recordId())
                    .append(": ").append(shortReason(later.get(0))).append(')');
        }
        return s.toString();
    }

    private static String shortReason(RecordFailure f) {
        String reason = f.reason() == null ? "" : f.reason().replaceAll("\\s+", " ");
        return reason.length() > 100 ? reason.substring(0, 99) + "…" : reason;
    }

    /**
     * This report and another of the same source's run (another set) as one: counts summed, complete only when both
     * are, each error naming its set; blocked (or moved, or stopped) when either was.
     */
    public HarvestReport plus(HarvestReport other) {
        List<RecordFailure> all = new java.util.ArrayList<>(failures);
        all.addAll(other.failures);
        String errors = error == null ? other.error : other.error == null ? error : error + "; " + other.error;
        return new HarvestReport(sourceId, join(set, other.set, ", "), join(window, other.window, "; "),
                startedAt == null || other.startedAt != null && other.startedAt.compareTo(startedAt) < 0
                        ? other.startedAt : startedAt,
                pages + other.pages, indexed + other.indexed, deleted + other.deleted, all, bytes + other.bytes,
                retries + other.retries, repairs + other.repairs, rereads + other.rereads, seconds + other.seconds,
                complete && other.complete, errors, naming(endedBy, other.endedBy), unchanged + other.unchanged);
    }

    /** Of two sets' endings, the one the run's outcome names: an ending of its own first, else any failure. */
    private static FailureKind naming(FailureKind one, FailureKind other) {
        return Stream.of(FailureKind.BOT_WALL, FailureKind.MOVED, FailureKind.STOPPED)
                .filter(k -> k == one || k == other).findFirst()
                .orElse(one != null ? one : other);
    }

    /** The same report with its error, if any, saying which set it is of. */
    public HarvestReport namingItsSet() {
        return error == null || set == null || set.isEmpty() ? this
                : new HarvestReport(sourceId, set, window, startedAt, pages, indexed, deleted, failures, bytes, retries,
                        repairs, rereads, seconds, complete, "set " + set + ": " + error, endedBy, unchanged);
    }

    private static String join(String a, String b, String separator) {
        return a == null || a.isEmpty() || a.equals(b) ? b : b == null || b.isEmpty() ? a : a + separator + b;
    }
}
