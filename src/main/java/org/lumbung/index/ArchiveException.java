package org.lumbung.index;

/**
 * A contribution the raw archive cannot read again: its provenance keeps no raw record, or what it keeps no longer
 * parses. Merging keeps the stored document's copy; a rebuild copies the document over as it was.
 */
public final class ArchiveException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String sourceId;
    private final String url;

    public ArchiveException(String sourceId, String url, String reason, Throwable cause) {
        super("source " + sourceId + ", " + url + ": " + reason, cause);
        this.sourceId = sourceId;
        this.url = url;
    }

    public String sourceId() {
        return sourceId;
    }

    public String url() {
        return url;
    }
}
