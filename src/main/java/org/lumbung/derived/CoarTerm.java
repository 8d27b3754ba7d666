package org.lumbung.derived;

/**
 * A term of a COAR vocabulary (resource types, access rights): its URI, the identifier aggregators exchange, and its
 * English label. The label is null for a valid COAR URI Lumbung has no label for.
 */
public record CoarTerm(String uri, String label) {
}
