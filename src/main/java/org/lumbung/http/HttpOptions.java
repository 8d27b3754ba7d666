package org.lumbung.http;

import java.time.Duration;

/**
 * How Lumbung talks HTTP to repositories and journal sites: timeouts and who it says it is. The read timeout bounds
 * silence anywhere in an answer (before the headers and between two pieces of the body); the request deadline bounds
 * the whole answer, so a server that trickles a body forever is cut off too. The public address is the one
 * repositories see Lumbung's requests come from, as the operator gives it (Lumbung cannot know it behind NAT): a bot
 * wall's message names it for the repository's administrator to allow-list.
 */
public record HttpOptions(Duration connectTimeout, Duration readTimeout, Duration requestDeadline, String userAgent,
                          String from, String publicAddress) {

    public HttpOptions(Duration connectTimeout, Duration readTimeout, Duration requestDeadline, String userAgent,
                       String from) {
        this(connectTimeout, readTimeout, requestDeadline, userAgent, from, "");
    }

    /** The default bound on one whole answer. */
    public static final Duration DEFAULT_DEADLINE = Duration.ofMinutes(10);

    public HttpOptions(Duration connectTimeout, Duration readTimeout, String userAgent, String from) {
        this(connectTimeout, readTimeout, DEFAULT_DEADLINE, userAgent, from);
    }
}
