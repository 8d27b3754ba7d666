package org.lumbung.ops;

/** A request to an admin endpoint without the token (401) or with a wrong one, or with none configured (403). */
public final class AdminDeniedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;

    public AdminDeniedException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int getStatus() {
        return status;
    }
}
