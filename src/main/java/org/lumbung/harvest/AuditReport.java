package org.lumbung.harvest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What an audit found: the repository's identifiers compared with the index. {@code complete} is true only when the
 * listing was proven complete; otherwise {@code error} says where it fell short, {@code extra} is not counted (a
 * record unlisted by a list cut short proves nothing) and nothing was tombstoned.
 *
 * @param sourceId        the source
 * @param startedAt       when the audit began (ISO instant)
 * @param seconds         how long it took
 * @param advertised      records the repository's lists announced (sum of completeListSize), or null when none did
 * @param listed          distinct identifiers listed, deleted ones included
 * @param indexed         live records of the source in the index
 * @param missing         listed live at the source, not in the index
 * @param stale           in the index with a datestamp older than the source's
 * @param extra           live in the index, listed nowhere by the repository
 * @param deletedAtSource live in the index, listed as deleted by the repository (a tombstone missing)
 * @param repaired        records fetched again and tombstones written by {@code --repair}
 * @param complete        whether the listing was proven complete
 * @param error           why it is not, or null
 */
public record AuditReport(String sourceId, String startedAt, double seconds, Long advertised, int listed, int indexed,
                          Finding missing, Finding stale, Finding extra, Finding deletedAtSource, int repaired,
                          boolean complete, String error) {

    /** How many records of one kind, and the first few identifiers (sorted). */
    public record Finding(int count, List<String> first) {
        public static final int FIRST = 10;
        public static final Finding NONE = new Finding(0, List.of());

        public Finding {
            first = List.copyOf(first);
        }

        static Finding of(List<String> identifiers) {
            List<String> sorted = new ArrayList<>(identifiers);
            sorted.sort(null);
            return new Finding(sorted.size(), sorted.subList(0, Math.min(FIRST, sorted.size())));
        }
    }

    /** Whether the source is proven to match the index: complete, nothing found. */
    public boolean clean() {
        return complete && missing.count() + stale.count() + extra.count() + deletedAtSource.count() == 0;
    }

    /** proven complete, differs, or incomplete. */
    public String outcome() {
        return !complete ? "incomplete" : clean() ? "proven complete" : "differs";
    }

    /** The line of counts, then one line per kind found with its first identifiers. */
    public String summary() {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "audit %s %s: %d listed (%s advertised), %d indexed; %d missing, %d stale, %d extra, %d deleted at the"
                        + " source; %d repaired, %.1f s%s", sourceId, outcome(), listed,
                advertised == null ? "none" : advertised.toString(), indexed, missing.count(), stale.count(),
                extra.count(), deletedAtSource.count(), repaired, seconds, error == null ? "" : " (" + error + ")"));
        line(out, "missing", missing);
        line(out, "stale", stale);
        line(out, "extra", extra);
        line(out, "deleted at the source", deletedAtSource);
        return out.toString();
    }

    private static void line(StringBuilder out, String kind, Finding finding) {
        if (finding.count() > 0) {
            out.append("\n  ").append(kind).append(' ').append(finding.count()).append(": ")
                    .append(String.join(" ", finding.first()))
                    .append(finding.count() > finding.first().size() ? " ..." : "");
        }
    }
}
