package org.lumbung.harvest;

import java.time.Duration;
import org.lumbung.http.HttpFetcher;

/**
 * How one source is harvested: its manners, whether it is read in date windows (servers that mishandle from/until
 * need them off) and how large the first window is, whether deletions it never reports are found by comparing
 * its identifiers with the index, and whether its completeListSize is only an estimate (not held against the records
 * read).
 */
public record SourceOptions(HttpFetcher.Politeness politeness, boolean windows, Duration initialWindow,
                            boolean reconcileDeletions, boolean listSizeEstimated) {

    public static final SourceOptions DEFAULT = new SourceOptions(HttpFetcher.Politeness.DEFAULT, true,
            Duration.ofDays(365), false, false);

    public SourceOptions(HttpFetcher.Politeness politeness, boolean windows, Duration initialWindow,
                         boolean reconcileDeletions) {
        this(politeness, windows, initialWindow, reconcileDeletions, false);
    }
}
