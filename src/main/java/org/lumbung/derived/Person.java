package org.lumbung.derived;

/**
 * A creator as aggregators list them: {@code Family, Given} (organisations and single names as written), the
 * affiliation where the record gives one, and the ORCID iD in its bare checked form ({@code 0000-0002-1825-0097}).
 */
public record Person(String name, String affiliation, String orcid) {
}
