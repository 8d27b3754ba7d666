package org.lumbung.es;

import java.nio.file.Path;

/** The embedded node could not be started or attached; the message is the one line a user reads. */
public final class NodeStartException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient Path logFile;

    public NodeStartException(String cause, Path logFile) {
        super(logFile == null
                ? "Elasticsearch did not start: " + cause
                : "Elasticsearch did not start: " + cause + " (log: " + logFile + ")");
        this.logFile = logFile;
    }

    public Path logFile() {
        return logFile;
    }
}
