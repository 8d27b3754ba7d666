package org.lumbung.config;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import org.lumbung.crosswalk.Crosswalks;
import org.lumbung.dc.DcSink;
import org.lumbung.harvest.HarvestReport;
import org.lumbung.harvest.HarvestRequest;
import org.lumbung.harvest.HarvestTuning;
import org.lumbung.harvest.OaiHarvester;
import org.lumbung.harvest.OaiInspector;
import org.lumbung.harvest.PageBudget;
import org.lumbung.harvest.RecordSink;
import org.lumbung.harvest.SourceAuditor;
import org.lumbung.http.AddressGuard;
import org.lumbung.http.HostQueues;
import org.lumbung.http.HttpFetcher;
import org.lumbung.http.HttpOptions;
import org.lumbung.http.RetryPolicy;
import org.lumbung.index.DeadLetterStore;
import org.lumbung.index.EsConnection;
import org.lumbung.index.EsRetry;
import org.lumbung.index.IndexLayout;
import org.lumbung.index.IndexedSourceRecords;
import org.lumbung.index.PageValidatorStore;
import org.lumbung.index.RawArchive;
import org.lumbung.index.RecordIndexer;
import org.lumbung.index.ReportStore;
import org.lumbung.ingest.Inbox;
import org.lumbung.ingest.PageIngester;
import org.lumbung.landing.PageFetcher;
import org.lumbung.landing.PageRecords;
import org.lumbung.language.LanguageDetector;
import org.lumbung.pipeline.Backoff;
import org.lumbung.pipeline.WorkPool;
import org.lumbung.ops.AdminActions;
import org.lumbung.ops.AdminGuard;
import org.lumbung.ops.AdminSessions;
import org.lumbung.ops.AdminUi;
import org.lumbung.ops.AlertWebhook;
import org.lumbung.ops.Alerts;
import org.lumbung.ops.SourceHealth;
import org.lumbung.reindex.Reindexer;
import org.lumbung.search.FacetLabels;
import org.lumbung.search.RecordSearcher;
import org.lumbung.search.RecordViews;
import org.lumbung.search.SimilarRecords;
import org.lumbung.search.cite.RecordAddresses;
import org.lumbung.search.oai.OaiIdentifiers;
import org.lumbung.search.oai.OaiProvider;
import org.lumbung.source.HostBudget;
import org.lumbung.source.RunScheduler;
import org.lumbung.source.RunTrigger;
import org.lumbung.source.SharedHostBudget;
import org.lumbung.source.SourceRegistry;
import org.lumbung.source.SourceRemoval;
import org.lumbung.source.SourceState;
import org.lumbung.source.SourceStore;

/** Lumbung's parts, built once from the settings and the Elasticsearch connection, shared by routes and commands. */
public final class Components {

    private final Settings settings;
    private final EsConnection es;
    private final IndexLayout layout;
    /** This JVM among all that ever had its pid on this machine (a container restarted keeps pid 1 and host name). */
    private static final String JVM = UUID.randomUUID().toString().substring(0, 8);
    private static final AtomicInteger INSTANCES = new AtomicInteger();
    private final String instance;
    private final DeadLetterStore deadLetters;
    private final RecordIndexer indexer;
    private final ReportStore reports;
    private final SourceStore sourceStore;
    private final LanguageDetector detector;
    private final HttpFetcher fetcher;
    private final HarvestTuning tuning;
    private final PageBudget pageBudget;
    private final WorkPool pool;

