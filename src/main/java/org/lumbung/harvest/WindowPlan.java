package org.lumbung.harvest;

import java.time.Duration;
import java.time.Instant;

/**
 * The date windows a harvest reads, in the repository's granularity. Windows adapt: a window that comes back in one
 * small page makes the next one twice as large; one the server cannot answer (5xx, timeouts, "too many records") is
 * halved and tried again. The last window is open-ended, so records changed during the harvest are not missed.
 * A range that would be windowed may first be read whole ({@link #readWhole()}): one list from the range's from (none
 * for a first harvest), which becomes windows ({@link #toWindows()}) when its first page shows it large, or it fails.
 */
final class WindowPlan {

    private final boolean seconds;
    private boolean windowed;
    private final Instant end;
    private final HarvestTuning tuning;
    private Instant start;
    private long size;
    /** Where the windows start if a whole-list read turns to them; null while the range is not read whole. */
    private Instant windowsStart;

    private WindowPlan(boolean seconds, boolean windowed, Instant start, Instant end, long size, HarvestTuning tuning) {
        this.seconds = seconds;
        this.windowed = windowed;
        this.start = start;
        this.end = end;
        this.size = size;
        this.tuning = tuning;
    }

    /**
     * From {@code from} (null: the repository's earliest datestamp) to {@code until} (null: now, open-ended).
     * Unwindowed when windows are off, when the range is unknown or shorter than one window.
     */
    static WindowPlan create(String from, String until, String earliest, boolean windows, long sizeSeconds,
                             boolean seconds, HarvestTuning tuning) {
        Instant start = Datestamps.parse(from != null ? from : earliest);
        Instant end = Datestamps.parse(until);
        Instant last = end != null ? end : Instant.now();
        boolean windowed = windows && start != null && Duration.between(start, last).getSeconds() > sizeSeconds;
        Instant first = from == null && !windowed ? null : start;
        return new WindowPlan(seconds, windowed, first, end, sizeSeconds, tuning);
    }

    /** Reads a windowed range as one list first, its from as asked; false (nothing changes) when it is not windowed. */
    boolean readWhole(String from) {
        if (!windowed) {
            return false;
        }
        windowsStart = start;
        start = Datestamps.parse(from);
        windowed = false;
        return true;
    }

    /** Whether the range is being read as one list that may still turn to windows. */
    boolean whole() {
        return windowsStart != null;
    }

    /** A whole-list read becomes windows from the range's start, in windows of the size the plan began with. */
    void toWindows() {
        if (windowsStart != null) {
            start = windowsStart;
            windowsStart = null;
            windowed = true;
        }
    }

    Window current() {
        String from = start == null ? null : Datestamps.format(start, seconds);
        if (!windowed) {
            return new Window(from, end == null ? null : Datestamps.format(end, seconds));
        }
        Instant next = start.plusSeconds(size);
        Instant limit = end != null ? end : Instant.now();
        if (!next.isBefore(limit)) {
            return new Window(from, end == null ? null : Datestamps.format(end, seconds));
        }
        return new Window(from, Datestamps.format(next.minusSeconds(Datestamps.stepSeconds(seconds)), seconds));
    }

    long size() {
        return size;
    }

    /** Moves past the current window; false when it was the last. */
    boolean advance() {
        Window done = current();
        if (!windowed || done.until() == null || end != null && done.until().equals(Datestamps.format(end, seconds))) {
            return false;
        }
        start = Datestamps.parse(done.until()).plusSeconds(Datestamps.stepSeconds(seconds));
        return true;
    }

    void grow() {
        size = Math.min(size * 2, tuning.maxWindow().getSeconds());
    }

    /**
     * Halves the window (an unwindowed harvest with a known start becomes windowed); false when it is already as
     * small as allowed or there is nothing to split.
     */
    boolean shrink() {
        long min = Math.max(tuning.minWindow().getSeconds(), Datestamps.stepSeconds(seconds));
        if (!windowed) {
            if (start == null) {
                return false;
            }
            Instant limit = end != null ? end : Instant.now();
            size = Math.max(Duration.between(start, limit).getSeconds(), 2 * min);
            windowed = true;
        }
        if (size <= min) {
            return false;
        }
        size = Math.max(size / 2, min);
        return true;
    }

    boolean windowed() {
        return windowed;
    }
}
