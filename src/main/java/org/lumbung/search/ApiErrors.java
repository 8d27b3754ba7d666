package org.lumbung.search;

import java.util.Map;

/** The JSON body of an HTTP API error: the cause in one line, never a stack trace. */
public final class ApiErrors {

    public Map<String, String> describe(Throwable error) {
        String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        return Map.of("error", message.lines().findFirst().orElse(message));
    }
}
