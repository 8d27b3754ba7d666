package org.lumbung.search;

import co.elastic.clients.elasticsearch._types.FieldValue;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.lumbung.pipeline.Sha256;

/**
 * Where a cursor-paged result list stands: the Elasticsearch point in time it reads, the sort values of the last hit
 * sent (what {@code search_after} continues from) and a fingerprint of the search, so a cursor is only followed
 * with the search that wrote it. Clients see it as an opaque string: base64url of a small JSON object. It carries no
 * secret: the point in time only reads what the query would read anyway.
 */
public record SearchCursor(String pit, List<Object> after, String search) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String START_AGAIN = "; start again with cursor=*";

    public SearchCursor {
        // JSON reads small whole numbers back as Integer: keep one type per kind, as Elasticsearch sent them.
        List<Object> plain = new ArrayList<>();
        after.forEach(v -> plain.add(plain(v)));
        after = java.util.Collections.unmodifiableList(plain);
    }

    /** The last hit's sort values, as plain JSON values (numbers, strings, booleans, null). */
    public static SearchCursor after(String pit, List<FieldValue> sortValues, SearchRequest request) {
        List<Object> after = new ArrayList<>();
        for (FieldValue v : sortValues) {
            after.add(v.isNull() ? null : v.isLong() ? Long.valueOf(v.longValue()) : v.isDouble()
                    ? Double.valueOf(v.doubleValue()) : v.isBoolean() ? Boolean.valueOf(v.booleanValue())
                    : v.isString() ? v.stringValue() : v.anyValue().to(Object.class));
        }
        return new SearchCursor(pit, after, fingerprint(request));
    }

    public List<FieldValue> searchAfter() {
        return after.stream().map(SearchCursor::fieldValue).toList();
    }

    public String encode() {
        try {
            byte[] json = JSON.writeValueAsBytes(Map.of("pit", pit, "after", after, "search", search));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a cursor", e);
        }
    }

    /** Reads a cursor the client sent back; one Lumbung did not write, or written for another search, is refused. */
    public static SearchCursor decode(String cursor, SearchRequest request) {
        SearchCursor read;
        try {
            Map<?, ?> fields = JSON.readValue(Base64.getUrlDecoder().decode(cursor), Map.class);
            if (!(fields.get("pit") instanceof String pit) || !(fields.get("after") instanceof List<?> after)
                    || !(fields.get("search") instanceof String search) || after.isEmpty()
                    || !after.stream().allMatch(v -> v == null || v instanceof Number || v instanceof String
                    || v instanceof Boolean)) {
                throw new IllegalArgumentException("this cursor is not one Lumbung wrote" + START_AGAIN);
            }
            read = new SearchCursor(pit, new ArrayList<>(after), search);
        } catch (IllegalArgumentException | java.io.IOException e) {
            throw new IllegalArgumentException("this cursor is not one Lumbung wrote" + START_AGAIN, e);
        }
        if (!read.search.equals(fingerprint(request))) {
            throw new IllegalArgumentException("this cursor belongs to another search (q, sort and filters must stay"
                    + " the same while paging)" + START_AGAIN);
        }
        return read;
    }

    /** What must not change while paging: the query, the order and the filters (the page size may). */
    static String fingerprint(SearchRequest request) {
        Map<String, Object> search = new TreeMap<>();
        search.put("q", request.query());
        search.put("sort", request.sort().name());
        search.put("group", request.works() ? "works" : "records");
        request.filters().forEach((facet, values) -> search.put(facet.parameter(), values));
        if (request.narrowed()) {
            search.put("years", java.util.Arrays.asList(request.yearFrom(), request.yearTo()));
            search.put("open", request.openAccess());
        }
        try {
            return HexFormat.of().formatHex(Sha256.of(JSON.writeValueAsBytes(search)), 0, 12);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot fingerprint a search", e);
        }
    }

    private static Object plain(Object v) {
        if (v instanceof Double || v instanceof Float || v instanceof java.math.BigDecimal) {
            return ((Number) v).doubleValue();
        }
        return v instanceof Number n ? Long.valueOf(n.longValue()) : v;
    }

    private static FieldValue fieldValue(Object v) {
        if (v == null) {
            return FieldValue.NULL;
        }
        // Unboxed on purpose: FieldValue.of(Object) would make an untyped value.
        if (v instanceof Double d) {
            return FieldValue.of(d.doubleValue());
        }
        if (v instanceof Long n) {
            return FieldValue.of(n.longValue());
        }
        return v instanceof Boolean b ? FieldValue.of(b.booleanValue()) : FieldValue.of(v.toString());
    }
}
