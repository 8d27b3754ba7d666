package org.lumbung.source;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Who holds a source's lease, as a worker sees it now: the holder ({@code pid@host:jvm-n}), the lease's generation and
 * expiry, and whether the holder is gone: its lease expired without being given back, or its process is known gone
 * from this machine ({@link Owners}) while its lease still runs. A run whose holder is gone is left unfinished; the
 * takeover sweep runs it again.
 */
public record LeaseHolder(String owner, long generation, Instant expiresAt, boolean expired, boolean gone) {

    /** Whether the holder's run is going: its lease renewed and its process not known gone. */
    public boolean running() {
        return !expired && !gone;
    }

    /**
     * {@code lease renewed until <when>}, or {@code holder gone, lease expires at <when>} / {@code ... expired at}, to
     * the second.
     */
    public String describe() {
        return (running() ? "lease renewed until " : expired ? "holder gone, lease expired at "
                : "holder gone, lease expires at ") + expiresAt.truncatedTo(ChronoUnit.SECONDS);
    }
}
