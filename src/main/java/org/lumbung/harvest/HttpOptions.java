package org.lumbung.harvest;

import java.time.Duration;

/** How Lumbung talks HTTP to repositories and journal sites: timeouts and who it says it is. */
public record HttpOptions(Duration connectTimeout, Duration readTimeout, String userAgent, String from) {
}
