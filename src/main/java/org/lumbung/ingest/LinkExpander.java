package org.lumbung.ingest;

import crawlercommons.sitemaps.AbstractSiteMap;
import crawlercommons.sitemaps.SiteMap;
import crawlercommons.sitemaps.SiteMapIndex;
import crawlercommons.sitemaps.SiteMapParser;
import crawlercommons.sitemaps.SiteMapURL;
import crawlercommons.sitemaps.UnknownFormatException;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.lumbung.landing.PageFetchException;
import org.lumbung.landing.PageFetcher;

/**
 * Turns an address that lists articles into the articles' addresses: a sitemap (and the sitemaps of a sitemap index),
 * an OJS archive page (its issues, then their articles) or an OJS issue page (its articles). Any other address is a
 * page of its own. Galley links ({@code /article/view/34353/12345}, {@code /article/download/...}) are read as the
 * article they belong to.
 */
public final class LinkExpander {

    private static final Pattern ARTICLE = Pattern.compile("^(.*/article/view/\\d+)(/[^?#]*)?(\\?.*)?$");
    private static final Pattern ISSUE = Pattern.compile(".*/issue/view/[^/?#]+.*");
    private static final Pattern ARCHIVE = Pattern.compile(".*/issue/archive(/\\d+)?/?([?#].*)?$");

    private final PageFetcher fetcher;

    public LinkExpander(PageFetcher fetcher) {
        this.fetcher = fetcher;
    }

    static boolean isSitemap(byte[] body) {
        String head = new String(body, 0, Math.min(body.length, 1024), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
        return head.contains("<urlset") || head.contains("<sitemapindex");
    }

    static boolean isListing(String url) {
        return ARCHIVE.matcher(url).matches() || ISSUE.matcher(url).matches();
    }

    /** The article addresses in a sitemap or sitemap index (child sitemaps fetched politely). */
    public List<String> sitemap(PageFetcher.Fetched fetched) throws PageFetchException, InterruptedException {
        Set<String> out = new LinkedHashSet<>();
        SiteMapParser parser = new SiteMapParser(false);
        List<PageFetcher.Fetched> pending = new ArrayList<>(List.of(fetched));
        Set<String> seenMaps = new LinkedHashSet<>();
        while (!pending.isEmpty() && out.size() < fetcher.limits().maxLinks()) {
            PageFetcher.Fetched map = pending.remove(0);
            if (!seenMaps.add(map.url())) {
                continue;
            }
            AbstractSiteMap parsed;
            try {
                parsed = parser.parseSiteMap(map.contentType() == null ? "text/xml" : map.contentType(), map.body(),
                        new URL(map.url()));
            } catch (UnknownFormatException | IOException e) {
                throw new PageFetchException(map.url(), "unreadable sitemap: " + e.getMessage());
            }
            if (parsed instanceof SiteMapIndex index) {
                for (AbstractSiteMap child : index.getSitemaps()) {
                    pending.add(fetcher.fetch(child.getUrl().toString(), map.url()));
                }
            } else if (parsed instanceof SiteMap sitemap) {
                for (SiteMapURL entry : sitemap.getSiteMapUrls()) {
                    out.add(entry.getUrl().toString());
                }
            }
        }
        return limit(out);
    }

    /** The articles of an OJS archive page (through its issues) or issue page. */
    public List<String> listing(PageFetcher.Fetched fetched) throws PageFetchException, InterruptedException {
        Document page = Jsoup.parse(new String(fetched.body(), StandardCharsets.UTF_8), fetched.url());
        Set<String> articles = new LinkedHashSet<>(articles(page));
        if (ARCHIVE.matcher(fetched.url()).matches()) {
            for (String issue : links(page, ISSUE)) {
                if (articles.size() >= fetcher.limits().maxLinks()) {
                    break;
                }
                PageFetcher.Fetched issuePage = fetcher.fetch(issue, fetched.url());
                if (!issuePage.unchanged()) {
                    articles.addAll(articles(Jsoup.parse(new String(issuePage.body(), StandardCharsets.UTF_8),
                            issuePage.url())));
                }
            }
        }
        return limit(articles);
    }

    private static Set<String> articles(Document page) {
        Set<String> out = new LinkedHashSet<>();
        for (Element a : page.select("a[href]")) {
            Matcher m = ARTICLE.matcher(a.absUrl("href").replace("/article/download/", "/article/view/"));
            if (m.matches()) {
                out.add(m.group(1));
            }
        }
        return out;
    }

    private static Set<String> links(Document page, Pattern pattern) {
        Set<String> out = new LinkedHashSet<>();
        for (Element a : page.select("a[href]")) {
            String href = a.absUrl("href");
            if (pattern.matcher(href).matches() && !ARCHIVE.matcher(href).matches()) {
                out.add(URI.create(href).normalize().toString().replaceAll("#.*$", ""));
            }
        }
        return out;
    }

    private List<String> limit(Set<String> urls) {
        return new ArrayList<>(urls).subList(0, Math.min(urls.size(), fetcher.limits().maxLinks()));
    }
}
