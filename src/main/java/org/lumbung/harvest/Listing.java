package org.lumbung.harvest;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What ListIdentifiers said of a repository: each header with the window (and set) it was listed in, how many
 * records the lists announced (the sum of their completeListSize; -1 when none gave one), and whether the listing is
 * proven complete; when it is not, {@code gap} says why (a failed window, a list that ended short of its size).
 *
 * @param headers    identifier to the header as last listed, with where it was listed
 * @param advertised the sum of completeListSize over the lists (a list without one counts what it held); -1: none
 * @param complete   whether every list was read to its end and held as many headers as it announced
 * @param gap        why the listing is not complete, or null
 * @param pages      ListIdentifiers pages read
 */
public record Listing(Map<String, Listed> headers, long advertised, boolean complete, String gap, int pages) {

    /** A header and where it was listed: a re-harvest of that window and set fetches the record again. */
    public record Listed(OaiHeader header, String set, Window window) {
    }

    public static final Listing EMPTY = new Listing(Map.of(), -1, true, null, 0);

    /** Whether the repository lists this record as live (listed, not deleted). */
    public boolean live(String identifier) {
        Listed listed = headers.get(identifier);
        return listed != null && !listed.header().deleted();
    }

    /** This listing and another (of another set) as one: complete only if both are. */
    public Listing plus(Listing other) {
        Map<String, Listed> all = new LinkedHashMap<>(headers);
        all.putAll(other.headers);
        long sum = advertised < 0 ? other.advertised
                : other.advertised < 0 ? advertised : advertised + other.advertised;
        return new Listing(all, sum, complete && other.complete, gap != null ? gap : other.gap, pages + other.pages);
    }
}
