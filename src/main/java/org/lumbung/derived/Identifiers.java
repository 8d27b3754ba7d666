package org.lumbung.derived;

import java.util.List;

/**
 * The identifiers found in a record's identifier, relation and source values, by kind, each in its normal form: DOIs
 * as lower-case {@code 10.} names, ISSNs as {@code 1234-567X}, ISBNs as digits, Handles as {@code prefix/suffix},
 * URNs and ARKs as {@code urn:...} and {@code ark:/...}, and the remaining http(s) addresses.
 */
public record Identifiers(List<String> doi, List<String> issn, List<String> isbn, List<String> handle,
                          List<String> urn, List<String> ark, List<String> url) {

    public Identifiers {
        doi = List.copyOf(doi);
        issn = List.copyOf(issn);
        isbn = List.copyOf(isbn);
        handle = List.copyOf(handle);
        urn = List.copyOf(urn);
        ark = List.copyOf(ark);
        url = List.copyOf(url);
    }

    /**
     * Whether a Handle, URN or ARK is among them. (A DOI among them may be an issue's or a related dataset's; the
     * record's own is {@link Derived#doi()}.)
     */
    public boolean hasHandleUrnOrArk() {
        return !handle.isEmpty() || !urn.isEmpty() || !ark.isEmpty();
    }
}
