package org.lumbung.harvest;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Notices a list that will not end, so that a harvest stops with a reason instead of running forever: a resumption
 * token that comes back (at once or after a cycle), a page that serves exactly the records of an earlier one, a long
 * run of empty pages that still carry a token, or many more records than the list said it held. What was read before
 * is indexed; the harvest ends incomplete, naming why. Memory: one token and one 64-bit fingerprint per page.
 */
final class ListGuard {

    /** Empty pages in a row that still promise more. */
    static final int EMPTY_PAGES = 100;

    private final Set<String> tokens = new HashSet<>();
    private final Map<Long, Integer> fingerprints = new HashMap<>();
    private long announced = -1;
    private long lastAnnounced = -1;
    private int emptyInARow;
    private int page;
    private long records;

    /** Why the list must stop after this page, or null while it looks sound. */
    String check(OaiPage listed) {
        page++;
        records += listed.records().size();
        String token = listed.nextToken();
        if (listed.resumptionToken() != null && listed.resumptionToken().completeListSize() >= 0) {
            announced = Math.max(announced, listed.resumptionToken().completeListSize());
            lastAnnounced = listed.resumptionToken().completeListSize();
        }
        if (token == null) {
            return null;
        }
        if (!tokens.add(token)) {
            return "the repository sent resumption token '" + token + "' again (page " + page
                    + "): the list runs in a loop";
        }
        if (listed.records().isEmpty()) {
            if (++emptyInARow >= EMPTY_PAGES) {
                return EMPTY_PAGES + " empty pages in a row, each with another resumption token: the list does not end";
            }
        } else {
            emptyInARow = 0;
            Integer earlier = fingerprints.putIfAbsent(fingerprint(listed), page);
            if (earlier != null) {
                return "page " + page + " holds exactly the records of page " + earlier + ": the list runs in a loop";
            }
        }
        if (announced >= 0 && records > 2 * announced + 1000) {
            return records + " records read of a list said to hold " + announced + ": the list does not end";
        }
        return null;
    }

    /** The completeListSize the list gave last (a list may grow or shrink while it is read), or -1 for none. */
    long announced() {
        return lastAnnounced;
    }

    private static long fingerprint(OaiPage listed) {
        long hash = 1125899906842597L;
        for (RawRecord record : listed.records()) {
            String key = record.header().identifier() + "\u0000" + record.header().datestamp();
            for (int i = 0; i < key.length(); i++) {
                hash = 31 * hash + key.charAt(i);
            }
            hash = 31 * hash + 0x1f;
        }
        return hash;
    }
}
