package org.lumbung.camel;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.Optional;
import org.lumbung.config.Components;
import org.lumbung.config.Settings;
import org.lumbung.harvest.CheckpointStore;
import org.lumbung.harvest.DeadLetters;
import org.lumbung.harvest.HarvestPages;
import org.lumbung.harvest.HarvestReport;
import org.lumbung.harvest.HarvestRequest;
import org.lumbung.harvest.HarvestTuning;
import org.lumbung.harvest.MemoryCheckpointStore;
import org.lumbung.harvest.OaiHarvester;
import org.lumbung.harvest.RecordBatch;
import org.lumbung.harvest.SourceOptions;
import org.lumbung.http.HttpFetcher;
import org.lumbung.index.DeadLetterFile;
import org.lumbung.pipeline.Delivery;
import org.lumbung.pipeline.Outcome;
import org.lumbung.pipeline.SourceId;
import org.lumbung.source.FileCheckpointStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bean behind the {@code oai-pmh-source} Kamelet: Lumbung's own harvester ({@link OaiHarvester}: date windows,
 * the guard against endless lists, salvage, checkpoints) read as a lazy sequence of pages, one {@link RecordBatch}
 * each, fetched only as the route asks. The route gives each page back ({@link #indexed}) once its sink is done, so
 * the checkpoint never passes a page not yet indexed (a Camel split asks one page ahead, so asking is not enough).
 * Checkpoints and dead letters are kept in the state folder ({@link FileCheckpointStore}, {@link DeadLetterFile}), so
 * that each firing after a complete one reads what changed since, and a restarted application goes on from its last
 * checkpoint instead of reading the repository again; {@code none} keeps them in memory until the application stops.
 * HTTP and harvest settings are Lumbung's: the Kamelet's properties, else {@code LUMBUNG_*}, else
 * application.properties.
 */
public final class OaiPages {

    private static final Logger LOG = LoggerFactory.getLogger("lumbung.harvest");

    private String baseUrl;
    private String metadataPrefix = "oai_dc";
    private String set;
    private String sourceId;
    private boolean windows = SourceOptions.DEFAULT.windows();
    private String stateDir = "";
    private final KameletSettings properties = new KameletSettings();
    private CheckpointStore checkpoints;
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

    /**
     * Where the checkpoints and dead letters are kept: empty for {@code kamelet/<source id>} in Lumbung's data folder
     * ({@code lumbung.data}), {@code none} for memory only.
     */
    public void setStateDir(String stateDir) {
        this.stateDir = stateDir == null ? "" : stateDir.trim();
    }

    public void setUserAgent(String userAgent) {
        properties.set("lumbung.http-client.user-agent", userAgent);
    }

    public void setAllowPrivateAddresses(String allow) {
        properties.set("lumbung.http-client.allow-private-addresses", allow);
    }

    /** One harvest: its pages, read one by one as the iterator is read. */
    public synchronized Iterator<RecordBatch> pages() {
        String id = sourceId != null ? sourceId : SourceId.fromUrl(baseUrl);
        if (harvester == null) {
            Settings settings = properties.settings();
            HttpFetcher fetcher = Components.fetcher(settings);
            harvester = harvester(fetcher, Components.tuning(settings), settings.dataDir(), id);
        }
        // A state file that cannot be read fails this firing here, naming the file, before the repository is asked.
        checkpoints.checkpoint(id, set);
        SourceOptions defaults = SourceOptions.DEFAULT;
        // The Kamelet keeps no source state where an operator could accept a move: a moved base URL is followed (and
        // logged), as its route names the address it harvests.
        SourceOptions options = new SourceOptions(defaults.politeness(), windows, defaults.initialWindow(), false,
                false, true);
        current = harvester.pages(new HarvestRequest(id, baseUrl, metadataPrefix, set, null, null, options));
        return current;
    }

    private OaiHarvester harvester(HttpFetcher fetcher, HarvestTuning tuning, Path dataDir, String id) {
        Optional<Path> folder = stateFolder(stateDir, dataDir, id);
        if (folder.isEmpty()) {
            checkpoints = new MemoryCheckpointStore();
            return new OaiHarvester(fetcher, checkpoints, DeadLetters.LOG_ONLY, tuning);
        }
        checkpoints = new FileCheckpointStore(folder.get());
        return new OaiHarvester(fetcher, checkpoints, new DeadLetterFile(folder.get().resolve("dead-letters.jsonl")),
                tuning);
    }

    /** The state folder: the one given, else {@code kamelet/<source id>} in the data folder; none for memory only. */
    static Optional<Path> stateFolder(String stateDir, Path dataDir, String id) {
        if (stateDir.equalsIgnoreCase("none")) {
            return Optional.empty();
        }
        return Optional.of(stateDir.isEmpty() ? dataDir.resolve("kamelet").resolve(SourceId.fileName(id))
                : Path.of(stateDir));
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
