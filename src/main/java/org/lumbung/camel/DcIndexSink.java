package org.lumbung.camel;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Service;
import org.lumbung.config.Components;
import org.lumbung.config.Lumbung;
import org.lumbung.config.Settings;
import org.lumbung.dc.DcBatch;
import org.lumbung.es.NodeStartException;
import org.lumbung.harvest.RecordBatch;
import org.lumbung.ingest.PageStream;
import org.lumbung.landing.LandingPage;
import org.lumbung.landing.PageRecords;
import org.lumbung.pipeline.Outcome;
import org.lumbung.pipeline.RecordFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bean behind the {@code dc-index-sink} Kamelet: each page of OAI-PMH records is crosswalked to Dublin Core, each
 * landing page read by the extractors, and indexed (index template, alias, merging and dead letters as Lumbung's
 * own); the message becomes the page's {@link Outcome}. Its parts are Lumbung's own, built by {@link Lumbung} from
 * the settings: the Kamelet's properties where given, else the environment ({@code LUMBUNG_*}, where the secrets
 * come from too), else application.properties.
 */
public final class DcIndexSink implements Service {

    private static final Logger LOG = LoggerFactory.getLogger("lumbung.index");

    private final KameletSettings properties = new KameletSettings();
    private Components parts;
    private PageRecords pages;

    public void setElasticsearchUrl(String elasticsearchUrl) {
        properties.set("lumbung.es.url", elasticsearchUrl);
    }

    public void setIndexPrefix(String indexPrefix) {
        properties.set("lumbung.index.prefix", indexPrefix);
    }

    public void setLanguages(String languages) {
        properties.set("lumbung.language.candidates", languages);
    }

    public void setBulkOperations(String bulkOperations) {
        properties.set("lumbung.index.bulk-operations", bulkOperations);
    }

    public void setBulkBytes(String bulkBytes) {
        properties.set("lumbung.index.bulk-bytes", bulkBytes);
    }

    public void setBulkConcurrency(String bulkConcurrency) {
        properties.set("lumbung.index.bulk-concurrency", bulkConcurrency);
    }

    public void setFlushInterval(String flushInterval) {
        properties.set("lumbung.index.flush-interval", flushInterval);
    }

    /**
     * The settings of this sink. A Kamelet has no embedded Elasticsearch to start: without a URL anywhere it writes
     * to the local node on lumbung.es.port.
     */
    Settings settings() {
        Settings settings = properties.settings();
        return !settings.esUrls().isEmpty() ? settings
                : properties.settings("lumbung.es.url", "http://127.0.0.1:" + settings.esPort());
    }

    /**
     * One Lumbung per cluster and index prefix in this JVM, shared by every sink Kamelet that writes there: the
     * resolver that merges an OAI record with its landing page must see both routes' writes.
     */
    private static final class Shared {
        final Lumbung lumbung;
        int users;

        Shared(Lumbung lumbung) {
            this.lumbung = lumbung;
        }
    }

    private static final Map<String, Shared> SHARED = new HashMap<>();

    private static String key(Settings settings) {
        return settings.get("lumbung.es.url") + " " + settings.indexPrefix();
    }

    @Override
    public void start() {
        synchronized (SHARED) {
            if (parts != null) {
                return;
            }
            Settings settings = settings();
            Shared shared = SHARED.get(key(settings));
            if (shared == null) {
                shared = new Shared(open(settings));
                SHARED.put(key(settings), shared);
            }
            shared.users++;
            parts = shared.lumbung.components();
            pages = new PageRecords(parts.detector());
        }
    }

    /** Connects with the settings' credentials, prepares the indices and rebuilds an outdated records index. */
    private static Lumbung open(Settings settings) {
        try {
            return Lumbung.start(settings);
        } catch (IOException | NodeStartException e) {
            throw new IllegalStateException("cannot prepare the indices at " + settings.get("lumbung.es.url") + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Indexes what a source Kamelet sends and waits until every record is acknowledged or has failed: a page of an
     * OAI-PMH list ({@link RecordBatch}) or an article landing page ({@link LandingPage}), which joins the document of
     * its OAI record when there is one.
     */
    public Outcome index(Object body) throws InterruptedException {
        start();
        if (body instanceof RecordBatch page) {
            return parts.indexer().index(parts.crosswalks().toDc(page)).await();
        }
        if (body instanceof LandingPage page) {
            DcBatch batch;
            try {
                batch = new DcBatch(page.sourceId(), List.of(pages.read(page.url(), page.content(),
                        PageStream.isHtml(page), page.sourceId(), page.origin())), List.of());
            } catch (IllegalArgumentException e) {
                RecordFailure failure = new RecordFailure(page.sourceId(), page.url(), RecordFailure.Stage.EXTRACT, e.getMessage());
                LOG.error("{}", failure);
                batch = new DcBatch(page.sourceId(), List.of(), List.of(failure));
            }
            return parts.indexer().index(batch).await();
        }
        throw new IllegalArgumentException("dc-index-sink takes pages of OAI-PMH records and landing pages, not "
                + (body == null ? "nothing" : body.getClass().getName()));
    }

    @Override
    public void stop() {
        synchronized (SHARED) {
            if (parts == null) {
                return;
            }
            String key = key(parts.settings());
            parts = null;
            Shared shared = SHARED.get(key);
            if (shared != null && --shared.users == 0) {
                SHARED.remove(key);
                shared.lumbung.close();
            }
        }
    }
}