    Components(Settings settings, EsConnection es, IndexLayout layout) {
        this.settings = settings;
        this.es = es;
        this.layout = layout;
        this.instance = ManagementFactory.getRuntimeMXBean().getName() + ":" + JVM + "-" + INSTANCES.incrementAndGet();
        this.deadLetters = new DeadLetterStore(es.client(), layout);
        this.detector = detector(settings);
        this.pool = pool(settings);
        this.indexer = new RecordIndexer(es.client(), layout, new RecordIndexer.BulkOptions(
                settings.integer("lumbung.index.bulk-operations", 1, 100_000),
                settings.bytes("lumbung.index.bulk-bytes"),
                settings.bulkConcurrency(),
                settings.duration("lumbung.index.flush-interval"), esRetry(settings)), deadLetters, rawArchive(), pool);
        this.sourceStore = new SourceStore(es.client(), layout.sourcesIndex(), instance,
                settings.duration("lumbung.harvest.lease"));
        this.reports = new ReportStore(es.client(), layout, instance, sourceStore::holds);
        this.fetcher = fetcher(settings);
        this.tuning = tuning(settings);
        this.pageBudget = pageBudget(settings);
    }

    /**
     * The bytes of pages read and not yet indexed, over every harvest: lumbung.harvest.max-bytes-in-flight, or an
     * eighth of the heap this JVM may take (a page takes a few times its bytes in heap on its way to the index).
     */
    static PageBudget pageBudget(Settings settings) {
        String key = "lumbung.harvest.max-bytes-in-flight";
        return new PageBudget(settings.get(key).isBlank() ? Runtime.getRuntime().maxMemory() / 8
                : settings.bytes(key));
    }

    /**
     * The threads that crosswalk, derive and render the documents of every harvest of the process:
     * lumbung.pipeline.threads, or as many as the JVM has cores.
     */
    public static WorkPool pool(Settings settings) {
        String key = "lumbung.pipeline.threads";
        return WorkPool.of(settings.get(key).isBlank() ? Runtime.getRuntime().availableProcessors()
                : settings.integer(key, 1, 1024));
    }

    /** What every harvest shares: windows, retries, pages in flight (commands without Elasticsearch use it). */
    public static HarvestTuning tuning(Settings settings) {
        return new HarvestTuning(settings.duration("lumbung.harvest.window.min"),
                settings.duration("lumbung.harvest.window.max"), settings.duration("lumbung.harvest.overlap"),
                count(settings, "lumbung.harvest.page-retries"), count(settings, "lumbung.harvest.in-flight-pages"),
                count(settings, "lumbung.harvest.in-flight-records"),
                count(settings, "lumbung.harvest.window-restarts"), count(settings, "lumbung.harvest.small-window"),
                count(settings, "lumbung.harvest.short-list-tolerance"),
                count(settings, "lumbung.harvest.whole-list-pages"));
    }

    /** The HTTP client of repositories and pages, as the settings shape it (commands without Elasticsearch use it). */
    public static HttpFetcher fetcher(Settings settings) {
        return new HttpFetcher(
                new HttpOptions(settings.duration("lumbung.http-client.connect-timeout"),
                        settings.duration("lumbung.http-client.read-timeout"),
                        settings.duration("lumbung.http-client.request-deadline"),
                        settings.get("lumbung.http-client.user-agent"), settings.get("lumbung.http-client.from"),
                        settings.get("lumbung.http-client.public-address")),
                new RetryPolicy(settings.integer("lumbung.harvest.retry.attempts", 1, 100),
                        settings.duration("lumbung.harvest.retry.initial-delay"),
                        settings.duration("lumbung.harvest.retry.max-delay"),
                        settings.duration("lumbung.harvest.retry-after-cap")),
                new HostQueues(settings.integer("lumbung.harvest.host-concurrency", 1, 100),
                        settings.duration("lumbung.harvest.host-delay")),
                settings.bytes("lumbung.http-client.max-bytes"),
                new AddressGuard(Boolean.parseBoolean(settings.get("lumbung.http-client.allow-private-addresses")),
                        List.of(settings.get("lumbung.http-client.allowed-hosts").split(","))));
    }

    /** How long and how patiently requests wait for an Elasticsearch that went away or pushes back. */
    static EsRetry esRetry(Settings settings) {
        return new EsRetry(settings.duration("lumbung.es.retry.initial-delay"),
                settings.duration("lumbung.es.retry.max-delay"), settings.duration("lumbung.es.retry.timeout"));
    }

