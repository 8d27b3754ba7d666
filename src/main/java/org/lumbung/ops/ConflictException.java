package org.lumbung.ops;

/**
 * An admin request that the source's state does not allow now (answered 409): stopping a source whose harvest is not
 * running. The message names the source and what it is doing instead.
 */
public final class ConflictException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ConflictException(String message) {
        super(message);
    }
}
