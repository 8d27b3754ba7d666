package org.lumbung.camel;

import java.util.Iterator;
import org.lumbung.config.Components;
import org.lumbung.config.Settings;
import org.lumbung.harvest.DeadLetters;
import org.lumbung.harvest.HarvestPages;
import org.lumbung.harvest.HarvestReport;
import org.lumbung.harvest.HarvestRequest;
import org.lumbung.harvest.MemoryCheckpointStore;
import org.lumbung.harvest.OaiHarvester;
import org.lumbung.harvest.RecordBatch;
import org.lumbung.harvest.SourceOptions;
import org.lumbung.http.HttpFetcher;
import org.lumbung.pipeline.Delivery;
import org.lumbung.pipeline.Outcome;
import org.lumbung.pipeline.SourceId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bean behind the {@code oai-pmh-source} Kamelet: Lumbung's own harvester ({@link OaiHarvester}: date windows,
 * the guard against endless lists, salvage, checkpoints) read as a lazy sequence of pages, one {@link RecordBatch}
 * each, fetched only as the route asks. The route gives each page back ({@link #indexed}) once its sink is done, so
 * the checkpoint never passes a page not yet indexed (a Camel split asks one page ahead, so asking is not enough).
 * Checkpoints live in this bean ({@link MemoryCheckpointStore}): each firing after a complete one reads what changed
 * since. HTTP and harvest settings are Lumbung's: the Kamelet's properties, else {@code LUMBUNG_*}, else
 * application.properties.
 */
public final class OaiPages {

    private static final Logger LOG = LoggerFactory.getLogger("lumbung.harvest");

    private String baseUrl;
    private String metadataPrefix = "oai_dc";
    private String set;
    private String sourceId;
    private boolean windows = SourceOptions.DEFAULT.windows();
    private final KameletSettings properties = new KameletSettings();
    private final MemoryCheckpointStore checkpoints = new MemoryCheckpointStore();
    private OaiHarvester harvester;
    private HarvestPages current;

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public void setMetadataPrefix(String metadataPrefix) {
        this.metadataPrefix = metadataPrefix;
    }

    public void setSet(String set) {
        this.set = set == null || set.isBlank() ? null : set;
    }

    public void setSourceId(String sourceId) {
        this.sourceId = sourceId == null || sourceId.isBlank() ? null : sourceId;
    }

    /** Whether a large list is read in date windows (false for a repository that ignores from and until). */
    public void setWindows(boolean windows) {
        this.windows = windows;
    }

    public void setUserAgent(String userAgent) {
        properties.set("lumbung.http-client.user-agent", userAgent);
    }

    public void setAllowPrivateAddresses(String allow) {
        properties.set("lumbung.http-client.allow-private-addresses", allow);
    }

    /** One harvest: its pages, read one by one as the iterator is read. */
    public synchronized Iterator<RecordBatch> pages() {
        if (harvester == null) {
            Settings settings = properties.settings();
            HttpFetcher fetcher = Components.fetcher(settings);
            harvester = new OaiHarvester(fetcher, checkpoints, DeadLetters.LOG_ONLY, Components.tuning(settings));
        }
        SourceOptions defaults = SourceOptions.DEFAULT;
        SourceOptions options = new SourceOptions(defaults.politeness(), windows, defaults.initialWindow(), false);
        String id = sourceId != null ? sourceId : SourceId.fromUrl(baseUrl);
        current = harvester.pages(new HarvestRequest(id, baseUrl, metadataPrefix, set, null, null, options));
        return current;
    }

    /** The page the route took last went through its sink; the message is the sink's {@link Outcome}, if it says. */
    public void indexed(Object body) {
        current.handedOver(Delivery.done(body instanceof Outcome outcome ? outcome : Outcome.NONE));
    }

    /** The harvest's report, once every page went through the route; an incomplete harvest fails the exchange. */
    public HarvestReport finished() {
        HarvestReport report = current.report();
        LOG.info("{}", report.summary());
        if (!report.complete()) {
            throw new HarvestIncompleteException(report);
        }
        return report;
    }
}
