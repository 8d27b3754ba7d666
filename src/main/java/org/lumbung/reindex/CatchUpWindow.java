package org.lumbung.reindex;

import java.time.Instant;

/**
 * The catch-up's window: documents indexed from {@code since} on. A change time as Lumbung stores it is an
 * {@link Instant}'s text ({@code 2026-12-07T03:06:45.861Z}), so two of them are ordered by their first 19 characters
 * unless those are the same second; only then, or for a text of another shape, is it parsed. The copy asks for every
 * document, and parsing each was a fair part of what a rebuild compiled and ran beside its crosswalks.
 */
final class CatchUpWindow {

    /** The characters of {@code uuuu-MM-ddTHH:mm:ss}. */
    private static final int TO_THE_SECOND = 19;

    private final Instant since;
    /** The window's start as text, when it has the shape that compares to the second; else null. */
    private final String sinceText;

    CatchUpWindow(Instant since) {
        this.since = since;
        String text = since.toString();
        this.sinceText = toTheSecond(text) ? text : null;
    }

    /** Whether a document indexed at this time falls in the window. */
    boolean holds(String indexedAt) {
        if (sinceText != null && toTheSecond(indexedAt)) {
            for (int i = 0; i < TO_THE_SECOND; i++) {
                int c = Character.compare(indexedAt.charAt(i), sinceText.charAt(i));
                if (c != 0) {
                    return c > 0;
                }
            }
        }
        return !Instant.parse(indexedAt).isBefore(since);
    }

    /**
     * Whether the text is {@code uuuu-MM-ddTHH:mm:ss}, a fraction or none, and {@code Z}: a four-digit year in UTC (an
     * offset, which {@link Instant#parse} takes too, would make its clock another one).
     */
    private static boolean toTheSecond(String text) {
        if (text.length() <= TO_THE_SECOND || text.charAt(text.length() - 1) != 'Z'
                || (text.charAt(TO_THE_SECOND) != '.' && text.charAt(TO_THE_SECOND) != 'Z')) {
            return false;
        }
        for (int i = 0; i < TO_THE_SECOND; i++) {
            char c = text.charAt(i);
            boolean ok = switch (i) {
                case 4, 7 -> c == '-';
                case 10 -> c == 'T';
                case 13, 16 -> c == ':';
                default -> c >= '0' && c <= '9';
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
