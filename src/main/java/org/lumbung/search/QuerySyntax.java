package org.lumbung.search;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Reads a query the way Elasticsearch's simple query syntax does, only to say what is wrong with it. That syntax never
 * fails: {@code a AND (b} is quietly read as something else and finds nothing, so a reader is told instead (a 400).
 * A backslash escapes the next character; inside a quoted phrase parentheses are text.
 */
final class QuerySyntax {

    private QuerySyntax() {
    }

    /** Throws IllegalArgumentException naming the first problem and where it is (characters counted from 1). */
    static void check(String query) {
        Deque<Integer> open = new ArrayDeque<>();
        int quote = -1;
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                quote = quote < 0 ? i : -1;
            } else if (quote < 0 && c == '(') {
                open.push(i);
            } else if (quote < 0 && c == ')') {
                if (open.isEmpty()) {
                    throw problem("unbalanced parenthesis: the ')' at character " + (i + 1) + " closes nothing");
                }
                open.pop();
            }
        }
        if (quote >= 0) {
            throw problem("unclosed quote: the '\"' at character " + (quote + 1) + " has no closing '\"'");
        }
        if (!open.isEmpty()) {
            throw problem("unbalanced parenthesis: the '(' at character " + (open.peekLast() + 1) + " is never closed");
        }
    }

    private static IllegalArgumentException problem(String what) {
        return new IllegalArgumentException("The query cannot be read: " + what + ".");
    }
}
