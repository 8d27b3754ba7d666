package org.lumbung.camel;

import java.time.Duration;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.lumbung.http.HttpFetcher;
import org.lumbung.http.HttpOptions;
import org.lumbung.ingest.PageStream;
import org.lumbung.landing.LandingPage;
import org.lumbung.landing.PageFetcher;
import org.lumbung.landing.PageInput;
import org.lumbung.landing.PageValidators;

/**
 * The bean behind the {@code landing-page-source} Kamelet: article landing pages, from their addresses, sitemaps or
 * OJS archive and issue pages (each followed to its articles), files or folders, as a lazy sequence of
 * {@link LandingPage}s fetched a few ahead of the route, with robots.txt and the host's pace kept.
 */
public final class LandingPages {

    private List<String> locations = List.of();
    private String sourceId;
    private String userAgent = "Lumbung (landing page source Kamelet)";

    /** Addresses, sitemaps, archive pages, files or folders, separated by commas or white space. */
    public void setLocations(String locations) {
        this.locations = Arrays.stream(locations.split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
    }

    public void setSourceId(String sourceId) {
        this.sourceId = sourceId == null || sourceId.isBlank() ? null : sourceId;
    }

    public void setUserAgent(String userAgent) {
        this.userAgent = userAgent;
    }

    /** The pages, read one by one as the iterator is read. */
    public Iterator<LandingPage> pages() {
        HttpFetcher http = new HttpFetcher(new HttpOptions(Duration.ofSeconds(10), Duration.ofSeconds(60), userAgent,
                null));
        PageFetcher fetcher = new PageFetcher(http, PageValidators.NONE, PageFetcher.Limits.DEFAULT);
        return new PageStream(fetcher, locations.stream().map(l -> new PageInput(l, null)).toList(), sourceId);
    }
}
