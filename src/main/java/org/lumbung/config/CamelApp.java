package org.lumbung.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.DefaultMainShutdownStrategy;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.lumbung.dc.DcSink;
import org.lumbung.harvest.HarvestReport;
import org.lumbung.harvest.RecordSink;
import org.lumbung.ingest.Inbox;
import org.lumbung.ops.AdminActions;
import org.lumbung.ops.AlertWebhook;
import org.lumbung.ops.HarvestMetrics;
import org.lumbung.ops.HealthReport;
import org.lumbung.pipeline.Delivery;
import org.lumbung.search.ApiErrors;
import org.lumbung.search.ResponseHeaderFilter;
import org.lumbung.search.SearchFeeds;
import org.lumbung.search.WebAssets;
import org.lumbung.search.cite.CitationExports;
import org.lumbung.search.cite.RecordPages;
import org.lumbung.source.RunScheduler;
import org.lumbung.source.SourceRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Camel Main over Lumbung's YAML routes, with the beans they call bound by name. */
final class CamelApp {

    private static final Logger LOG = LoggerFactory.getLogger("lumbung.sources");
    private static final Logger OAI = LoggerFactory.getLogger("lumbung.oai");

    private CamelApp() {
    }

    /**
     * The packaged routes (or the configured route folder). Without {@code serve} the routes of {@code server/} (the
     * HTTP server, the source schedules, the inbox) are left out: the one-shot commands.
     */
    static Main create(Lumbung lumbung, boolean serve) {
        Components c = lumbung.components();
        Settings settings = c.settings();
        Main main = new Main();
        settings.asMap().forEach(main::addOverrideProperty);
        main.addOverrideProperty("camel.main.name", "lumbung");
        main.addOverrideProperty("lumbung.harvest.at-start.route",
                Boolean.toString(!"false".equals(settings.harvestAtStart())));
        main.addOverrideProperty("camel.main.startup-summary-level", "off");
        // On Ctrl-C a harvest in flight gets this long to finish its page; its checkpoint makes the next run resume.
        main.addOverrideProperty("camel.main.shutdown-timeout", "10");
        main.addOverrideProperty("camel.main.routes-include-pattern", routesIncludePattern(settings.routes(), serve));
        // A one-shot command is stopped by Lumbung's own hook, which stops the command's work first, then Camel.
        if (!serve && main.getShutdownStrategy() instanceof DefaultMainShutdownStrategy strategy) {
            strategy.disableHangupSupport();
        }
        main.addOverrideProperty("camel.server.enabled", Boolean.toString(serve));
        main.addOverrideProperty("camel.server.host", settings.httpHost());
        main.addOverrideProperty("camel.server.port", Integer.toString(settings.httpPort()));
        // Lumbung takes no file uploads. Left on, every request with a body (a posted /oai form) makes a folder in a
        // shared /tmp/camel, which fails for any user but the one who made it first.
        main.addOverrideProperty("camel.server.fileUploadEnabled", "false");
        // One filter for every route served: no query parameter or request header comes back as a response header.
        main.bind("responseHeaderFilter", new ResponseHeaderFilter());
        main.addOverrideProperty("camel.component.platform-http.header-filter-strategy", "#responseHeaderFilter");
        RecordSink records = batch -> template(main).requestBody("direct:records", batch, Delivery.class);
        DcSink dc = batch -> template(main).requestBody("direct:index", batch, Delivery.class);
        main.bind("crosswalks", c.crosswalks());
        main.bind("recordIndexer", c.indexer());
        main.bind("oaiHarvester", c.harvester(records));
        main.bind("pageIngester", c.ingester(dc, records));
        main.bind("sourceAuditor", c.auditor(records,
                request -> template(main).requestBody("direct:harvest", request, HarvestReport.class)));
        main.bind("reportStore", c.reports());
        main.bind("recordSearcher", c.searcher());
        main.bind("recordViews", c.recordViews());
        WebAssets assets = new WebAssets();
        main.bind("webAssets", assets);
        main.bind("recordPages", new RecordPages(c.recordViews(), assets, c.recordAddresses()));
        main.bind("searchFeeds", new SearchFeeds(c.searcher(), c.recordAddresses().base()));
        main.bind("citationExports", new CitationExports(c.recordViews(), c.searcher(), c.recordAddresses()));
        main.bind("oaiProvider", c.oaiProvider());
        main.bind("healthReport", new HealthReport(c.es(), c.layout(), c.sourceHealth()));
        HarvestMetrics metrics = new HarvestMetrics(c.sourceHealth());
        main.bind("harvestMetrics", metrics);
        main.bind("adminGuard", c.adminGuard());
        AdminActions actions = c.adminActions(dc);
        main.bind("adminActions", actions);
        main.bind("adminUi", c.adminUi(actions));
        main.bind("apiErrors", new ApiErrors());
        if (serve) {
            // First: a data folder Lumbung cannot write stops the start before anything else is made.
            Inbox inbox = c.inbox();
            warnOfPlaceholderAdminEmail(settings);
            SourceRegistry registry = c.sourceRegistry();
            registry.importSeeds(SourceRegistry.seeds(settings.seeds().orElse(null), settings.dataDir()));
            main.bind("sourceRegistry", registry);
            RunScheduler scheduler = c.runScheduler(registry,
                    trigger -> template(main).sendBody("direct:source-run", trigger));
            main.bind("runScheduler", scheduler);
            lumbung.closeOnSignal(scheduler);
            metrics.watch(scheduler::snapshot);
            metrics.watchLeases(c.sourceStore().instance(), c.sourceStore()::counters);
            AlertWebhook webhook = c.alertWebhook();
            main.bind("alerts", c.alerts(webhook));
            metrics.watchAlerts(webhook::counters);
            main.addOverrideProperty("lumbung.alerts.freshness-interval",
                    Long.toString(settings.duration("lumbung.alerts.freshness-interval").toMillis()));
            metrics.watch(c.pageBudget());
            SourceSchedules schedules = new SourceSchedules(registry);
            main.bind("sourceSchedules", schedules);
            main.bind("inbox", inbox);
            main.addOverrideProperty("lumbung.inbox", inbox.folder().toString());
            main.addOverrideProperty("lumbung.inbox.settle",
                    Long.toString(settings.duration("lumbung.inbox.settle").toMillis()));
            Maintenance maintenance = c.maintenance();
            main.bind("maintenance", maintenance);
            main.addMainListener(new MainListenerSupport() {
                @Override
                public void beforeStart(BaseMainSupport starting) {
                    schedules.setCamelContext(starting.getCamelContext());
                }

                @Override
                public void beforeStop(BaseMainSupport stopping) {
                    scheduler.close();
                    webhook.close();
                }

                @Override
                public void afterStart(BaseMainSupport started) {
                    System.out.println(lumbung.readyLine());
                    try {
                        maintenance.prune();
                    } catch (Exception e) {
                        LOG.warn("pruning old reports failed: {}", e.toString());
                    }
                }
            });
        }
        return main;
    }

