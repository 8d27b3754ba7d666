package org.lumbung.pipeline;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import javax.net.ssl.SSLException;

/**
 * What kind of failure stopped a request or a harvest. Decisions read the kind, never a message: whether a request is
 * sent again, whether a resumption token may have been spent, whether a window is halved, whether a source is
 * unreachable.
 */
public enum FailureKind {
    /** No answer for another reason: a reset, an unreachable network. */
    UNREACHABLE("cannot reach the server"),
    /** The host name does not exist (NXDOMAIN): not worth another try. */
    DNS("the host name does not resolve"),
    /** The resolver itself failed or timed out: worth another try. */
    DNS_TEMPORARY("the host name could not be resolved for now"),
    /** Nothing listens at the address. */
    REFUSED("connection refused"),
    /** No connection within the connect timeout: the request never left. */
    CONNECT_TIMEOUT("connect timed out"),
    /** Silence for longer than the read timeout, or an answer longer than the request deadline. */
    TIMEOUT("timed out"),
    /** The answer ended before its end: a dropped connection, a short body. */
    TRUNCATED("the answer was cut off"),
    /** The TLS handshake failed. */
    TLS("TLS handshake failed"),
    /** An HTTP status that is not an answer. */
    HTTP_STATUS("HTTP error"),
    /** An OAI-PMH error code. */
    OAI_ERROR("OAI-PMH error"),
    /** A body that is not XML, or not OAI-PMH (an HTML page). */
    MALFORMED("malformed answer"),
    /** A body over the size limit. */
    TOO_LARGE("too large"),
    /** An address the guard does not allow. */
    BLOCKED("address refused"),
    /**
     * A bot protection's challenge or block instead of an answer (Cloudflare, AWS WAF, Anubis...): asked again, it
     * answers the same; only the repository's administrator can let Lumbung through.
     */
    BOT_WALL("blocked by bot protection"),
    /** Redirects that loop or do not end. */
    REDIRECT_LOOP("redirects that do not end"),
    /**
     * The repository's base URL answers a permanent redirect elsewhere (more than http to https): only an operator can
     * tell a repository that moved from an old domain now serving someone else, so the harvest stops until the move is
     * accepted or the source follows moves.
     */
    MOVED("moved permanently"),
    /** A list that does not continue where it left off: a cursor gap, records again, fewer than announced. */
    LIST_GAP("the list has a gap"),
    /** A list that never ends: a token cycle, the same page again, endless empty pages. */
    ENDLESS_LIST("the list does not end"),
    /** The index could not take the records. */
    INDEX("the index could not take the records"),
    /**
     * This Lumbung no longer holds the source's lease (another worker took it over after it expired): the run stops
     * and writes nothing more for the source.
     */
    FENCED("lost the source's lease"),
    /**
     * An operator asked the running harvest to stop ({@code sources stop}, the admin API): it stopped after its last
     * indexed page, with the checkpoint there, so the next run resumes at that page. Not a failure of the source.
     */
    STOPPED("stopped by the operator"),
    /** Stopped from outside (Ctrl-C, shutdown). */
    INTERRUPTED("interrupted"),
    /** Anything else. */
    OTHER("failed");

    private final String words;

    FailureKind(String words) {
        this.words = words;
    }

    /** The kind in a few words a user reads. */
    public String words() {
        return words;
    }

    /** Whether the request may have reached the server, so a resumption token in it may be spent. */
    public boolean mayHaveReachedServer() {
        return switch (this) {
            case DNS, DNS_TEMPORARY, REFUSED, CONNECT_TIMEOUT, BLOCKED, TLS -> false;
            default -> true;
        };
    }

    /** Whether another try could succeed: a name that does not exist or a refused connection will not. */
    public boolean transientFault() {
        return switch (this) {
            case UNREACHABLE, DNS_TEMPORARY, CONNECT_TIMEOUT, TIMEOUT, TRUNCATED -> true;
            default -> false;
        };
    }

    /** Whether the server gave no usable answer at all (the transport failed, as opposed to a bad answer). */
    public boolean transport() {
        return switch (this) {
            case UNREACHABLE, DNS, DNS_TEMPORARY, REFUSED, CONNECT_TIMEOUT, TIMEOUT, TRUNCATED, TLS -> true;
            default -> false;
        };
    }

    /** The kind of a transport exception, from its type and its causes' types. */
    public static FailureKind of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            FailureKind kind = direct(t);
            if (kind != null) {
                return kind;
            }
        }
        return UNREACHABLE;
    }

    /**
     * Whether a failed look-up may succeed later: the resolver failed or timed out (EAI_AGAIN, "try again"), as
     * opposed to a name that does not exist (NXDOMAIN, "Name or service not known").
     */
    static boolean temporary(UnknownHostException e) {
        String message = e.getMessage() == null ? "" : e.getMessage().toLowerCase(java.util.Locale.ROOT);
        return message.contains("temporary failure") || message.contains("try again") || message.contains("timed out");
    }

    /**
     * Whether a failed connect found no way to the host (the network says so) rather than a host that refused: the
     * JDK client reports a refusal as a ConnectException around a ClosedChannelException, with no message at all.
     */
    private static boolean routeFailed(ConnectException e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(java.util.Locale.ROOT);
            if (message.contains("no route") || message.contains("unreachable")) {
                return true;
            }
        }
        return false;
    }

    private static FailureKind direct(Throwable t) {
        if (t instanceof KnownFailure known) {
            return known.kind();
        }
        if (t instanceof UnknownHostException u) {
            return temporary(u) ? DNS_TEMPORARY : DNS;
        }
        if (t instanceof UnresolvedAddressException) {
            return DNS;
        }
        if (t instanceof HttpConnectTimeoutException) {
            return CONNECT_TIMEOUT;
        }
        if (t instanceof HttpTimeoutException) {
            return TIMEOUT;
        }
        if (t instanceof ConnectException c) {
            FailureKind inner = c.getCause() == null ? null : direct(c.getCause());
            return inner != null ? inner : routeFailed(c) ? UNREACHABLE : REFUSED;
        }
        if (t instanceof SSLException) {
            return TLS;
        }
        if (t instanceof EOFException) {
            return TRUNCATED;
        }
        return null;
    }
}
