package org.lumbung.config;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.lumbung.dc.Crosswalks;
import org.lumbung.dc.DataCiteCrosswalk;
import org.lumbung.dc.DcSink;
import org.lumbung.dc.DimCrosswalk;
import org.lumbung.dc.JatsCrosswalk;
import org.lumbung.dc.LanguageDetector;
import org.lumbung.dc.MarcXmlCrosswalk;
import org.lumbung.dc.ModsCrosswalk;
import org.lumbung.dc.OaiDcCrosswalk;
import org.lumbung.dc.OpenAireCrosswalk;
import org.lumbung.dc.QdcCrosswalk;
import org.lumbung.dc.RioxxCrosswalk;
import org.lumbung.dc.XoaiCrosswalk;
import org.lumbung.es.EmbeddedElasticsearch;
import org.lumbung.es.NodeOptions;
import org.lumbung.es.NodeStartException;
import org.lumbung.harvest.HttpFetcher;
import org.lumbung.harvest.HttpOptions;
import org.lumbung.harvest.OaiHarvester;
import org.lumbung.harvest.RecordSink;
import org.lumbung.index.EsConnection;
import org.lumbung.index.IndexLayout;
import org.lumbung.index.IndexSetup;
import org.lumbung.index.RecordIndexer;
import org.lumbung.landing.PageIngester;
import org.lumbung.pipeline.Delivery;
import org.lumbung.search.ApiErrors;
import org.lumbung.search.HealthReport;
import org.lumbung.search.RecordSearcher;
import org.lumbung.source.SourceRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Lumbung: Elasticsearch (embedded unless configured), the index, and the beans the routes call. Closing
 * it flushes the indexer, closes the client and stops the embedded node if this Lumbung started it.
 */
