package org.lumbung.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import org.lumbung.App;
import org.lumbung.config.LogFile;
import org.lumbung.config.Lumbung;
import org.lumbung.harvest.HarvestReport;
import org.lumbung.harvest.HarvestRequest;
import org.lumbung.harvest.SourceOptions;
import org.lumbung.http.HttpFetcher;
import org.lumbung.pipeline.Durations;
import org.lumbung.pipeline.SourceId;
import org.lumbung.source.SourceRegistry;
import org.lumbung.source.SourceState;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Harvests one OAI-PMH repository once, through the harvest route, under the source's lease, and prints one line of
 * counts. Without --from and --until it is incremental and resumable: it continues from the source's checkpoint. A base
 * URL whose move an operator accepted for the source ({@code sources accept-move}) is harvested at its new address.
 */
@Command(name = "harvest", mixinStandardHelpOptions = true,
        description = "Harvest an OAI-PMH repository (ListRecords) into the index.")
public final class HarvestCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common = new CommonOptions();

    @Parameters(index = "0", paramLabel = "BASE_URL", description = "The repository's OAI-PMH base URL.")
    String baseUrl;

    @Option(names = "--prefix", paramLabel = "PREFIX",
            description = "metadataPrefix, or auto for the richest format the repository lists that Lumbung reads; "
                    + "default oai_dc.")
    String prefix = "oai_dc";

    @Option(names = "--set", paramLabel = "SPEC", description = "Harvest only this set.")
    String set;

    @Option(names = "--from", paramLabel = "DATE", description = "Records changed from this date, in the repository's granularity.")
    String from;

    @Option(names = "--until", paramLabel = "DATE", description = "Records changed until this date.")
    String until;

    @Option(names = "--source", paramLabel = "ID", description = "Source id; default derived from the base URL.")
    String source;

    @Option(names = "--no-windows", description = "Read the whole range as one list (for servers that mishandle from/until).")
    boolean noWindows;

    @Option(names = "--window", paramLabel = "SIZE", description = "Size of the first date window, e.g. 30d; default the source's or 365d.")
    String window;

    @Option(names = "--delay", paramLabel = "DURATION", description = "Pause between two requests to the repository, e.g. 2s.")
    String delay;

    @Option(names = "--insecure", description = "Do not verify the repository's TLS certificate.")
    boolean insecure;

    @Option(names = "--reconcile-deletions", description = "After the harvest, tombstone indexed records the repository no longer lists.")
    boolean reconcile;

    /** The source's options with what the command line says on top. */
    private SourceOptions adjusted(SourceOptions options) {
        try {
            HttpFetcher.Politeness politeness = new HttpFetcher.Politeness(
                    delay == null ? options.politeness().delay() : Durations.parse(delay),
                    options.politeness().verifyTls() && !insecure);
            return new SourceOptions(politeness, options.windows() && !noWindows,
                    window == null ? options.initialWindow() : Durations.parse(window),
                    options.reconcileDeletions() || reconcile, options.listSizeEstimated(), options.followMoves());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(new CommandLine(this), e.getMessage());
        }
    }

    @Override
    public Integer call() throws Exception {
        if (!baseUrl.matches("(?i)https?://.+")) {
            throw new CommandLine.ParameterException(new CommandLine(this),
                    "BASE_URL must be an http(s) URL, not '" + baseUrl + "'");
        }
        String id = CommonOptions.sourceId(source != null ? source : SourceId.fromUrl(baseUrl), this);
        try (Lumbung lumbung = Lumbung.start(common.settings(Map.of()))) {
            SourceRegistry registry = lumbung.components().sourceRegistry();
            SourceState state = registry.store().get(id).orElse(null);
            SourceOptions options = adjusted(state == null || state.definition() == null ? SourceOptions.DEFAULT
                    : state.definition().options());
            String base = state == null ? baseUrl : state.harvestedBase(baseUrl);
            if (!registry.store().acquire(id)) {
                SourceState.Lease lease = registry.store().get(id).map(SourceState::lease).orElse(null);
                System.err.println("lumbung: source " + id + " is being harvested by "
                        + (lease == null ? "another Lumbung" : lease.owner() + " (lease until " + lease.expiresAt() + ")"));
                return App.FAILED;
            }
            HarvestReport report = null;
            try {
                report = lumbung.send("direct:harvest",
                        new HarvestRequest(id, base, prefix, set, from, until, options), HarvestReport.class);
            } catch (RuntimeException e) {
                if (!lumbung.stopping()) {
                    throw e;
                }
                LoggerFactory.getLogger(LogFile.FAILURES).warn("harvest of {} interrupted", id, e);
            } finally {
                registry.release(id, report);
            }
            if (report != null) {
                System.out.println(report.summary());
                CommonOptions.printWaits(lumbung);
            }
            if (lumbung.stopping()) {
                System.err.println("lumbung: harvest of " + id + " stopped (interrupted); the next harvest "
                        + (from != null || until != null ? "reads the range given again"
                        : "resumes from " + registry.store().checkpoint(id, set).describe()));
                return App.FAILED;
            }
            return report.complete() && report.failures().isEmpty() ? App.OK : App.FAILED;
        }
    }
}
