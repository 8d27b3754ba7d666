package org.lumbung.harvest;

import org.lumbung.http.Redirect;

/**
 * A move of a source's base URL, told by a permanent redirect of one of its requests ({@link Redirect#move}): from the
 * base URL asked to the base URL it now answers at. The request's OAI-PMH arguments are no part of it: a repository
 * that moved answers {@code ?verb=ListRecords&resumptionToken=...} at its new address with the same query, and one
 * whose redirect drops the query still names its new base URL.
 */
record Move(String from, String to) {

    /** The move a redirect of {@code url}, a request to {@code base}, says. */
    static Move of(String base, String url, Redirect redirect) {
        String arguments = url.startsWith(base) ? url.substring(base.length()) : "";
        String target = redirect.to();
        String to = !arguments.isEmpty() && target.endsWith(arguments)
                ? target.substring(0, target.length() - arguments.length())
                : target.replaceFirst("[?#].*$", "");
        return new Move(base, to);
    }

    /** Why the harvest stopped at the move, and what an operator may do. */
    String notFollowed(String sourceId) {
        return "the base URL " + from + " moved permanently to " + to + "; not followed until an operator accepts the"
                + " move, since an old address may now serve someone else: if the repository moved there, `sources"
                + " accept-move " + sourceId + "` (or POST /admin/sources/" + sourceId + "/accept-move) harvests it"
                + " there, as followMoves: true on the source would at every move";
    }
}
