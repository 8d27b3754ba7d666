package org.lumbung.pipeline;

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.elasticsearch.client.ResponseException;

/**
 * A failure in the words of the person who reads it: its causes' messages in one line, each once, with the Java
 * class names that libraries put into messages ({@code java.nio.file.NoSuchFileException: x}) said as what they mean
 * ({@code no such file: x}). The stack trace is for the log file, never for this line.
 */
public final class Reasons {

    /** A qualified exception class name at the start of a message, as Throwable.toString() writes it. */
    private static final Pattern CLASS_PREFIX = Pattern.compile(
            "(?:[a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*(?:Exception|Error)(?::\\s*)?");
    private static final int LONGEST = 500;

    private Reasons() {
    }

    /** {@code what failed: why: and why}, at most about 500 characters. */
    public static String of(Throwable failure) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = failure; t != null && out.length() < LONGEST; t = t.getCause() == t ? null : t.getCause()) {
            String said = one(t);
            if (!said.isEmpty() && !out.toString().toLowerCase(Locale.ROOT).contains(said.toLowerCase(Locale.ROOT))) {
                out.append(out.isEmpty() ? "" : ": ").append(said);
            }
        }
        return out.isEmpty() ? "an unexpected " + failure.getClass().getSimpleName() + " (see the log file)"
                : out.toString();
    }

    /** One exception's own part of the line. */
    static String one(Throwable t) {
        String message = t.getMessage() == null ? "" : CLASS_PREFIX.matcher(t.getMessage().trim()).replaceAll("");
        if (t instanceof NoSuchFileException e) {
            return "no such file: " + e.getFile();
        }
        if (t instanceof AccessDeniedException e) {
            return "permission denied: " + e.getFile();
        }
        if (t instanceof FileSystemException e && e.getReason() != null) {
            return e.getFile() + ": " + e.getReason();
        }
        if (t instanceof UnknownHostException) {
            return "unknown host " + message;
        }
        if (t instanceof ConnectException) {
            return message.isEmpty() ? "connection refused" : message.toLowerCase(Locale.ROOT);
        }
        if (t instanceof SocketTimeoutException || t instanceof HttpTimeoutException) {
            return "timed out" + (message.isEmpty() || message.toLowerCase(Locale.ROOT).contains("timed out")
                    ? "" : " (" + message + ")");
        }
        if (t instanceof ClosedChannelException) {
            return "the connection was closed";
        }
        if (t instanceof InterruptedException || t instanceof InterruptedIOException && message.isEmpty()
                || message.contains("was interrupted")) {
            return "interrupted";
        }
        if (t instanceof ResponseException e) {
            return "Elasticsearch answered " + e.getResponse().getStatusLine().getStatusCode() + " "
                    + e.getResponse().getStatusLine().getReasonPhrase() + " to " + e.getResponse().getRequestLine()
                    .getMethod() + " " + e.getResponse().getRequestLine().getUri();
        }
        return message;
    }
}
