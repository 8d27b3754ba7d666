package org.lumbung.search;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * A search as the page and the API ask for it: the query (Elasticsearch's simple query syntax), the page (from 1), the
 * page size, the order, and the facet values chosen (values of one facet are alternatives; facets combine). With a
 * cursor ({@code *} to start, then the {@code next_cursor} of the page before) it pages past the 10,000-hit window
 * instead of by page number; null without one. Beside the facets, the years published ({@code yearFrom} to
 * {@code yearTo}, either open: null) and open access only. Grouped by works ({@code group=works}), it answers one hit
 * per work and counts works, not records ({@link WorkGrouping}).
 */
public record SearchRequest(String query, int page, int size, Sort sort, Map<Facet, List<String>> filters,
                            String cursor, Integer yearFrom, Integer yearTo, boolean openAccess, boolean works) {

    public static final int DEFAULT_SIZE = 10;
    public static final int MAX_SIZE = 100;
    /** Elasticsearch answers from + size up to this window; deeper pages are refused with a reason. */
    public static final int MAX_WINDOW = 10_000;

    /** The orders offered: relevance, newest published first, title, most recently added or changed first. */
    public enum Sort { RELEVANCE, NEWEST, TITLE, ADDED }

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
        if (yearFrom != null && yearTo != null && yearFrom > yearTo) {
            throw new IllegalArgumentException("the years run backwards: year_from " + yearFrom + " is after year_to "
                    + yearTo);
        }
        if ((long) page * size > MAX_WINDOW) {
            throw new IllegalArgumentException("only the first " + MAX_WINDOW + " hits can be paged through;"
                    + " narrow the search with a facet, or page with cursor=*");
        }
    }

    public SearchRequest(String query, int page, int size, Sort sort, Map<Facet, List<String>> filters,
                         String cursor) {
        this(query, page, size, sort, filters, cursor, false);
    }

    public SearchRequest(String query, int page, int size, Sort sort, Map<Facet, List<String>> filters,
                         String cursor, boolean works) {
        this(query, page, size, sort, filters, cursor, null, null, false, works);
    }

    /**
     * The records this search finds, from the first in another order, with no cursor and not grouped by works: what
     * a feed of it holds.
     */
    public SearchRequest ordered(Sort order) {
        return new SearchRequest(query, 1, size, order, filters, null, yearFrom, yearTo, openAccess, false);
    }

    /**
     * The query string that asks for this search's results again, as {@link #parse} reads it: {@code q}, the facet
     * values in the facets' order, the year range, open access, the works grouping and a size that is not the default
     * (no page, sort or cursor); empty when it asks for everything. A parameter added to {@link #parse} belongs here
     * too.
     */
    public String queryString() {
        StringJoiner q = new StringJoiner("&", "?", "").setEmptyValue("");
        if (!"*".equals(query)) {
            q.add("q=" + encode(query));
        }
        for (Facet facet : Facet.values()) {
            filters.getOrDefault(facet, List.of()).forEach(v -> q.add(facet.parameter() + "=" + encode(v)));
        }
        if (yearFrom != null) {
            q.add("year_from=" + yearFrom);
        }
        if (yearTo != null) {
            q.add("year_to=" + yearTo);
        }
        if (openAccess) {
            q.add("open=true");
        }
        if (works) {
            q.add("group=works");
        }
        if (size != DEFAULT_SIZE) {
            q.add("size=" + size);
        }
        return q.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    public static SearchRequest of(String query, int size) {
        return new SearchRequest(query, 1, size, Sort.RELEVANCE, Map.of(), null, false);
    }

    /** Whether a year range or open access only narrows the search, beside the facet values. */
    public boolean narrowed() {
        return yearFrom != null || yearTo != null || openAccess;
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
     * {@code cursor=...} instead of {@code page}; {@code year_from=2019&year_to=2021}, {@code open=true};
     * {@code group=works} or {@code group=records}); a value that
     * makes no sense is the client's error (IllegalArgumentException, answered 400); unknown parameters are ignored.
     */
    public static SearchRequest parse(String rawQuery) {
        String q = null;
        Integer page = null;
        boolean offset = false;
        String cursor = null;
        int size = DEFAULT_SIZE;
        Sort sort = Sort.RELEVANCE;
        Integer yearFrom = null;
        Integer yearTo = null;
        boolean open = false;
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
                case "year_from" -> yearFrom = value.isBlank() ? null : year("year_from", value);
                case "year_to" -> yearTo = value.isBlank() ? null : year("year_to", value);
                case "open" -> open = switch (value.strip()) {
                    case "", "false", "0" -> false;
                    case "true", "1", "on" -> true;
                    default -> throw new IllegalArgumentException("open must be true or false, not '" + value + "'");
                };
                case "group" -> works = grouped(value);
                // Not a parameter of its own, but a client paging by offset sends it: with a cursor it is refused, saying why.
                case "from" -> offset = true;
                default -> Facet.byParameter(key).filter(f -> !value.isBlank()).ifPresent(f -> {
                    if (f == Facet.YEAR) {
                        year("year", value);
                    }
                    filters.computeIfAbsent(f, k -> new ArrayList<>()).add(value);
                });
            }
        }
        if (cursor != null && (page != null || offset)) {
            throw new IllegalArgumentException((offset ? "from" : "page")
                    + " cannot be combined with cursor: follow next_cursor instead");
        }
        return new SearchRequest(q, page == null ? 1 : page, size, sort, filters, cursor, yearFrom, yearTo, open,
                works);
    }

    private static int year(String name, String value) {
        if (!value.strip().matches("\\d{1,4}")) {
            throw new IllegalArgumentException(name + " must be a year such as 2021, not '" + value + "'");
        }
        return Integer.parseInt(value.strip());
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
            throw new IllegalArgumentException("sort must be relevance, newest, title or added");
        }
    }
}
