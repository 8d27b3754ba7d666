package org.lumbung.source;

import java.util.List;
import org.lumbung.harvest.SourceOptions;
import org.lumbung.http.HttpFetcher;
import org.lumbung.landing.PageInput;
import org.lumbung.pipeline.Durations;

/**
 * A source Lumbung harvests: an OAI-PMH endpoint ({@code oai}) or a list of landing pages ({@code pages}), with its
 * cron schedule (Quartz syntax, seconds first) and its own harvesting knobs.
 *
 * @param id                 slug used in logs, document ids and provenance
 * @param name               what people call it
 * @param kind               oai or pages
 * @param baseUrl            the OAI-PMH base URL (oai only)
 * @param metadataPrefix     the format to harvest (oai only)
 * @param sets               setSpecs to harvest; empty harvests the whole repository (oai only)
 * @param schedule           Quartz cron expression
 * @param pages              page files or URLs with their addresses (pages only)
 * @param platform           dspace, eprints, ojs, invenio, dataverse or other
 * @param politeness         pause between requests and TLS verification
 * @param windows            date windows on or off, and the first window's size
 * @param reconcileDeletions compare the repository's identifiers with the index after each harvest
 * @param audit              Quartz cron expression of the source's audits (oai only), or null for none
 * @param listSizeEstimated  the repository's completeListSize is only an estimate: a list ending short of it is not
 *                           read again nor called incomplete (oai only)
 * @param freshness          how long the source may go without a complete run before it is alerted as stale
 *                           ({@code 2d}), or null for never
 * @param alertWebhook       where its alerts are posted, instead of {@code lumbung.alerts.webhook}, or null
 * @param followMoves        a permanent redirect of its base URL elsewhere is followed (and shown), instead of stopping
 *                           the harvest until an operator accepts the move (oai only)
 */
public record Source(String id, String name, Kind kind, String baseUrl, String metadataPrefix, List<String> sets,
                     String schedule, List<PageInput> pages, String platform, Politeness politeness, Windows windows,
                     boolean reconcileDeletions, String audit, boolean listSizeEstimated, String freshness,
                     String alertWebhook, boolean followMoves) {

    public Source(String id, String name, Kind kind, String baseUrl, String metadataPrefix, List<String> sets,
                  String schedule, List<PageInput> pages, String platform, Politeness politeness, Windows windows,
                  boolean reconcileDeletions, String audit, boolean listSizeEstimated) {
        this(id, name, kind, baseUrl, metadataPrefix, sets, schedule, pages, platform, politeness, windows,
                reconcileDeletions, audit, listSizeEstimated, null, null, false);
    }

    public Source(String id, String name, Kind kind, String baseUrl, String metadataPrefix, List<String> sets,
                  String schedule, List<PageInput> pages, String platform, Politeness politeness, Windows windows,
                  boolean reconcileDeletions, String audit) {
        this(id, name, kind, baseUrl, metadataPrefix, sets, schedule, pages, platform, politeness, windows,
                reconcileDeletions, audit, false);
    }

    /** What a source is. */
    public enum Kind { OAI, PAGES }

    /**
     * How gently to treat the server: a pause between requests ({@code 0s}, {@code 2s}) and TLS verification. What
     * a source list leaves out takes the safe default: no pause, TLS verified.
     */
    public record Politeness(String delay, Boolean verifyTls) {
        public static final Politeness DEFAULT = new Politeness("0s", true);

        public Politeness {
            delay = delay == null ? "0s" : delay;
            verifyTls = verifyTls == null || verifyTls;
        }
    }

    /** Date windows: on, with the first window's size ({@code 365d}); off for servers that mishandle from/until. */
    public record Windows(Boolean enabled, String initial) {
        public static final Windows DEFAULT = new Windows(true, "365d");

        public Windows {
            enabled = enabled == null || enabled;
            initial = initial == null ? "365d" : initial;
        }
    }

    public Source {
        sets = sets == null ? List.of() : List.copyOf(sets);
        pages = pages == null ? List.of() : List.copyOf(pages);
        politeness = politeness == null ? Politeness.DEFAULT : politeness;
        windows = windows == null ? Windows.DEFAULT : windows;
    }

    /** An OAI-PMH source with the default knobs. */
    public static Source oai(String id, String name, String baseUrl, String metadataPrefix, List<String> sets,
                             String schedule, String platform) {
        return new Source(id, name, Kind.OAI, baseUrl, metadataPrefix, sets, schedule, List.of(), platform, null, null,
                false, null);
    }

    /** The same source with a freshness target and a webhook of its own (either may be null). */
    public Source withAlerting(String freshnessTarget, String webhook) {
        return new Source(id, name, kind, baseUrl, metadataPrefix, sets, schedule, pages, platform, politeness, windows,
                reconcileDeletions, audit, listSizeEstimated, freshnessTarget, webhook, followMoves);
    }

    /** The same source, following a move of its base URL or not. */
    public Source withFollowMoves(boolean follow) {
        return new Source(id, name, kind, baseUrl, metadataPrefix, sets, schedule, pages, platform, politeness, windows,
                reconcileDeletions, audit, listSizeEstimated, freshness, alertWebhook, follow);
    }

    /** What the harvester needs of these knobs. */
    public SourceOptions options() {
        return new SourceOptions(new HttpFetcher.Politeness(Durations.parse(politeness.delay()), politeness.verifyTls()),
                windows.enabled(), Durations.parse(windows.initial()), reconcileDeletions, listSizeEstimated,
                followMoves);
    }
}
