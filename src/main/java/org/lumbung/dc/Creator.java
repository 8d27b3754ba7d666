package org.lumbung.dc;

/**
 * A creator with what the source says about them. {@code corresponding} marks the corresponding author (a leading
 * {@code *} on OJS pages); affiliation and orcid are null when the source gives none.
 */
public record Creator(String name, String affiliation, String orcid, boolean corresponding) {
}
