package org.lumbung.harvest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * OAI-PMH datestamps in a repository's own granularity: {@code YYYY-MM-DD} or {@code YYYY-MM-DDThh:mm:ssZ}, always
 * UTC. A server with day granularity answers badArgument to a from with seconds (Dataverse hit this), so every
 * from/until Lumbung sends is written in the granularity the repository declared.
 */
public final class Datestamps {

    private Datestamps() {
    }

    /** The instant a datestamp names (a day is its first second); null when unreadable. */
    public static Instant parse(String datestamp) {
        if (datestamp == null || datestamp.isBlank()) {
            return null;
        }
        String s = datestamp.trim();
        try {
            if (s.length() == 10) {
                return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(s.endsWith("Z") || s.contains("+") ? s : s + "Z");
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    public static String format(Instant instant, boolean seconds) {
        Instant t = instant.truncatedTo(ChronoUnit.SECONDS);
        return seconds ? t.toString() : LocalDate.ofInstant(t, ZoneOffset.UTC).toString();
    }

    /** The smallest step of the granularity: a window's inclusive until is one step before the next from. */
    public static long stepSeconds(boolean seconds) {
        return seconds ? 1 : 86_400;
    }
}
