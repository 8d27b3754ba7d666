package org.lumbung.config;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.Main;
import org.lumbung.es.EmbeddedElasticsearch;
import org.lumbung.es.NodeOptions;
import org.lumbung.es.NodeStartException;
import org.lumbung.index.EsConnection;
import org.lumbung.index.EsRetry;
import org.lumbung.index.IndexLayout;
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
    private volatile boolean stopping;
    private Thread worker;
    private final java.util.List<AutoCloseable> closedOnSignal = new java.util.concurrent.CopyOnWriteArrayList<>();

    private Lumbung(EmbeddedElasticsearch node, Components components) {
        this.node = node;
        this.components = components;
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Connects to the configured Elasticsearch, or starts (or attaches to) the embedded one; prepares the indices. */
    public static Lumbung start(Settings settings) throws NodeStartException, IOException {
        try {
            return start(settings, (client, layout) -> { });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting", e);
        }
    }

    /** Work on the cluster before Lumbung prepares its indices there: a restore, which wants them absent. */
    @FunctionalInterface
    public interface BeforeIndices {
        void run(ElasticsearchClient client, IndexLayout layout) throws IOException, InterruptedException;
    }

    /** As {@link #start(Settings)}, doing some work on the cluster first; if it fails, nothing is left running. */
    public static Lumbung start(Settings settings, BeforeIndices before)
            throws NodeStartException, IOException, InterruptedException {
        EmbeddedElasticsearch node = null;
        List<URI> urls = settings.esUrls();
        if (urls.isEmpty()) {
            node = EmbeddedElasticsearch.startOrAttach(new NodeOptions(settings.dataDir(), settings.esHeap(),
                    settings.esPort(), settings.esDistribution().orElse(null), settings.esStartTimeout(),
                    settings.esRunAs(), BuildInfo.elasticsearchVersion(), settings.backupFolder().orElse(null)));
            urls = List.of(node.url());
        }
        EsConnection es = EsConnection.open(urls, settings.esCredentials(), Components.esRetry(settings));
        IndexLayout layout;
        Optional<String> outdated;
        try {
            layout = preparing(es, () -> new IndexLayout(settings.indexPrefix(),
                    IndexSetup.replicas(settings.indexReplicas(), es.client()), settings.indexCodec()));
            before.run(es.client(), layout);
            outdated = preparing(es, () -> new IndexSetup(es.client(), layout).ensure());
        } catch (IOException | RuntimeException | InterruptedException e) {
            stop(es, node);
            throw e;
        }
        LOG.info("Elasticsearch at {} ({}), records in alias {}", es.address(), es.health(),
                settings.indexPrefix() + "-records");
        Lumbung lumbung = new Lumbung(node, new Components(settings, es, layout));
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

    /** Work on the cluster that prepares the indices. */
    @FunctionalInterface
    private interface Preparation<T> {
        T run() throws IOException;
    }

    /** Runs it; its failure names the cluster, as the one line a command prints when Elasticsearch is unreachable. */
    private static <T> T preparing(EsConnection es, Preparation<T> work) throws IOException {
        try {
            return work.run();
        } catch (IOException | RuntimeException e) {
            throw new IOException("cannot prepare the indices on " + es.address() + ": " + e.getMessage(), e);
        }
    }

    private static void stop(EsConnection es, EmbeddedElasticsearch node) throws IOException {
        es.close();
        if (node != null) {
            node.close();
        }
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
        synchronized (this) {
            worker = Thread.currentThread();
        }
        try {
            return work.run(main.getCamelTemplate());
        } finally {
            synchronized (this) {
                worker = null;
                // A stop signal's interrupt has ended the work; the routes still stop cleanly.
                Thread.interrupted();
            }
            main.stop();
        }
    }

    /** Whether Ctrl-C or SIGTERM came: the command's work was interrupted and Lumbung is closing. */
    public boolean stopping() {
        return stopping;
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
        return "Lumbung is ready: search " + base + "/api/search?q=... , page " + base + "/ , OAI-PMH " + base
                + "/oai , health " + base + "/health , metrics " + base + "/metrics"
                + " (Elasticsearch " + components.es().address()
                + (node != null ? ", embedded, files in " + node.home() : "") + ")";
    }

    /**
     * Work that Ctrl-C or SIGTERM stops at once, beside Camel's own stop: under {@code run}, the source runs going
     * (Camel would wait for each, however slow its repository, until its shutdown timeout).
     */
    void closeOnSignal(AutoCloseable work) {
        closedOnSignal.add(work);
    }

    /**
     * On Ctrl-C or SIGTERM: a one-shot command's work ({@link #withRoutes}) is interrupted (a harvest stops with its
     * checkpoint where its last indexed page left it) and the command closes Lumbung; under {@code run}, Camel's own
     * hook stops the routes. This hook keeps the JVM alive until that close is done (or does it itself), so that the
     * embedded node never outlives Lumbung.
     */
    private void closeAtExit() {
        EsRetry.stopWaiting();
        synchronized (this) {
            stopping = true;
            if (worker != null) {
                worker.interrupt();
            }
        }
        for (AutoCloseable work : closedOnSignal) {
            try {
                work.close();
            } catch (Exception e) {
                LOG.warn("stopping {}: {}", work, e.toString());
            }
        }
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
