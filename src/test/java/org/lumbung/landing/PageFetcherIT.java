package org.lumbung.landing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.lumbung.http.HostQueues;
import org.lumbung.http.HttpFetcher;
import org.lumbung.http.HttpOptions;
import org.lumbung.http.RetryPolicy;
import org.lumbung.ingest.LinkExpander;
import org.lumbung.ingest.PageReader;
import org.lumbung.testing.WebSite;
import org.lumbung.testing.WebSite.Page;

/** Fetching landing pages politely from a real web server on 127.0.0.1. */
class PageFetcherIT {

    private static final String ARTICLE = "<html><head><meta name=\"citation_title\" content=\"Judul %s\"></head></html>";

    /** Remembers validators in memory, as the index does between runs. */
    private static final class Remembered implements PageValidators {
        final Map<String, Validators> known = new ConcurrentHashMap<>();

        @Override
        public Validators get(String url) {
            return known.get(url);
        }

        @Override
        public void put(String url, Validators validators) {
            known.put(url, validators);
        }
    }

    private static PageFetcher fetcher(PageValidators validators, long maxBytes) {
        HttpFetcher http = new HttpFetcher(new HttpOptions(Duration.ofSeconds(1), Duration.ofMillis(800),
                "Lumbung/test (+ops@example.org)", "ops@example.org"),
                new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofSeconds(1)),
                new HostQueues(1, Duration.ZERO));
        return new PageFetcher(http, validators, new PageFetcher.Limits(maxBytes, 3, "Lumbung", Duration.ofHours(1), 100));
    }

    private static PageFetcher fetcher() {
        return fetcher(PageValidators.NONE, 1 << 20);
    }

    @Test
    void obeysRobotsTxtAndItsCrawlDelay() throws Exception {
        try (WebSite site = new WebSite()) {
            site.page("/robots.txt", Page.of(200, "text/plain",
                    "User-agent: *\nDisallow: /private/\nCrawl-delay: 1\n\nUser-agent: BadBot\nDisallow: /\n"));
            site.page("/article/1", Page.html(ARTICLE.formatted(1))).page("/article/2", Page.html(ARTICLE.formatted(2)));
            site.page("/private/secret", Page.html(ARTICLE.formatted("secret")));
            PageFetcher fetcher = fetcher();
            long start = System.nanoTime();
            fetcher.fetch(site.url("/article/1"));
            fetcher.fetch(site.url("/article/2"));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("Crawl-delay: 1 paces the two pages")
                    .isGreaterThanOrEqualTo(Duration.ofMillis(950));
            assertThatThrownBy(() -> fetcher.fetch(site.url("/private/secret")))
                    .hasMessageContaining("robots.txt of 127.0.0.1 forbids it");
            assertThat(site.requests()).containsExactly("/robots.txt", "/article/1", "/article/2");
            assertThat(site.lastHeader("/article/1", "User-Agent")).isEqualTo("Lumbung/test (+ops@example.org)");
        }
    }

    @Test
    void followsRedirectsUpToTheCapAndRecognisesALoop() throws Exception {
        try (WebSite site = new WebSite()) {
            site.page("/old", Page.redirect("/older")).page("/older", Page.redirect(site.url("/new")))
                    .page("/new", Page.html(ARTICLE.formatted("baru")));
            site.page("/a", Page.redirect("/b")).page("/b", Page.redirect("/a"));
            site.page("/r1", Page.redirect("/r2")).page("/r2", Page.redirect("/r3")).page("/r3", Page.redirect("/r4"))
                    .page("/r4", Page.redirect("/r5")).page("/r5", Page.html(ARTICLE.formatted("far")));
            PageFetcher.Fetched moved = fetcher().fetch(site.url("/old"));
            assertThat(moved.url()).isEqualTo(site.url("/new"));
            assertThat(new String(moved.body(), StandardCharsets.UTF_8)).contains("Judul baru");
            assertThatThrownBy(() -> fetcher().fetch(site.url("/a"))).hasMessageContaining("redirect loop: "
                    + site.url("/a") + " -> " + site.url("/b") + " -> " + site.url("/a"));
            assertThatThrownBy(() -> fetcher().fetch(site.url("/r1"))).hasMessageContaining("more than 3 redirects");
        }
    }

    @Test
    void aPageStallingMidBodyIsAbortedAndFetchedAgain() throws Exception {
        try (WebSite site = new WebSite()) {
            site.stallsMidBodyOnce("/article/stalls", ARTICLE.formatted("lambat"), 30_000);
            long start = System.nanoTime();
            PageFetcher.Fetched page = fetcher().fetch(site.url("/article/stalls"));
            assertThat(new String(page.body(), StandardCharsets.UTF_8)).contains("Judul lambat");
            assertThat(site.requests()).containsExactly("/robots.txt", "/article/stalls", "/article/stalls");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("cut off after the 800 ms read timeout")
                    .isLessThan(Duration.ofSeconds(15));
        }
    }

    @Test
    void refusesMissingBrokenSlowHugeAndNonPageAnswersWithTheReason() throws Exception {
        try (WebSite site = new WebSite()) {
            site.page("/error", Page.of(500, "text/html", "oops"));
            site.page("/slow", new Page(200, Map.of("Content-Type", "text/html"), "late".getBytes(), 3000));
            site.page("/huge", Page.html("<html>" + "x".repeat(200_000) + "</html>"));
            site.page("/picture", Page.of(200, "image/png", "PNG"));
            PageFetcher fetcher = fetcher(PageValidators.NONE, 100_000);
            assertThatThrownBy(() -> fetcher.fetch(site.url("/gone"))).hasMessageContaining("not found (status 404)");
            assertThatThrownBy(() -> fetcher.fetch(site.url("/error"))).hasMessageContaining("status 500");
            assertThatThrownBy(() -> fetcher.fetch(site.url("/slow"))).hasMessageContaining("timed out");
            assertThatThrownBy(() -> fetcher.fetch(site.url("/huge"))).hasMessageContaining("page larger than 100000 bytes");
            assertThatThrownBy(() -> fetcher.fetch(site.url("/picture"))).hasMessageContaining("content type image/png");
        }
    }

    @Test
    void asksConditionallyOnARevisitAndAnUnchangedPageCostsA304() throws Exception {
        try (WebSite site = new WebSite()) {
            site.page("/article/7", new Page(200, Map.of("Content-Type", "text/html", "ETag", "\"v1\"",
                    "Last-Modified", "Wed, 25 Nov 2026 10:00:00 GMT"), ARTICLE.formatted(7).getBytes(), 0));
            PageFetcher fetcher = fetcher(new Remembered(), 1 << 20);
            assertThat(fetcher.fetch(site.url("/article/7")).unchanged()).isFalse();
            PageFetcher.Fetched again = fetcher.fetch(site.url("/article/7"));
            assertThat(again.unchanged()).isTrue();
            assertThat(site.lastHeader("/article/7", "If-None-Match")).isEqualTo("\"v1\"");
            assertThat(site.lastHeader("/article/7", "If-Modified-Since")).isEqualTo("Wed, 25 Nov 2026 10:00:00 GMT");
        }
    }

    @Test
    void readsTheArticlesOfASitemapIndexAndOfAnOjsArchive() throws Exception {
        try (WebSite site = new WebSite()) {
            site.page("/sitemap_index.xml", Page.of(200, "application/xml", """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                      <sitemap><loc>%s</loc></sitemap><sitemap><loc>%s</loc></sitemap>
                    </sitemapindex>""".formatted(site.url("/sitemap-1.xml"), site.url("/sitemap-2.xml"))));
            site.page("/sitemap-1.xml", Page.of(200, "application/xml", urlset(site.url("/a/1"), site.url("/a/2"))));
            site.page("/sitemap-2.xml", Page.of(200, "application/xml", urlset(site.url("/a/3"))));
            site.page("/index.php/jhi/issue/archive", Page.html("<html><body>"
                    + "<a href=\"/index.php/jhi/issue/view/12\">Vol 12</a><a href=\"/index.php/jhi/issue/view/11\">Vol 11</a>"
                    + "</body></html>"));
            site.page("/index.php/jhi/issue/view/12", Page.html("<html><body>"
                    + "<a href=\"/index.php/jhi/article/view/120\">One</a>"
                    + "<a href=\"/index.php/jhi/article/view/120/998\">PDF</a>"
                    + "<a href=\"/index.php/jhi/article/download/121/999\">PDF</a></body></html>"));
            site.page("/index.php/jhi/issue/view/11", Page.html("<html><body>"
                    + "<a href=\"/index.php/jhi/article/view/110\">Old</a></body></html>"));
            PageFetcher fetcher = fetcher();
            LinkExpander expander = new LinkExpander(fetcher);
            assertThat(expander.sitemap(fetcher.fetch(site.url("/sitemap_index.xml"))))
                    .containsExactly(site.url("/a/1"), site.url("/a/2"), site.url("/a/3"));
            assertThat(expander.listing(fetcher.fetch(site.url("/index.php/jhi/issue/archive")))).containsExactly(
                    site.url("/index.php/jhi/article/view/120"), site.url("/index.php/jhi/article/view/121"),
                    site.url("/index.php/jhi/article/view/110"));
        }
    }

    @Test
    void readsAListOfUrlsAsUrls() {
        assertThat(PageReader.urlList("# journal pages\nhttps://a.example/1\n\nhttp://b.example/2 \n".getBytes()))
                .containsExactly("https://a.example/1", "http://b.example/2");
        assertThat(PageReader.urlList("Title\nhttps://a.example/1\n".getBytes())).isNull();
        List<String> none = new ArrayList<>();
        assertThat(PageReader.urlList(new byte[0])).isEqualTo(none.isEmpty() ? null : none);
    }

    private static String urlset(String... urls) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">");
        for (String url : urls) {
            xml.append("<url><loc>").append(url).append("</loc></url>");
        }
        return xml.append("</urlset>").toString();
    }
}
