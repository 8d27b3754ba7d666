package org.lumbung.search;

import java.util.Locale;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.component.platform.http.PlatformHttpEndpoint;
import org.apache.camel.spi.HeaderFilterStrategy;

/**
 * Which headers cross Lumbung's HTTP server, for every route it serves. Camel turns every query parameter and request
 * header into a message header and copies message headers back onto the response, so {@code ?Set-Cookie=...} or
 * {@code ?Location=...} would be answered as a response header, and a CR/LF in {@code q} would make Vert.x fail the
 * response with a 500.
 * <p>
 * Two rules make the allow-list safe: a request header or parameter named like one of {@link #RESPONSE_HEADERS} never
 * becomes a message header, so every such header on a message was set by a route; and only those names leave.
 */
public final class ResponseHeaderFilter implements HeaderFilterStrategy {

    /**
     * The headers Lumbung sends (lower case). Link is for FAIR signposting (a record's page), Content-Disposition names
     * a citation export's file, Location and Set-Cookie only ever as a route sets them, Set-Cookie only on the
     * operator page's routes. Content-Length is written by the server from the
     * body.
     */
    public static final Set<String> RESPONSE_HEADERS = Set.of("content-type", "content-length", "cache-control",
            "content-security-policy", "x-content-type-options", "www-authenticate", "retry-after", "link",
            "content-disposition", "location", "set-cookie");
    /** The paths whose routes may set a cookie: the operator page's login session. */
    static final String COOKIE_PATHS = "/admin/ui";

    /** Out: only Lumbung's own headers, and never a value that would split the response. */
    @Override
    public boolean applyFilterToCamelHeaders(String name, Object value, Exchange exchange) {
        return !RESPONSE_HEADERS.contains(name.toLowerCase(Locale.ROOT)) || name.equalsIgnoreCase("content-length")
                || name.equalsIgnoreCase("set-cookie") && !maySetCookies(exchange) || splitsTheResponse(value);
    }

    /** Whether the route answering is one of the operator page's: known from the endpoint it consumes from. */
    private static boolean maySetCookies(Exchange exchange) {
        return exchange != null && exchange.getFromEndpoint() instanceof PlatformHttpEndpoint endpoint
                && (endpoint.getPath().equals(COOKIE_PATHS) || endpoint.getPath().startsWith(COOKIE_PATHS + "/"));
    }

    /** In: request headers and query parameters, except those named like a response header, and Camel's own. */
    @Override
    public boolean applyFilterToExternalHeaders(String name, Object value, Exchange exchange) {
        String lower = name.toLowerCase(Locale.ROOT);
        return RESPONSE_HEADERS.contains(lower) || lower.startsWith("camel") || lower.startsWith("org.apache.camel");
    }

    private static boolean splitsTheResponse(Object value) {
        String text = String.valueOf(value);
        return text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0;
    }
}
