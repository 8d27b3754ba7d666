package org.lumbung.harvest;

/** One entry of ListSets: the setSpec to ask for and its name. */
public record OaiSet(String setSpec, String setName) {
}
