package org.lumbung.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.lumbung.landing.PageFetchException;
import org.lumbung.landing.PageFetcher;
import org.lumbung.landing.PageInput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads what an ingest names, one document at a time: a file; every file of a folder; a list of URLs (a file of
 * nothing but http(s) addresses); a URL, fetched politely; a sitemap or sitemap index, and an OJS archive or issue
 * page, through the article pages they list. What cannot be read is reported, and the rest goes on.
 */
public final class PageReader {

    private static final Logger LOG = LoggerFactory.getLogger("lumbung.ingest");

    /** One document read: where from, the address it lives at (may be null), its bytes and type (may be null). */
    record Loaded(String location, String url, byte[] bytes, String contentType) {
    }

    /** What to do with each document, each unchanged page and each failure. */
    interface Visitor {
        void document(Loaded loaded);

        void unchanged(String url);

        void failed(String location, String reason);

        /** Requests repeated to fetch a page (after transport errors, 5xx, 429), for the source's metrics. */
        default void retried(int retries) {
        }
    }

    private final PageFetcher pages;

    PageReader(PageFetcher pages) {
        this.pages = pages;
    }

    void read(PageInput input, Visitor visitor) throws InterruptedException {
        String location = input.location();
        if (location.matches("(?i)https?://.*")) {
            readUrl(location, input.url(), null, visitor);
            return;
        }
        Path path = Path.of(location);
        try {
            if (Files.isDirectory(path)) {
                try (Stream<Path> files = Files.walk(path)) {
                    for (Path file : files.filter(Files::isRegularFile)
                            .filter(f -> !f.getFileName().toString().startsWith(".")).sorted().toList()) {
                        readFile(file, null, visitor);
                    }
                }
                return;
            }
            readFile(path, input.url(), visitor);
        } catch (IOException | RuntimeException e) {
            LOG.error("cannot read {}: {}", location, e.toString());
            visitor.failed(location, "cannot read: " + e);
        }
    }

    private void readFile(Path file, String url, Visitor visitor) throws IOException, InterruptedException {
        byte[] bytes = Files.readAllBytes(file);
        List<String> urls = urlList(bytes);
        if (urls != null) {
            for (String listed : urls) {
                readUrl(listed, null, null, visitor);
            }
            return;
        }
        visitor.document(new Loaded(file.toString(), url, bytes, null));
    }

    /** The addresses of a file that holds nothing else (blank lines and # comments aside); null otherwise. */
    public static List<String> urlList(byte[] bytes) {
        if (bytes.length > 10_000_000) {
            return null;
        }
        List<String> lines = new String(bytes, StandardCharsets.UTF_8).lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        return !lines.isEmpty() && lines.stream().allMatch(l -> l.matches("(?i)https?://\\S+")) ? lines : null;
    }

    /** A page, sitemap or listing; {@code origin} is where its address was found (null: the operator gave it). */
    private void readUrl(String url, String address, String origin, Visitor visitor) throws InterruptedException {
        try {
            PageFetcher.Fetched fetched = origin == null ? pages.fetch(url) : pages.fetch(url, origin);
            visitor.retried(fetched.retries());
            if (fetched.unchanged()) {
                visitor.unchanged(url);
                return;
            }
            LinkExpander expander = new LinkExpander(pages);
            List<String> listed = LinkExpander.isSitemap(fetched.body()) ? expander.sitemap(fetched)
                    : LinkExpander.isListing(fetched.url()) ? expander.listing(fetched) : null;
            if (listed == null) {
                visitor.document(new Loaded(url, address != null ? address : fetched.url(), fetched.body(),
                        fetched.contentType()));
                return;
            }
            LOG.info("{} lists {} article pages", url, listed.size());
            for (String article : listed) {
                readUrl(article, null, fetched.url(), visitor);
            }
        } catch (PageFetchException e) {
            LOG.error("{}", e.getMessage());
            visitor.retried(e.retries());
            visitor.failed(url, e.getMessage());
        }
    }
}