    /**
     * The route folders a mode loads: {@code pipeline/} holds the stages every command uses (harvest, landing, index);
     * {@code server/} the HTTP API, the schedules, the inbox and their error policies, which only {@code run} starts
     * and whose beans only it binds. A file is chosen by the folder it lies in, so a new route needs no change here.
     * Every file lies in a folder, none at the top: Camel's classpath scan matches a pattern's file name in every
     * folder below, so a pattern for the top would load {@code server/} too.
     */
    static List<String> routeFolders(boolean serve) {
        return serve ? List.of("pipeline/", "server/") : List.of("pipeline/");
    }

    /** Camel's include pattern for a mode: the packaged routes, or the same layout under the configured folder. */
    static String routesIncludePattern(Optional<Path> folder, boolean serve) {
        String root = folder.map(dir -> "file:" + dir.toAbsolutePath() + "/").orElse("classpath:lumbung/camel-routes/");
        return routeFolders(serve).stream().map(sub -> root + sub + "*.camel.yaml").collect(Collectors.joining(","));
    }

    /** Identify's adminEmail is whom harvesters write to; the default is valid OAI-PMH but reaches nobody. */
    private static void warnOfPlaceholderAdminEmail(Settings settings) {
        String email = settings.get("lumbung.oai.admin-email");
        if (email.equals(Settings.defaults().get("lumbung.oai.admin-email"))) {
            OAI.warn("/oai's Identify names the placeholder adminEmail {}: set lumbung.oai.admin-email"
                    + " (LUMBUNG_OAI_ADMIN_EMAIL) to an address that reaches you", email);
        }
    }

    private static ProducerTemplate template(Main main) {
        try {
            return main.getCamelTemplate();
        } catch (Exception e) {
            throw new IllegalStateException("Camel is not running", e);
        }
    }
}
