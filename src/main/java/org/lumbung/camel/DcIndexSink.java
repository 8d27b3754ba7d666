package org.lumbung.camel;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.apache.camel.Service;
import org.lumbung.dc.Crosswalks;
import org.lumbung.dc.LanguageDetector;
import org.lumbung.harvest.RecordBatch;
import org.lumbung.index.DeadLetterStore;
import org.lumbung.index.EsConnection;
import org.lumbung.index.IndexLayout;
import org.lumbung.index.IndexSetup;
import org.lumbung.index.RawArchive;
import org.lumbung.index.Reindexer;
import org.lumbung.index.RecordIndexer;
import org.lumbung.landing.PageRecords;
import org.lumbung.pipeline.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bean behind the {@code dc-index-sink} Kamelet: each page of records is crosswalked to Dublin Core and indexed
 * (index template, alias and dead letters as Lumbung's own); the message becomes the page's {@link Outcome}.
 */
public final class DcIndexSink implements Service {

    private static final Logger LOG = LoggerFactory.getLogger("lumbung.index");

    private String elasticsearchUrl = "http://127.0.0.1:9200";
    private String indexPrefix = "lumbung";
    private String languages = "id,en,ms";
    private EsConnection es;
    private RecordIndexer indexer;
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

    @Override
    public synchronized void start() {
        if (es != null) {
            return;
        }
        IndexLayout layout = new IndexLayout(indexPrefix, 0);
        es = EsConnection.open(URI.create(elasticsearchUrl));
        LanguageDetector detector = new LanguageDetector(List.of(languages.split("\\s*,\\s*")), 400);
        crosswalks = Crosswalks.standard(detector);
        RawArchive archive = new RawArchive(crosswalks, new PageRecords(detector));
        try {
            if (new IndexSetup(es.client(), layout).ensure().isPresent()) {
                LOG.info("{}", new Reindexer(es.client(), layout, archive).reindex());
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot prepare the indices at " + elasticsearchUrl + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while rebuilding the records index", e);
        }
        indexer = new RecordIndexer(es.client(), layout, new RecordIndexer.BulkOptions(1000, 5L << 20, 1,
                Duration.ofSeconds(1)), new DeadLetterStore(es.client(), layout), archive);
    }

    /** Indexes the page and waits until every record is acknowledged or has failed. */
    public Outcome index(RecordBatch page) throws InterruptedException {
        start();
        return indexer.index(crosswalks.toDc(page)).await();
    }

    @Override
    public synchronized void stop() {
        if (indexer != null) {
            indexer.close();
        }
        if (es != null) {
            try {
                es.close();
            } catch (IOException e) {
                // nothing left to do with a closing client
            }
        }
        indexer = null;
        es = null;
    }
}
