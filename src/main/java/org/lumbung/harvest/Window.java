package org.lumbung.harvest;

/** A from/until window of a harvest, in the repository's granularity; a null bound is open. Both are inclusive. */
public record Window(String from, String until) {

    public static final Window ALL = new Window(null, null);

    @Override
    public String toString() {
        return (from == null ? "the beginning" : from) + " to " + (until == null ? "now" : until);
    }
}
