package org.lumbung.harvest;

/**
 * Whether each page of a list continues the page before it, read from the tokens' {@code cursor}: the cursor of a page
 * is the previous page's cursor plus the previous page's records. Servers count from 0 (the records before the page)
 * or from the page's end (some start at 50, not 0); both keep the rule relative to the first page seen, so the
 * counting is learnt from the pages themselves. A cursor that jumps ahead means records were skipped: a resumption
 * token answered twice (a server that pages like a scroll gives the next page to a repeated token), or spent by a
 * request read ahead before a crash. A cursor that counts something else (pages, not records) only ever falls behind;
 * it is then not read for the rest of the list.
 */
public final class ListContinuity {

    private long cursor = -1;
    private int records;
    /** null while unknown; true when a page's cursor counts its own records too. */
    private Boolean countsOwnPage;
    private boolean unreliable;

    /** Starts from a checkpoint: the cursor of the page that carried the token, and its records. */
    void seed(Long tokenCursor, Integer pageRecords) {
        if (tokenCursor != null && pageRecords != null) {
            cursor = tokenCursor;
            records = pageRecords;
        }
    }

    /** Whether the next page can be checked against one before it. */
    boolean anchored() {
        return cursor >= 0 && !unreliable;
    }

    /**
     * Null when the page continues the list (or cannot be checked), else how many records were skipped, in words.
     *
     * @param pageRecords the records the page held, broken ones included
     */
    public String check(ResumptionToken token, int pageRecords) {
        long given = token == null ? -1 : token.cursor();
        String gap = null;
        if (given >= 0 && anchored()) {
            long before = cursor + records;
            long after = cursor + pageRecords;
            boolean matchesBefore = given == before;
            boolean matchesAfter = given == after;
            boolean continues = countsOwnPage == null ? matchesBefore || matchesAfter
                    : countsOwnPage ? matchesAfter : matchesBefore;
            if (continues) {
                if (countsOwnPage == null && matchesBefore != matchesAfter) {
                    countsOwnPage = matchesAfter;
                }
            } else if (given > Math.max(before, after)) {
                long expected = Boolean.TRUE.equals(countsOwnPage) ? after : before;
                gap = "the cursor jumped to " + given + " where " + expected + " was expected: "
                        + (given - expected) + " records skipped";
            } else {
                unreliable = true; // falls behind: the cursor counts something other than records
            }
        }
        if (given >= 0) {
            cursor = given;
            records = pageRecords;
        } else {
            cursor = -1;
        }
        return gap;
    }
}
