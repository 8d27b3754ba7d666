package org.lumbung.reindex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CatchUpWindowTest {

    private static final Instant SINCE = Instant.parse("2026-12-07T03:06:45.861Z");

    @Test
    void ordersTimesInOtherSecondsByTheirText() {
        CatchUpWindow window = new CatchUpWindow(SINCE);
        assertTrue(window.holds("2026-12-07T03:06:46Z"));
        assertTrue(window.holds("2027-01-01T00:00:00.001Z"));
        assertFalse(window.holds("2026-12-07T03:06:44.999999999Z"));
        assertFalse(window.holds("1999-12-31T23:59:59Z"));
    }

    @Test
    void comparesTheFractionWithinTheSameSecond() {
        CatchUpWindow window = new CatchUpWindow(SINCE);
        // "…45Z" sorts after "…45.861Z" as text ('Z' > '.') but is the earlier time.
        assertFalse(window.holds("2026-12-07T03:06:45Z"));
        assertFalse(window.holds("2026-12-07T03:06:45.860999Z"));
        assertTrue(window.holds("2026-12-07T03:06:45.861Z"));
        assertTrue(window.holds("2026-12-07T03:06:45.9Z"));
    }

    @Test
    void parsesTextsOfAnotherShape() {
        CatchUpWindow window = new CatchUpWindow(SINCE);
        assertTrue(window.holds("2026-12-07T10:06:46+07:00"));
        assertFalse(window.holds("2026-12-07T10:06:45+07:00"));
        // Later than the window's text to the second, but seven hours earlier as a time.
        assertFalse(window.holds("2026-12-07T03:06:50.5+07:00"));
        assertTrue(window.holds("+12026-01-01T00:00:00Z"));
    }

    @Test
    void agreesWithParsingOnRandomTimes() {
        Random random = new Random(17);
        for (int i = 0; i < 200_000; i++) {
            Instant since = Instant.ofEpochSecond(random.nextInt(2_000_000_000), random.nextInt(4) * 250_000_000L);
            // Near the window as often as not: the same second, a neighbour, or anywhere.
            long seconds = switch (random.nextInt(3)) {
                case 0 -> since.getEpochSecond();
                case 1 -> since.getEpochSecond() + random.nextInt(3) - 1;
                default -> random.nextInt(2_000_000_000);
            };
            int nanos = switch (random.nextInt(4)) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            };
            String text = Instant.ofEpochSecond(seconds, nanos).toString();
            assertEquals(!Instant.parse(text).isBefore(since), new CatchUpWindow(since).holds(text), text + " since "
                    + since);
        }
    }
}
