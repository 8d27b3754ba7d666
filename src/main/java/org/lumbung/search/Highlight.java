package org.lumbung.search;

import java.util.ArrayList;
import java.util.List;

/**
 * A piece of a highlighted passage: text, and whether it matched the query. A passage is a list of them, so a page
 * renders it as text nodes and {@code <mark>} elements it creates itself: harvested text is never parsed as markup.
 */
public record Highlight(String text, boolean match) {

    /** Private-use characters around matches: Elasticsearch puts them in, {@link #split} takes them out. */
    static final String START = "\uE000";
    static final String END = "\uE001";

    /** The segments of a fragment Elasticsearch marked with {@link #START} and {@link #END}. */
    static List<Highlight> split(String fragment) {
        List<Highlight> out = new ArrayList<>();
        int at = 0;
        while (at < fragment.length()) {
            int start = fragment.indexOf(START, at);
            if (start < 0) {
                out.add(new Highlight(fragment.substring(at), false));
                break;
            }
            if (start > at) {
                out.add(new Highlight(fragment.substring(at, start), false));
            }
            int end = fragment.indexOf(END, start);
            int stop = end < 0 ? fragment.length() : end;
            out.add(new Highlight(fragment.substring(start + START.length(), stop), true));
            at = end < 0 ? stop : end + END.length();
        }
        out.removeIf(h -> h.text().isEmpty());
        return out;
    }
}
