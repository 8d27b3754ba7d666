package org.lumbung.search;

/**
 * A cursor whose point in time is gone: unused for longer than {@code lumbung.search.cursor-ttl}, or its list already
 * ended (answered 410: the list must be started again with {@code cursor=*}).
 */
public final class CursorExpiredException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CursorExpiredException(String message, Throwable cause) {
        super(message, cause);
    }
}
