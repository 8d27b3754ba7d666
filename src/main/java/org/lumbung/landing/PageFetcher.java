package org.lumbung.landing;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.lumbung.http.AddressGuard;
import org.lumbung.http.BotWall;
import org.lumbung.http.HttpFetcher;
import org.lumbung.http.RobotsRules;

/**
 * Fetches landing pages politely: robots.txt is obeyed (Crawl-delay included) for every address, redirects too; the
 * host's queue paces requests; the User-Agent names the operator; a page seen before is asked for conditionally
 * (ETag, Last-Modified) and an unchanged one costs a 304; redirects are followed up to a cap and a loop is recognised;
 * pages over the size limit or of a type that is no page are refused with the reason.
 */
public final class PageFetcher {

    /** Types a landing page, a sitemap or a list of pages may have. */
    private static final List<String> TYPES = List.of("text/html", "application/xhtml+xml", "text/plain", "text/xml",
            "application/xml", "application/rss+xml", "application/atom+xml");

    /** A fetched page: the address it was finally found at, its bytes and type, or that it is unchanged since. */
    public record Fetched(String url, byte[] body, String contentType, boolean unchanged, int retries) {
    }

    /** Limits of page fetching. */
    public record Limits(long maxBytes, int maxRedirects, String robotsAgent, Duration robotsTtl, int maxLinks) {
        public static final Limits DEFAULT = new Limits(8L << 20, 5, "Lumbung", Duration.ofHours(1), 2000);
    }

    private final HttpFetcher http;
    private final PageValidators validators;
    private final Limits limits;
    private final RobotsRules robots;

    public PageFetcher(HttpFetcher http, PageValidators validators, Limits limits) {
        this.http = http;
        this.validators = validators;
        this.limits = limits;
        this.robots = new RobotsRules(http, limits.robotsAgent(), limits.robotsTtl());
    }

    public Limits limits() {
        return limits;
    }

    /** A page at an address the operator gave: its host is trusted. */
    public Fetched fetch(String url) throws PageFetchException, InterruptedException {
        return fetch(url, url);
    }

    /**
     * A page at an address found in {@code origin} (a sitemap, an archive page): it may be on the origin's host, or on
     * a public address; the same holds for every redirect.
     */
    public Fetched fetch(String url, String origin) throws PageFetchException, InterruptedException {
        String trustedHost = hostOf(origin);
        Set<String> visited = new LinkedHashSet<>();
        List<String> chain = new java.util.ArrayList<>();
        String current = url;
        while (true) {
            chain.add(current);
            if (!visited.add(current)) {
                throw new PageFetchException(url, "redirect loop: " + String.join(" -> ", chain));
            }
            if (visited.size() > limits.maxRedirects() + 1) {
                throw new PageFetchException(url, "more than " + limits.maxRedirects() + " redirects");
            }
            HttpFetcher.Response response = get(current, trustedHost);
            int status = response.status();
            if (status >= 300 && status < 400 && status != 304) {
                String location = response.header("Location").orElseThrow(() ->
                        new PageFetchException(url, "redirect " + status + " without a Location"));
                current = URI.create(current).resolve(location.trim()).toString();
                continue;
            }
            return answer(url, current, response);
        }
    }

    private static String hostOf(String url) {
        try {
            return AddressGuard.authority(URI.create(url));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private HttpFetcher.Response get(String url, String trustedHost) throws PageFetchException, InterruptedException {
        if (!url.matches("(?i)https?://.+")) {
            throw new PageFetchException(url, "not an http(s) address");
        }
        try {
            http.guard().check(URI.create(url), trustedHost);
        } catch (AddressGuard.BlockedAddressException e) {
            throw new PageFetchException(url, e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new PageFetchException(url, "not an address: " + e.getMessage());
        }
        if (!robots.allowed(url)) {
            throw new PageFetchException(url, "robots.txt of " + URI.create(url).getHost() + " forbids it");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        PageValidators.Validators known = validators.get(url);
        if (known != null && known.etag() != null) {
            headers.put("If-None-Match", known.etag());
        }
        if (known != null && known.lastModified() != null) {
            headers.put("If-Modified-Since", known.lastModified());
        }
        HttpFetcher.Politeness politeness = new HttpFetcher.Politeness(robots.crawlDelay(url), true);
        try {
            return http.get(new HttpFetcher.Request(url, politeness, headers, false, limits.maxBytes(), trustedHost));
        } catch (HttpFetcher.TooLargeException e) {
            throw new PageFetchException(url, "page larger than " + limits.maxBytes() + " bytes");
        } catch (IOException e) {
            int retries = e instanceof HttpFetcher.FetchException f ? f.attempts() - 1 : 0;
            throw new PageFetchException(url, "cannot fetch: " + HttpFetcher.describe(e), retries);
        }
    }

    private Fetched answer(String asked, String url, HttpFetcher.Response response) throws PageFetchException {
        int status = response.status();
        if (status == 304) {
            return new Fetched(url, new byte[0], null, true, response.attempts() - 1);
        }
        Optional<String> wall = BotWall.recognise(status, response.headers(),
                response.body());
        if (wall.isPresent()) {
            throw new PageFetchException(asked, "blocked by bot protection: " + wall.get() + " answered with a "
                    + "challenge (status " + status + "); " + BotWall.advice(http.userAgent(),
                    http.publicAddress()));
        }
        if (status != 200) {
            throw new PageFetchException(asked, (status == 404 || status == 410 ? "not found" : "the site answered")
                    + " (status " + status + (url.equals(asked) ? "" : " at " + url) + ")");
        }
        String type = response.contentType() == null ? null
                : response.contentType().split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (type != null && !type.isEmpty() && !TYPES.contains(type)) {
            throw new PageFetchException(asked, "not a page: content type " + type);
        }
        String etag = response.header("ETag").orElse(null);
        String modified = response.header("Last-Modified").orElse(null);
        if (etag != null || modified != null) {
            validators.put(url, new PageValidators.Validators(etag, modified));
        }
        return new Fetched(url, response.body(), response.contentType(), false, response.attempts() - 1);
    }
}
