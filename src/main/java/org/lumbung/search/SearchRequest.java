package org.lumbung.search;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A search as the page and the API ask for it: the query (Elasticsearch's simple query syntax), the page (from 1), the
 * page size, the order, and the facet values chosen (values of one facet are alternatives; facets combine). With a
 * cursor ({@code *} to start, then the {@code next_cursor} of the page before) it pages past the 10,000-hit window
 * instead of by page number; null without one. Grouped by works ({@code group=works}), it answers one hit per work and
 * counts works, not records ({@link WorkGrouping}).
 */
public record SearchRequest(String query, int page, int size, Sort sort, Map<Facet, List<String>> filters,
                            String cursor, boolean works) {

    public static final int DEFAULT_SIZE = 10;
    public static final int MAX_SIZE = 100;
    /** Elasticsearch answers from + size up to this window; deeper pages are refused with a reason. */
    public static final int MAX_WINDOW = 10_000;

    /** The orders offered: relevance, newest published first, title. */
    public enum Sort { RELEVANCE, NEWEST, TITLE }

    /** The cursor that starts a cursor-paged list. */
    public static final String FIRST_CURSOR = "*";

    public SearchRequest {
        query = query == null || query.isBlank() ? "*" : query.strip();
        filters = Map.copyOf(filters);
        QuerySyntax.check(query);
        if (page < 1 || size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("page must be 1 or more and size from 1 to " + MAX_SIZE);
        }
        if (cursor != null && cursor.isBlank()) {
            throw new IllegalArgumentException("cursor must be * to start, or the next_cursor of the page before");
        }
        if (cursor != null && page != 1) {
            throw new IllegalArgumentException("page cannot be combined with cursor: follow next_cursor instead");
        }
        if ((long) page * size > MAX_WINDOW) {
            throw new IllegalArgumentException("only the first " + MAX_WINDOW + " hits can be paged through;"
                    + " narrow the search with a facet, or page with cursor=*");
        }
    }

    public static SearchRequest of(String query, int size) {
        return new SearchRequest(query, 1, size, Sort.RELEVANCE, Map.of(), null, false);
    }

    /** Whether this asks for a page of a cursor-paged list. */
    public boolean cursorPaged() {
        return cursor != null;
    }

    /** Whether this asks for the first page of a cursor-paged list (a new point in time). */
    public boolean firstCursorPage() {
        return FIRST_CURSOR.equals(cursor);
    }

    public int from() {
        return (page - 1) * size;
    }

    /**
     * Reads a raw query string ({@code q=...&page=2&size=20&sort=newest&source=a&year=2021&year=2020}, or
     * {@code cursor=...} instead of {@code page}; {@code group=works} or {@code group=records}); a value that
     * makes no sense is the client's error (IllegalArgumentException, answered 400); unknown parameters are ignored.
     */
    public static SearchRequest parse(String rawQuery) {
        String q = null;
        Integer page = null;
        boolean offset = false;
        String cursor = null;
        int size = DEFAULT_SIZE;
        Sort sort = Sort.RELEVANCE;
        boolean works = false;
        Map<Facet, List<String>> filters = new EnumMap<>(Facet.class);
        for (String pair : rawQuery == null || rawQuery.isEmpty() ? new String[0] : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            switch (key) {
                case "q" -> q = value;
                case "page" -> page = number("page", value);
                case "size" -> size = number("size", value);
                case "sort" -> sort = sort(value);
                case "cursor" -> cursor = value;
                case "group" -> works = grouped(value);
                // Not a parameter of its own, but a client paging by offset sends it: with a cursor it is refused, saying why.
                case "from" -> offset = true;
                default -> Facet.byParameter(key).filter(f -> !value.isBlank()).ifPresent(f -> {
                    if (f == Facet.YEAR && !value.matches("\\d{1,4}")) {
                        throw new IllegalArgumentException("year must be a year such as 2021");
                    }
                    filters.computeIfAbsent(f, k -> new ArrayList<>()).add(value);
                });
            }
        }
        if (cursor != null && (page != null || offset)) {
            throw new IllegalArgumentException((offset ? "from" : "page")
                    + " cannot be combined with cursor: follow next_cursor instead");
        }
        return new SearchRequest(q, page == null ? 1 : page, size, sort, filters, cursor, works);
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the query string is not properly percent-encoded");
        }
    }

    private static int number(String name, String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, not '" + value + "'");
        }
    }

    private static boolean grouped(String value) {
        return switch (value.strip()) {
            case "works" -> true;
            case "records", "" -> false;
            default -> throw new IllegalArgumentException("group must be works or records");
        };
    }

    private static Sort sort(String value) {
        try {
            return value.isBlank() ? Sort.RELEVANCE : Sort.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("sort must be relevance, newest or title");
        }
    }
}
