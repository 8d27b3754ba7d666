package org.lumbung.search;

/** What was asked for does not exist: a record id, a page asset (answered 404). */
public final class NotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NotFoundException(String what) {
        super(what);
    }
}