    private static int count(Settings settings, String key) {
        return settings.integer(key, 0, 1_000_000);
    }

    public Settings settings() {
        return settings;
    }

    public EsConnection es() {
        return es;
    }

    public IndexLayout layout() {
        return layout;
    }

    public RecordIndexer indexer() {
        return indexer;
    }

    public DeadLetterStore deadLetters() {
        return deadLetters;
    }

    public ReportStore reports() {
        return reports;
    }

    public SourceStore sourceStore() {
        return sourceStore;
    }

    public SourceRegistry sourceRegistry() {
        return new SourceRegistry(sourceStore);
    }

    /** Admits the runs of the given registry's sources by host; {@code runner} runs one source to its end. */
    public RunScheduler runScheduler(SourceRegistry registry, Consumer<RunTrigger> runner) {
        int perHost = settings.integer("lumbung.harvest.host-concurrency", 1, 100);
        Duration lease = settings.duration("lumbung.harvest.lease");
        HostBudget budget = switch (settings.get("lumbung.harvest.host-budget")) {
            case "shared" -> new SharedHostBudget(es.client(), layout.hostsIndex(), instance, perHost, lease);
            case "local" -> HostBudget.LOCAL;
            default -> throw new SettingsException("lumbung.harvest.host-budget", "is shared or local");
        };
        return new RunScheduler(settings.integer("lumbung.harvest.concurrency", 1, 10_000), perHost,
                registry::hostOf, runner, budget, Duration.ofMillis(Math.min(1000, Math.max(50, lease.toMillis() / 3))));
    }

    public SourceRemoval sourceRemoval(DcSink index) {
        return new SourceRemoval(sourceStore, new IndexedSourceRecords(es.client(), layout), index);
    }

    public LanguageDetector detector() {
        return detector;
    }

    public HttpFetcher fetcher() {
        return fetcher;
    }

    /** Every record's contributions as their sources sent them, read with today's crosswalks and extractors. */
    public RawArchive rawArchive() {
        return new RawArchive(crosswalks(), new PageRecords(detector));
    }

    /** Rebuilds the records index from the raw archive, without downtime. */
    public Reindexer reindexer() {
        return new Reindexer(es.client(), layout, rawArchive(), pool);
    }

    public Crosswalks crosswalks() {
        return Crosswalks.standard(detector, pool);
    }

    /** The language detector the settings describe. */
    public static LanguageDetector detector(Settings settings) {
        return new LanguageDetector(settings.languageCandidates(),
                settings.integer("lumbung.language.prefix", 20, 100_000));
    }

    public OaiHarvester harvester(RecordSink sink) {
        return new OaiHarvester(fetcher, sink, sourceStore, deadLetters, new IndexedSourceRecords(es.client(), layout),
                tuning, pageBudget);
    }

    public PageBudget pageBudget() {
        return pageBudget;
    }

    /** Audits sources; repairs go to {@code sink}, and windows harvested again to {@code harvester}. */
    public SourceAuditor auditor(RecordSink sink, Function<HarvestRequest, HarvestReport> harvester) {
        return new SourceAuditor(fetcher, sink, harvester, sourceStore, new IndexedSourceRecords(es.client(), layout),
                tuning);
    }

    public PageIngester ingester(DcSink dc, RecordSink records) {
        return new PageIngester(pageFetcher(), detector, dc, records, deadLetters);
    }

    /**
     * The watched inbox: lumbung.inbox, or {@code <data>/inbox}, made and written once; a folder Lumbung cannot write
     * stops the start, naming the setting and the folder.
     */
    public Inbox inbox() {
        String folder = settings.get("lumbung.inbox");
        try {
            return Inbox.open((folder.isEmpty() ? settings.dataDir().resolve("inbox") : java.nio.file.Path.of(folder))
                    .toAbsolutePath());
        } catch (java.io.IOException e) {
            throw new SettingsException(folder.isEmpty() ? "lumbung.data" : "lumbung.inbox", e.getMessage()
                    + ": give the folder to the user Lumbung runs as, or choose another");
        }
    }

