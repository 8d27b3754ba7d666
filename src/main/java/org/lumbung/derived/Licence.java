package org.lumbung.derived;

/**
 * A Creative Commons licence recognised in a rights statement: its label ({@code CC BY-NC-ND 4.0}) and its canonical
 * URI, which is null when the statement names no version ({@code CC-BY}) and so no licence deed.
 */
public record Licence(String uri, String label) {
}
