package org.lumbung.harvest;

import io.gdcc.xoai.model.oaipmh.Error;
import org.lumbung.pipeline.FailureKind;

/**
 * A harvest that cannot go on: its {@link FailureKind}, the source, the URL asked, the HTTP status (0 when there was no
 * answer), the OAI-PMH error code if the repository sent one, and the reason in words. Decisions read the kind, the
 * status and the code; the reason is for people.
 */
public final class HarvestException extends Exception {

    private static final long serialVersionUID = 1L;

    private final FailureKind kind;
    private final String sourceId;
    private final String url;
    private final int status;
    private final transient Error.Code oaiCode;
    private final String reason;

    public HarvestException(FailureKind kind, String sourceId, String url, int status, Error.Code oaiCode,
                            String reason, Throwable cause) {
        super(describe(sourceId, url, status, oaiCode, reason), cause);
        this.kind = kind;
        this.sourceId = sourceId;
        this.url = url;
        this.status = status;
        this.oaiCode = oaiCode;
        this.reason = reason;
    }

    /** A failure told by its answer: an OAI-PMH error code, else an HTTP status, else of no particular kind. */
    public HarvestException(String sourceId, String url, int status, Error.Code oaiCode, String reason,
                            Throwable cause) {
        this(oaiCode != null ? FailureKind.OAI_ERROR : status > 0 ? FailureKind.HTTP_STATUS : FailureKind.OTHER,
                sourceId, url, status, oaiCode, reason, cause);
    }

    public HarvestException(FailureKind kind, String sourceId, String url, String reason) {
        this(kind, sourceId, url, 0, null, reason, null);
    }

    public HarvestException(String sourceId, String url, String reason) {
        this(FailureKind.OTHER, sourceId, url, 0, null, reason, null);
    }

    private static String describe(String sourceId, String url, int status, Error.Code oaiCode, String reason) {
        StringBuilder s = new StringBuilder("source ").append(sourceId).append(": ");
        if (oaiCode != null) {
            s.append("OAI-PMH error ").append(oaiCode.id()).append(": ");
        } else if (status > 0) {
            s.append("HTTP ").append(status).append(": ");
        }
        return s.append(reason).append(" (").append(url).append(')').toString();
    }

    public FailureKind kind() {
        return kind;
    }

    public String sourceId() {
        return sourceId;
    }

    public String url() {
        return url;
    }

    public int status() {
        return status;
    }

    public Error.Code oaiCode() {
        return oaiCode;
    }

    public String reason() {
        return reason;
    }

    /** The words of the repository's OAI-PMH error as it sent them; empty for any other failure. */
    public String repositoryText() {
        return oaiCode == null || reason == null ? "" : reason;
    }

    /** Whether the body could not be parsed as XML (as opposed to a protocol error or a transport failure). */
    public boolean malformed() {
        return kind == FailureKind.MALFORMED;
    }
}
