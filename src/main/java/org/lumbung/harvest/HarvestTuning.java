package org.lumbung.harvest;

import java.time.Duration;

/**
 * Settings every harvest shares (application.properties, lumbung.harvest.*).
 *
 * @param minWindow        windows shrink no further; a window of this size that still fails fails the harvest
 * @param maxWindow        windows grow no further
 * @param overlap          the next incremental from starts this long before the last harvest began
 * @param pageRetries      refetches of a page that came back malformed before it is salvaged
 * @param inFlightPages    pages handed to the index and not yet acknowledged, at most
 * @param inFlightRecords  their records, at most (a single page may hold more)
 * @param windowRestarts   how often a window whose token was refused is started again
 * @param smallPageRecords a window that returns fewer records in one page than this grows the next window
 * @param shortListTolerance how many records a list may end short of its completeListSize and count as read whole
 * @param wholeListPages   a range whose first page announces at most this many pages (completeListSize over the
 *                         first page's records) is read as one list, not in date windows; 0: always in windows
 */
public record HarvestTuning(Duration minWindow, Duration maxWindow, Duration overlap, int pageRetries,
                            int inFlightPages, int inFlightRecords, int windowRestarts, int smallPageRecords,
                            int shortListTolerance, int wholeListPages) {

    public static final HarvestTuning DEFAULT = new HarvestTuning(Duration.ofDays(1), Duration.ofDays(3650),
            Duration.ofDays(1), 2, 4, 1000, 2, 100, 0, 10);

    /** Whether a list whose first page held {@code pageRecords} and announced {@code completeListSize} is small. */
    boolean smallList(long completeListSize, int pageRecords) {
        return completeListSize >= 0 && pageRecords > 0 && completeListSize <= (long) wholeListPages * pageRecords;
    }
}