public final class Lumbung implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Lumbung.class);
    private static final java.time.Duration SHUTDOWN_GRACE = java.time.Duration.ofSeconds(45);

    private final Settings settings;
    private final EmbeddedElasticsearch node;
    private final EsConnection es;
    private final IndexLayout layout;
    private final RecordIndexer indexer;
    private final LanguageDetector detector;
    private final HttpFetcher fetcher;
    private final java.util.concurrent.CountDownLatch closedLatch = new java.util.concurrent.CountDownLatch(1);
    private final Thread shutdownHook = new Thread(this::closeAtExit, "lumbung-shutdown");
    private boolean closed;

    private Lumbung(Settings settings, EmbeddedElasticsearch node, EsConnection es) {
        this.settings = settings;
        this.node = node;
        this.es = es;
        this.layout = new IndexLayout(settings.indexPrefix(), settings.indexReplicas());
        this.indexer = new RecordIndexer(es.client(), layout, new RecordIndexer.BulkOptions(
                settings.integer("lumbung.index.bulk-operations", 1, 100_000),
                settings.bytes("lumbung.index.bulk-bytes"),
                settings.integer("lumbung.index.bulk-concurrency", 1, 64),
                settings.duration("lumbung.index.flush-interval")));
        this.detector = new LanguageDetector(settings.languageCandidates(),
                settings.integer("lumbung.language.prefix", 20, 100_000));
        this.fetcher = new HttpFetcher(new HttpOptions(settings.duration("lumbung.http-client.connect-timeout"),
                settings.duration("lumbung.http-client.read-timeout"), settings.get("lumbung.http-client.user-agent"),
                settings.get("lumbung.http-client.from")));
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * On Ctrl-C or SIGTERM: Camel's own hook stops the routes and lets the command close Lumbung; this hook keeps the
     * JVM alive until that close is done (or does it itself), so that the embedded node never outlives Lumbung.
     */
    private void closeAtExit() {
        try {
            if (!closedLatch.await(SHUTDOWN_GRACE.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                close();
            }
        } catch (InterruptedException e) {
            close();
        }
    }

    /** Connects to the configured Elasticsearch, or starts (or attaches to) the embedded one; prepares the index. */
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
        try {
            new IndexSetup(es.client(), new IndexLayout(settings.indexPrefix(), settings.indexReplicas())).ensure();
        } catch (IOException | RuntimeException e) {
            es.close();
            if (node != null) {
                node.close();
            }
            throw new IOException("cannot prepare the index on " + url + ": " + e.getMessage(), e);
        }
        LOG.info("Elasticsearch at {} ({}), records in alias {}", url, es.health(), settings.indexPrefix() + "-records");
        return new Lumbung(settings, node, es);
    }

    /**
     * A Camel Main over the packaged routes (or the configured route folder) with Lumbung's beans bound. With
     * {@code serve} false the HTTP server and the source schedules are left out (the one-shot commands).
     */
    public Main camel(boolean serve) {
        Main main = new Main();
        settings.asMap().forEach(main::addOverrideProperty);
        String routes = settings.routes().map(dir -> "file:" + dir.toAbsolutePath() + "/*.camel.yaml")
                .orElse("classpath:lumbung/camel-routes/*.camel.yaml");
        main.addOverrideProperty("camel.main.routes-include-pattern", routes);
        if (!serve) {
            main.addOverrideProperty("camel.main.routes-exclude-pattern", "**/serve.camel.yaml,**/sources.camel.yaml");
        }
        main.addOverrideProperty("camel.server.enabled", Boolean.toString(serve));
        main.addOverrideProperty("camel.server.host", settings.httpHost());
        main.addOverrideProperty("camel.server.port", Integer.toString(settings.httpPort()));
        RecordSink records = batch -> template(main).requestBody("direct:records", batch, Delivery.class);
        DcSink dc = batch -> template(main).requestBody("direct:index", batch, Delivery.class);
        main.bind("crosswalks", crosswalks(detector));
        main.bind("recordIndexer", indexer);
        main.bind("oaiHarvester", new OaiHarvester(fetcher, records));
        main.bind("pageIngester", new PageIngester(fetcher, detector, dc, records));
        main.bind("recordSearcher", searcher());
        main.bind("healthReport", new HealthReport(es, layout));
        main.bind("apiErrors", new ApiErrors());
        if (serve) {
            SourceRegistry registry = SourceRegistry.load(settings.seeds().orElse(null), settings.dataDir());
            main.bind("sourceRegistry", registry);
            main.addMainListener(new MainListenerSupport() {
                @Override
                public void afterStart(BaseMainSupport started) {
                    SourceSchedules.add(started.getCamelContext(), registry);
                    System.out.println(readyLine());
                }
            });
        }
        return main;
    }

    /**
     * Sends one request through the routes, without the HTTP server and the schedules (the one-shot commands), and
     * returns the route's answer.
     */
    public <T> T send(String endpoint, Object request, Class<T> answer) throws Exception {
        Main main = camel(false);
        main.start();
        try {
            return main.getCamelTemplate().requestBody(endpoint, request, answer);
        } finally {
            main.stop();
        }
    }

    /**
     * Every format Lumbung reads. The first crosswalk that accepts a record's metadataPrefix or root namespace reads
     * it: oai_dc first, being nearly every record; then the formats with a namespace of their own; qualified DC last,
     * since it also takes any {@code *_dc} prefix (base_dc, nsdl_dc) that the others do not claim.
     */
    public static Crosswalks crosswalks(LanguageDetector detector) {
        return new Crosswalks(List.of(new OaiDcCrosswalk(), new XoaiCrosswalk(), new DimCrosswalk(),
                new OpenAireCrosswalk(), new DataCiteCrosswalk(), new RioxxCrosswalk(), new ModsCrosswalk(),
                new MarcXmlCrosswalk(), new JatsCrosswalk(), new QdcCrosswalk()), detector);
    }

    /** The one line run prints when it serves. */
    public String readyLine() {
        String base = "http://" + settings.httpHost() + ":" + settings.httpPort();
        return "Lumbung is ready: search " + base + "/api/search?q=... , health " + base + "/health"
                + " (Elasticsearch " + es.url() + (node != null ? ", embedded, files in " + node.home() : "") + ")";
    }

    private static ProducerTemplate template(Main main) {
        try {
            return main.getCamelTemplate();
        } catch (Exception e) {
            throw new IllegalStateException("Camel is not running", e);
        }
    }

    public RecordSearcher searcher() {
        return new RecordSearcher(es.client(), layout);
    }

    public LanguageDetector detector() {
        return detector;
    }

    public Settings settings() {
        return settings;
    }

    public URI elasticsearchUrl() {
        return es.url();
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
            closeResources();
        } finally {
            closedLatch.countDown();
        }
    }

    private void closeResources() {
        indexer.close();
        try {
            es.close();
        } catch (IOException e) {
            LOG.warn("closing the Elasticsearch client: {}", e.toString());
        }
        if (node != null) {
            node.close();
        }
    }
}
