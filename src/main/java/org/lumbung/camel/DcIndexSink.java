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
import org.lumbung.index.RecordIndexer;
import org.lumbung.pipeline.Outcome;

/**
 * The bean behind the {@code dc-index-sink} Kamelet: each page of records is crosswalked to Dublin Core and indexed
 * (index template, alias and dead letters as Lumbung's own); the message becomes the page's {@link Outcome}.
 */
public final class DcIndexSink implements Service {

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
        try {
            new IndexSetup(es.client(), layout).ensure();
        } catch (IOException e) {
            throw new IllegalStateException("cannot prepare the indices at " + elasticsearchUrl + ": " + e.getMessage(), e);
        }
        indexer = new RecordIndexer(es.client(), layout, new RecordIndexer.BulkOptions(1000, 5L << 20, 1,
                Duration.ofSeconds(1)), new DeadLetterStore(es.client(), layout));
        crosswalks = Crosswalks.standard(new LanguageDetector(List.of(languages.split("\\s*,\\s*")), 400));
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
