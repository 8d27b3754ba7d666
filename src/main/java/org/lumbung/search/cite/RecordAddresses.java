package org.lumbung.search.cite;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Where Lumbung serves a record, as absolute addresses under its public base URL ({@code lumbung.http.public-url}):
 * the page, the JSON API and each citation export. Ids are percent-encoded, so any id makes a valid URI.
 */
public record RecordAddresses(String base) {

    public RecordAddresses {
        base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    public String page(String id) {
        return base + "/record?id=" + encode(id);
    }

    public String api(String id) {
        return base + "/api/record?id=" + encode(id);
    }

    public String export(String id, CitationFormat format) {
        return base + "/api/record/export?id=" + encode(id) + "&format=" + format.parameter();
    }

    private static String encode(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8);
    }
}
