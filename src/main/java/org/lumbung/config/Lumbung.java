package org.lumbung.config;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.Main;
import org.lumbung.es.EmbeddedElasticsearch;
import org.lumbung.es.NodeOptions;
import org.lumbung.es.NodeStartException;
import org.lumbung.index.EsConnection;
import org.lumbung.index.IndexSetup;
import org.lumbung.search.RecordSearcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Lumbung: Elasticsearch (embedded unless configured), its indices, and Lumbung's parts. Closing it flushes
 * the indexer, closes the client and stops the embedded node if this Lumbung started it.
 */
public final class Lumbung implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Lumbung.class);
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(45);

    private final EmbeddedElasticsearch node;
    private final Components components;
    private final CountDownLatch closedLatch = new CountDownLatch(1);
    private final Thread shutdownHook = new Thread(this::closeAtExit, "lumbung-shutdown");
    private boolean closed;

    private Lumbung(EmbeddedElasticsearch node, Components components) {
        this.node = node;
        this.components = components;
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Connects to the configured Elasticsearch, or starts (or attaches to) the embedded one; prepares the indices. */
    public static Lumbung start(Settings settings) throws NodeStartException, IOException {
        EmbeddedElasticsearch node = null;
        URI url;
        if (settings.esUrl().isPresent()) {
            url = settings.esUrl().get();
        } else {
            node = EmbeddedElasticsearch.startOrAttach(new NodeOptions(settings.dataDir(), settings.esHeap(),
                    settings.esPort(), settings.esDistribution().orElse(null), settings.esStartTimeout(),
                    settings.esRunAs(), BuildInfo.elasticsearchVersion()));
            url = node.url();
        }
        EsConnection es = EsConnection.open(url);
        java.util.Optional<String> outdated;
        try {
            outdated = new IndexSetup(es.client(), Components.layout(settings)).ensure();
        } catch (IOException | RuntimeException e) {
            es.close();
            if (node != null) {
                node.close();
            }
            throw new IOException("cannot prepare the indices on " + url + ": " + e.getMessage(), e);
        }
        LOG.info("Elasticsearch at {} ({}), records in alias {}", url, es.health(), settings.indexPrefix() + "-records");
        Lumbung lumbung = new Lumbung(node, new Components(settings, es));
        if (outdated.isPresent()) {
            LOG.warn("{} is of an older document shape: rebuilding it from the raw archive before anything else",
                    outdated.get());
            try {
                lumbung.components().reindexer().reindex();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                lumbung.close();
                throw new IOException("interrupted while rebuilding " + outdated.get(), e);
            } catch (IOException | RuntimeException e) {
                lumbung.close();
                throw new IOException("cannot rebuild " + outdated.get() + ": " + e.getMessage(), e);
            }
        }
        return lumbung;
    }

    public Components components() {
        return components;
    }

    /** A Camel Main over Lumbung's routes; with {@code serve}, the HTTP API and the source schedules too. */
    public Main camel(boolean serve) {
        return CamelApp.create(this, serve);
    }

    /**
     * Sends one request through the routes, without the HTTP server and the schedules (the one-shot commands), and
     * returns the route's answer.
     */
    public <T> T send(String endpoint, Object request, Class<T> answer) throws Exception {
        return withRoutes(routes -> routes.requestBody(endpoint, request, answer));
    }

    /** Work that sends several requests through the routes. */
    @FunctionalInterface
    public interface RouteWork<T> {
        T run(ProducerTemplate routes) throws Exception;
    }

    /** Starts the routes (no HTTP server, no schedules), does the work, stops them. */
    public <T> T withRoutes(RouteWork<T> work) throws Exception {
        Main main = camel(false);
        main.start();
        try {
            return work.run(main.getCamelTemplate());
        } finally {
            main.stop();
        }
    }

    public RecordSearcher searcher() {
        return components.searcher();
    }

    public Settings settings() {
        return components.settings();
    }

    public URI elasticsearchUrl() {
        return components.es().url();
    }

    /** The one line run prints when it serves. */
    public String readyLine() {
        Settings settings = components.settings();
        String base = "http://" + settings.httpHost() + ":" + settings.httpPort();
        return "Lumbung is ready: search " + base + "/api/search?q=... , health " + base + "/health"
                + " (Elasticsearch " + components.es().url()
                + (node != null ? ", embedded, files in " + node.home() : "") + ")";
    }

    /**
     * On Ctrl-C or SIGTERM: Camel's own hook stops the routes and lets the command close Lumbung; this hook keeps the
     * JVM alive until that close is done (or does it itself), so that the embedded node never outlives Lumbung.
     */
    private void closeAtExit() {
        try {
            if (!closedLatch.await(SHUTDOWN_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                close();
            }
        } catch (InterruptedException e) {
            close();
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (Thread.currentThread() != shutdownHook) {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            }
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook is waiting for this close
        }
        try {
            components.indexer().close();
            try {
                components.es().close();
            } catch (IOException e) {
                LOG.warn("closing the Elasticsearch client: {}", e.toString());
            }
            if (node != null) {
                node.close();
            }
        } finally {
            closedLatch.countDown();
        }
    }
}
