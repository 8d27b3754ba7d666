package org.lumbung.harvest;

/**
 * Where a source's harvest stands, kept in Elasticsearch. Between harvests only {@code nextFrom} is set: the
 * responseDate at the start of the last complete harvest, less an overlap. During a harvest, the window being read,
 * the token of the next page to ask for (null at the start of a window) and the window size the harvest has adapted
 * to. A checkpoint is written only once every record before it is indexed.
 *
 * @param set              the setSpec this checkpoint is for; empty for the whole repository
 * @param nextFrom         where the next incremental harvest starts, in the repository's granularity; null: all
 * @param harvestStartedAt responseDate of the first answer of the harvest in progress; null when none is
 * @param windowFrom       from of the window in progress, null for the beginning of the repository
 * @param windowUntil      until of the window in progress, null for open-ended
 * @param resumptionToken  the token to send next, null to start the window afresh
 * @param windowSeconds    the adapted window size, 0 for none yet
 * @param tokenCursor      the cursor the repository gave with the token, null when it gave none: the page the token
 *                         leads to must continue from it, or the token was spent before (read ahead, then a crash)
 * @param tokenPageRecords how many records the page that carried the token held
 */
public record Checkpoint(String set, String nextFrom, String harvestStartedAt, String windowFrom, String windowUntil,
                         String resumptionToken, long windowSeconds, Long tokenCursor, Integer tokenPageRecords) {

    public Checkpoint(String set, String nextFrom, String harvestStartedAt, String windowFrom, String windowUntil,
                      String resumptionToken, long windowSeconds) {
        this(set, nextFrom, harvestStartedAt, windowFrom, windowUntil, resumptionToken, windowSeconds, null, null);
    }

    public static Checkpoint none(String set) {
        return new Checkpoint(set == null ? "" : set, null, null, null, null, null, 0);
    }

    public boolean inProgress() {
        return harvestStartedAt != null;
    }

    /** The checkpoint of a finished harvest: only where the next one starts. */
    public Checkpoint completed(String next) {
        return new Checkpoint(set, next, null, null, null, null, windowSeconds);
    }

    public Checkpoint at(String startedAt, Window window, String token, long size) {
        return new Checkpoint(set, nextFrom, startedAt, window.from(), window.until(), token, size);
    }

    /** At a token, with the cursor and the record count of the page that carried it, to check the page it leads to. */
    public Checkpoint at(String startedAt, Window window, ResumptionToken token, int pageRecords, long size) {
        if (token == null || token.endsList()) {
            return at(startedAt, window, null, size);
        }
        return new Checkpoint(set, nextFrom, startedAt, window.from(), window.until(), token.value(), size,
                token.cursor() >= 0 ? token.cursor() : null, token.cursor() >= 0 ? pageRecords : null);
    }

    /** Where a harvest starting from this checkpoint begins, in a user's words. */
    public String describe() {
        if (!inProgress()) {
            return "next from " + (nextFrom == null ? "the beginning" : nextFrom);
        }
        String list = windowFrom == null && windowUntil == null ? "the list"
                : "the window " + (windowFrom == null ? "the beginning" : windowFrom) + " to "
                + (windowUntil == null ? "now" : windowUntil);
        return list + (resumptionToken == null ? " from its start" : " at resumption token " + resumptionToken);
    }
}