    public PageFetcher pageFetcher() {
        return new PageFetcher(fetcher, new PageValidatorStore(es.client(), layout), new PageFetcher.Limits(
                settings.bytes("lumbung.pages.max-bytes"), count(settings, "lumbung.pages.max-redirects"),
                settings.get("lumbung.pages.robots-agent"), settings.duration("lumbung.pages.robots-ttl"),
                count(settings, "lumbung.pages.max-links")));
    }

    public RecordSearcher searcher() {
        return new RecordSearcher(es.client(), layout, settings.duration("lumbung.search.cursor-ttl"),
                facetLabels());
    }

    /** What a facet value is called for a reader: a source's name from the live list, read when asked. */
    private FacetLabels facetLabels() {
        return new FacetLabels(() -> sourceStore.sources().stream()
                .filter(s -> s.definition().name() != null && !s.definition().name().isBlank())
                .collect(java.util.stream.Collectors.toMap(SourceState::id, s -> s.definition().name())));
    }

    public SimilarRecords similarRecords() {
        return new SimilarRecords(es.client(), layout, facetLabels());
    }

    public RecordViews recordViews() {
        return new RecordViews(es.client(), layout, oaiIdentifiers(), similarRecords());
    }

    /** Where this Lumbung serves a record, under the address readers reach it at. */
    public RecordAddresses recordAddresses() {
        return new RecordAddresses(settings.publicUrl());
    }

    public SourceHealth sourceHealth() {
        return new SourceHealth(es.client(), layout, sourceStore);
    }

    public AdminActions adminActions(DcSink index, Alerts alerts) {
        return new AdminActions(sourceRegistry(), OaiInspector.untrusted(fetcher), sourceRemoval(index), alerts);
    }

    /** The webhook sender of this Lumbung's alerts (its queue and thread), to close when Lumbung stops. */
    public AlertWebhook alertWebhook() {
        return new AlertWebhook(settings.secret("lumbung.alerts.webhook-secret"),
                new Backoff(settings.duration("lumbung.alerts.retry.initial-delay"),
                        settings.duration("lumbung.alerts.retry.max-delay"),
                        settings.integer("lumbung.alerts.retry.attempts", 1, 100), null),
                settings.duration("lumbung.alerts.timeout"), settings.integer("lumbung.alerts.queue", 1, 1_000_000));
    }

    public Alerts alerts(AlertWebhook webhook) {
        return new Alerts(sourceStore, sourceHealth(), webhook, settings.alertWebhook().orElse(null));
    }

    public AdminGuard adminGuard() {
        return new AdminGuard(settings.secret("lumbung.admin.token"));
    }

    /** The operator page, doing what the admin API does through the same actions. */
    public AdminUi adminUi(AdminActions actions) {
        return new AdminUi(adminGuard(), new AdminSessions(settings.duration("lumbung.admin.session-ttl"),
                Clock.systemUTC()), actions, sourceHealth(), Clock.systemUTC());
    }

    public OaiProvider oaiProvider() {
        String baseUrl = settings.get("lumbung.oai.base-url");
        if (baseUrl.isEmpty()) {
            baseUrl = settings.publicUrl() + "/oai";
        }
        return new OaiProvider(es.client(), layout, sourceStore, oaiIdentifiers(), new OaiProvider.Options(
                settings.get("lumbung.oai.repository-name"), baseUrl, settings.get("lumbung.oai.admin-email"),
                settings.get("lumbung.oai.repository-identifier"), settings.integer("lumbung.oai.page-size", 1, 10_000),
                settings.duration("lumbung.oai.token-ttl")));
    }

    public OaiIdentifiers oaiIdentifiers() {
        return new OaiIdentifiers(settings.get("lumbung.oai.repository-identifier"));
    }

    public Maintenance maintenance() {
        return new Maintenance(reports, settings.duration("lumbung.reports.retention"));
    }

    public Duration sourcesSyncInterval() {
        return settings.duration("lumbung.sources.sync-interval");
    }
}
