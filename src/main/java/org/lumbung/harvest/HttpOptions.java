package org.lumbung.harvest;

import java.time.Duration;

/**
 * How Lumbung talks HTTP to repositories and journal sites: timeouts and who it says it is. The read timeout bounds
 * silence anywhere in an answer (before the headers and between two pieces of the body); the request deadline bounds
 * the whole answer, so a server that trickles a body forever is cut off too.
 */
public record HttpOptions(Duration connectTimeout, Duration readTimeout, Duration requestDeadline, String userAgent,
                          String from) {

    /** The default bound on one whole answer. */
    public static final Duration DEFAULT_DEADLINE = Duration.ofMinutes(10);

    public HttpOptions(Duration connectTimeout, Duration readTimeout, String userAgent, String from) {
        this(connectTimeout, readTimeout, DEFAULT_DEADLINE, userAgent, from);
    }
}
