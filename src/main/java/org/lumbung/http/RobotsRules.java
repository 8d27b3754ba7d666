package org.lumbung.http;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Each host's robots.txt, fetched once and trusted for a while: which paths Lumbung may fetch and how long it must
 * wait between requests (Crawl-delay). A missing robots.txt (4xx) allows everything; a failing one (5xx, no answer)
 * forbids the host for now, as the common crawlers do.
 */
public final class RobotsRules {

    private record Entry(BaseRobotRules rules, long fetchedAt) {
    }

    private final HttpFetcher http;
    private final String agent;
    private final Duration ttl;
    private final SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
    private final ConcurrentMap<String, Entry> hosts = new ConcurrentHashMap<>();

    public RobotsRules(HttpFetcher http, String agent, Duration ttl) {
        this.http = http;
        this.agent = agent.toLowerCase(Locale.ROOT);
        this.ttl = ttl;
    }

    public boolean allowed(String url) throws InterruptedException {
        return rules(url).isAllowed(url);
    }

    /** The host's Crawl-delay, or zero. */
    public Duration crawlDelay(String url) throws InterruptedException {
        long delay = rules(url).getCrawlDelay();
        return delay > 0 ? Duration.ofMillis(delay) : Duration.ZERO;
    }

    private BaseRobotRules rules(String url) throws InterruptedException {
        URI uri = URI.create(url);
        String key = uri.getScheme() + "://" + uri.getRawAuthority();
        Entry entry = hosts.get(key);
        if (entry == null || System.nanoTime() - entry.fetchedAt() > ttl.toNanos()) {
            entry = new Entry(fetch(key + "/robots.txt"), System.nanoTime());
            hosts.put(key, entry);
        }
        return entry.rules();
    }

    private BaseRobotRules fetch(String robotsUrl) throws InterruptedException {
        try {
            HttpFetcher.Response response = http.get(robotsUrl);
            if (response.status() == 200) {
                return parser.parseContent(robotsUrl, response.body(),
                        response.contentType() == null ? "text/plain" : response.contentType(), List.of(agent));
            }
            return parser.failedFetch(response.status());
        } catch (IOException e) {
            return parser.failedFetch(503);
        }
    }
}
