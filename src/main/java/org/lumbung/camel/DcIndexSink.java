package org.lumbung.camel;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Service;
import org.lumbung.crosswalk.Crosswalks;
import org.lumbung.dc.DcBatch;
import org.lumbung.harvest.RecordBatch;
import org.lumbung.index.DeadLetterStore;
import org.lumbung.index.EsConnection;
import org.lumbung.index.IndexLayout;
import org.lumbung.index.IndexSetup;
import org.lumbung.index.RawArchive;
import org.lumbung.index.RecordIndexer;
import org.lumbung.ingest.PageStream;
import org.lumbung.landing.LandingPage;
import org.lumbung.landing.PageRecords;
import org.lumbung.language.LanguageDetector;
import org.lumbung.pipeline.Outcome;
import org.lumbung.pipeline.RecordFailure;
import org.lumbung.reindex.Reindexer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bean behind the {@code dc-index-sink} Kamelet: each page of OAI-PMH records is crosswalked to Dublin Core, each
 * landing page read by the extractors, and indexed (index template, alias, merging and dead letters as Lumbung's
 * own); the message becomes the page's {@link Outcome}.
 */
public final class DcIndexSink implements Service {

    private static final Logger LOG = LoggerFactory.getLogger("lumbung.index");

    private String elasticsearchUrl = "http://127.0.0.1:9200";
    private String indexPrefix = "lumbung";
    private String languages = "id,en,ms";
    private RecordIndexer indexer;
    private PageRecords pages;
    private Crosswalks crosswalks;

    public void setElasticsearchUrl(String elasticsearchUrl) {
        this.elasticsearchUrl = elasticsearchUrl;
    }

    public void setIndexPrefix(String indexPrefix) {
        this.indexPrefix = indexPrefix;
    }

    public void setLanguages(String languages) {
        this.languages = languages;
    }

    /**
     * One connection and one indexer per cluster and index prefix in this JVM, shared by every sink Kamelet that
     * writes there: the resolver that merges an OAI record with its landing page must see both routes' writes.
     */
    private static final class Shared {
        final EsConnection es;
        final RecordIndexer indexer;
        int users;

        Shared(EsConnection es, RecordIndexer indexer) {
            this.es = es;
            this.indexer = indexer;
        }
    }

    private static final Map<String, Shared> SHARED = new HashMap<>();

    private String key() {
        return elasticsearchUrl + " " + indexPrefix;
    }

    @Override
    public void start() {
        synchronized (SHARED) {
            if (indexer != null) {
                return;
            }
            LanguageDetector detector = new LanguageDetector(List.of(languages.split("\\s*,\\s*")), 400);
            crosswalks = Crosswalks.standard(detector);
            pages = new PageRecords(detector);
            Shared shared = SHARED.get(key());
            if (shared == null) {
                shared = open(new RawArchive(crosswalks, pages));
                SHARED.put(key(), shared);
            }
            shared.users++;
            indexer = shared.indexer;
        }
    }

    private Shared open(RawArchive archive) {
        IndexLayout layout = new IndexLayout(indexPrefix, 0);
        EsConnection es = EsConnection.open(URI.create(elasticsearchUrl));
        try {
            if (new IndexSetup(es.client(), layout).ensure().isPresent()) {
                new Reindexer(es.client(), layout, archive).reindex();
            }
        } catch (IOException e) {
            close(es);
            throw new IllegalStateException("cannot prepare the indices at " + elasticsearchUrl + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close(es);
            throw new IllegalStateException("interrupted while rebuilding the records index", e);
        }
        return new Shared(es, new RecordIndexer(es.client(), layout, new RecordIndexer.BulkOptions(1000, 5L << 20, 1,
                Duration.ofSeconds(1)), new DeadLetterStore(es.client(), layout), archive));
    }

    /**
     * Indexes what a source Kamelet sends and waits until every record is acknowledged or has failed: a page of an
     * OAI-PMH list ({@link RecordBatch}) or an article landing page ({@link LandingPage}), which joins the document of
     * its OAI record when there is one.
     */
    public Outcome index(Object body) throws InterruptedException {
        start();
        if (body instanceof RecordBatch page) {
            return indexer.index(crosswalks.toDc(page)).await();
        }
        if (body instanceof LandingPage page) {
            DcBatch batch;
            try {
                batch = new DcBatch(page.sourceId(), List.of(pages.read(page.url(), page.content(),
                        PageStream.isHtml(page), page.sourceId(), page.origin())), List.of());
            } catch (IllegalArgumentException e) {
                RecordFailure failure = new RecordFailure(page.sourceId(), page.url(), e.getMessage());
                LOG.error("{}", failure);
                batch = new DcBatch(page.sourceId(), List.of(), List.of(failure));
            }
            return indexer.index(batch).await();
        }
        throw new IllegalArgumentException("dc-index-sink takes pages of OAI-PMH records and landing pages, not "
                + (body == null ? "nothing" : body.getClass().getName()));
    }

    @Override
    public void stop() {
        synchronized (SHARED) {
            if (indexer == null) {
                return;
            }
            indexer = null;
            Shared shared = SHARED.get(key());
            if (shared != null && --shared.users == 0) {
                SHARED.remove(key());
                shared.indexer.close();
                close(shared.es);
            }
        }
    }

    private static void close(EsConnection es) {
        try {
            es.close();
        } catch (IOException e) {
            LOG.debug("closing the connection: {}", e.toString());
        }
    }
}
