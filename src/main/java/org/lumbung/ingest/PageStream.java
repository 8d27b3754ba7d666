package org.lumbung.ingest;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.lumbung.landing.LandingPage;
import org.lumbung.landing.PageCharset;
import org.lumbung.landing.PageFetcher;
import org.lumbung.landing.PageInput;
import org.lumbung.landing.PageRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Landing pages read from addresses, sitemaps, OJS archives, files or folders, as a stream the consumer pulls: a
 * reader thread fetches (politely: robots.txt, the host's pace) a few pages ahead and waits while the consumer is
 * behind, so a sitemap of ten thousand pages never sits in memory. A page that cannot be read is logged with its
 * address and reason and skipped.
 */
public final class PageStream implements Iterator<LandingPage>, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger("lumbung.ingest");
    private static final LandingPage END = new LandingPage("", "", "", "");

    private final BlockingQueue<LandingPage> ahead = new ArrayBlockingQueue<>(4);
    private final Thread reader;
    private LandingPage next;

    public PageStream(PageFetcher fetcher, List<PageInput> inputs, String sourceId) {
        PageReader pages = new PageReader(fetcher);
        this.reader = new Thread(() -> read(pages, inputs, sourceId), "lumbung-page-stream");
        reader.setDaemon(true);
        reader.start();
    }

    private void read(PageReader pages, List<PageInput> inputs, String sourceId) {
        PageReader.Visitor visitor = new PageReader.Visitor() {
            @Override
            public void document(PageReader.Loaded loaded) {
                String content = PageCharset.decode(loaded.bytes(), loaded.contentType());
                String url = loaded.url() != null ? loaded.url()
                        : Path.of(loaded.location()).toAbsolutePath().toUri().toString();
                String source = sourceId != null ? sourceId : PageIngester.sourceFor(url);
                try {
                    ahead.put(new LandingPage(url, content, source, loaded.location()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }

            @Override
            public void unchanged(String url) {
                LOG.debug("{} unchanged since it was last read", url);
            }

            @Override
            public void failed(String location, String reason) {
                LOG.error("source {}, page {}: {}", sourceId == null ? "-" : sourceId, location, reason);
            }
        };
        try {
            for (PageInput input : inputs) {
                pages.read(input, visitor);
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (RuntimeException e) {
            LOG.error("source {}: reading pages stopped: {}", sourceId == null ? "-" : sourceId, e.toString());
        }
        try {
            ahead.put(END);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            try {
                next = ahead.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                next = END;
            }
        }
        return next != END;
    }

    @Override
    public LandingPage next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        LandingPage page = next;
        next = null;
        return page;
    }

    /** Stops reading ahead. */
    @Override
    public void close() {
        reader.interrupt();
    }

    /** Whether a page's content is HTML rather than a text dump. */
    public static boolean isHtml(LandingPage page) {
        return PageRecords.looksLikeHtml(page.content().substring(0, Math.min(page.content().length(), 2048)));
    }
}
