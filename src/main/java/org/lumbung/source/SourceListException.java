package org.lumbung.source;

import java.nio.file.Path;

/** The source list is wrong; the message names the file and what is wrong where. */
public final class SourceListException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SourceListException(Path file, String problem) {
        super("source list " + file + ": " + problem);
    }
}
