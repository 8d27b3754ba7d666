package org.lumbung.harvest;

import java.time.Duration;
import org.lumbung.http.HttpFetcher;

/**
 * How one source is harvested: its manners, whether it is read in date windows (servers that mishandle from/until
 * need them off) and how large the first window is, whether deletions it never reports are found by comparing
 * its identifiers with the index, whether its completeListSize is only an estimate (not held against the records
 * read), and whether a permanent redirect of its base URL elsewhere is followed (else the harvest stops there until an
 * operator accepts the move).
 */
public record SourceOptions(HttpFetcher.Politeness politeness, boolean windows, Duration initialWindow,
                            boolean reconcileDeletions, boolean listSizeEstimated, boolean followMoves) {

    public static final SourceOptions DEFAULT = new SourceOptions(HttpFetcher.Politeness.DEFAULT, true,
            Duration.ofDays(365), false, false, false);

    /** The same options, following moves or not. */
    public SourceOptions followingMoves(boolean follow) {
        return new SourceOptions(politeness, windows, initialWindow, reconcileDeletions, listSizeEstimated, follow);
    }
}
