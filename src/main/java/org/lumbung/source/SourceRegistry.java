package org.lumbung.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lumbung.harvest.AuditRequest;
import org.lumbung.harvest.HarvestReport;
import org.lumbung.harvest.HarvestRequest;
import org.lumbung.harvest.OaiInspector;
import org.lumbung.harvest.SourceOptions;
import org.lumbung.http.HostQueues;
import org.lumbung.landing.IngestReport;
import org.lumbung.landing.IngestRequest;
import org.lumbung.landing.PageInput;
import org.lumbung.pipeline.SourceId;
import org.quartz.CronExpression;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sources Lumbung runs. The live list is kept in Elasticsearch ({@link SourceStore}); the reviewed seed list is
 * imported into it at start. A source runs only under its lease, so a trigger that fires while it still runs (here or
 * in another Lumbung on the same cluster) is skipped and logged.
 */
public final class SourceRegistry {

    private static final Logger LOG = LoggerFactory.getLogger("lumbung.sources");
    private static final Path WORKING_COPY = Path.of("seeds", "sources.yaml");

    private final SourceStore store;

    public SourceRegistry(SourceStore store) {
        this.store = store;
    }

    /**
     * The seed list: the given file; else {@code seeds/sources.yaml} in the working folder; else the list packaged in
     * the jar, unpacked (with the pages it names) into {@code <data>/packaged-seeds}.
     */
    public static List<Source> seeds(Path seedList, Path dataDir) {
        Path file = seedList != null ? seedList
                : Files.isRegularFile(WORKING_COPY) ? WORKING_COPY : unpackPackagedSeeds(dataDir.resolve("packaged-seeds"));
        List<Source> sources = SourceList.read(file);
        LOG.info("{} sources in the seed list {}", sources.size(), file.toAbsolutePath());
        return sources;
    }

    private static Path unpackPackagedSeeds(Path target) {
        try {
            Files.createDirectories(target);
            Path list = copyResource("lumbung/seeds/sources.yaml", target.resolve("sources.yaml"));
            for (Source source : SourceList.read(list)) {
                for (var page : source.pages()) {
                    Path file = Path.of(page.location());
                    if (file.startsWith(target) && !page.location().matches("(?i)https?://.*")) {
                        copyResource("lumbung/seeds/" + target.relativize(file).toString().replace('\\', '/'), file);
                    }
                }
            }
            return list;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack the packaged seeds into " + target, e);
        }
    }

    private static Path copyResource(String resource, Path target) throws IOException {
        try (InputStream in = SourceRegistry.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException(resource + " is not packaged in the jar");
            }
            Files.createDirectories(target.getParent());
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        }
    }

    /** Seeds define their sources: a seed's definition replaces the stored one; state (checkpoints) stays. */
    public void importSeeds(List<Source> seeds) {
        for (Source seed : seeds) {
            store.update(seed.id(), s -> s.withDefinition(seed, "seeds"));
        }
    }

    /**
     * Adds the repository an inspection found to the live list (the next sync schedules it): under the given id or
     * one derived from its base URL, its platform from Identify or its address.
     */
    public Source add(OaiInspector.Inspection found, String id, String prefix, String schedule) {
        String platform = found.identify().software() != null ? found.identify().software()
                : found.baseUrl().contains("/index.php/") ? "ojs" : "other";
        Source source = Source.oai(id != null ? id : SourceId.fromUrl(found.baseUrl()), found.identify().repositoryName(),
                found.baseUrl(), prefix, List.of(), schedule, platform);
        store.update(source.id(), s -> s.withDefinition(source, "added"));
        return source;
    }

    public SourceStore store() {
        return store;
    }

    public List<String> ids() {
        return all().stream().map(Source::id).toList();
    }

    public List<Source> all() {
        return store.sources().stream().map(SourceState::definition).toList();
    }

    /** Whether a run of this source would harvest it: it is in the live list with its definition. */
    public boolean runs(String id) {
        return listed(id).isPresent();
    }

    private java.util.Optional<Source> listed(String id) {
        return live(id).map(SourceState::definition);
    }

    /** The state of a source in the live list: not removed, and with a definition (an ad-hoc harvest has none). */
    private java.util.Optional<SourceState> live(String id) {
        return store.get(id).filter(s -> !s.removed() && s.definition() != null);
    }

    /**
     * The host a run of the source sends its requests to ({@link HostQueues#key}): an OAI-PMH source's base URL, a
     * landing-page source's first address. A source of local files, or one not in the list, is a host of its own.
     */
    public String hostOf(String id) {
        return hostOf(id, listed(id).orElse(null));
    }

    private static String hostOf(String id, Source source) {
        String address = source == null ? null : source.kind() == Source.Kind.OAI ? source.baseUrl()
                : source.pages().stream().flatMap(p -> java.util.stream.Stream.of(p.location(), p.url()))
                        .filter(u -> u != null && u.matches("(?i)https?://.+"))
                        .findFirst().orElse(null);
        try {
            return address == null ? "source:" + id : HostQueues.key(URI.create(address));
        } catch (IllegalArgumentException e) {
            return "source:" + id;
        }
    }

    /**
     * Pauses or resumes the source: a paused source keeps its checkpoints and is skipped by its schedule and by every
     * trigger until resumed; a run going on finishes. False when the source is not in the list.
     */
    public boolean pause(String id, boolean paused) {
        if (listed(id).isEmpty()) {
            return false;
        }
        store.update(id, s -> s.withPaused(paused));
        LOG.info("source {}: {}", id, paused ? "paused" : "resumed");
        return true;
    }

    /**
     * What a run of a source asked for now would do, from one read of its state: nothing when the source is not in the
     * live list; otherwise be skipped, and why (paused, or another worker holds its live lease; a run on this worker is
     * the run scheduler's to tell), or run.
     */
    public record Readiness(boolean listed, String skipReason) {

        public static final Readiness UNLISTED = new Readiness(false, null);

        /** Whether the run would go ahead. */
        public boolean runs() {
            return listed && skipReason == null;
        }
    }

    /** What a run of the source asked for now would do (see {@link Readiness}). */
    public Readiness readiness(String id) {
        return live(id).map(s -> {
            if (s.paused()) {
                return new Readiness(true, "is paused: resume it first");
            }
            return new Readiness(true, store.holder(s).filter(h -> h.running() && !h.owner().equals(store.instance()))
                    .map(h -> "is running on " + h.owner() + " (its lease holds until " + h.expiresAt() + ")")
                    .orElse(null));
        }).orElse(Readiness.UNLISTED);
    }

    /**
     * Asks the source's running harvest to stop at its next page, with its checkpoint there, on whichever worker holds
     * its lease; empty when there is no such source (an ad-hoc harvest's checkpoint counts: its harvest stops too).
     */
    public java.util.Optional<SourceStore.StopRequest> stop(String id) {
        if (store.get(id).filter(s -> !s.removed()).isEmpty()) {
            return java.util.Optional.empty();
        }
        if (listed(id).map(Source::kind).orElse(null) == Source.Kind.PAGES) {
            // An ingest has no checkpoint to stop at: stopped half way, its next run would read every page again.
            return java.util.Optional.of(new SourceStore.StopRequest(false, null, "reads landing pages, whose runs"
                    + " keep no checkpoint and are not stopped half way (pause it to keep it from running again)"));
        }
        SourceStore.StopRequest request = store.requestStop(id);
        if (request.accepted()) {
            LOG.info("source {}: stop requested; {} stops its run at the next page", id, request.holder());
        }
        return java.util.Optional.of(request);
    }

    /**
     * Accepts the last move of the source's base URL seen ({@link SourceStore#acceptMove}); empty when there is no such
     * source (an ad-hoc harvest's state counts: its harvests follow the move too).
     */
    public java.util.Optional<SourceStore.MoveAcceptance> acceptMove(String id) {
        if (store.get(id).filter(s -> !s.removed()).isEmpty()) {
            return java.util.Optional.empty();
        }
        SourceStore.MoveAcceptance acceptance = store.acceptMove(id);
        if (acceptance.accepted()) {
            LOG.info("source {}: the move of {} to {} accepted; its harvests ask the new address", id,
                    acceptance.move().from(), acceptance.move().to());
        }
        return java.util.Optional.of(acceptance);
    }

    /**
     * Takes the source's lease for a run asked for now and returns it; null (and a log line) when it runs
     * elsewhere.
     */
    public Source claim(String id) {
        return claimRun(RunTrigger.now(id));
    }

    /**
     * Takes the source's lease for the run the trigger asks for and returns the source; null (and a log line) when
     * it is gone, paused, running elsewhere, or its scheduled run or takeover was claimed by another worker already.
     */
    public Source claimRun(RunTrigger trigger) {
        String id = trigger.sourceId();
        if (listed(id).isEmpty()) {
            LOG.warn("source {}: not in the source list (removed?); this trigger is skipped", id);
            return null;
        }
        // Paused is decided in the claim's own write: a pause that lands while it is claimed is never missed.
        SourceStore.Claim claim = store.claim(trigger, true);
        if (!claim.taken()) {
            LOG.info("source {}: {}; this trigger is skipped", id, claim.reason());
            return null;
        }
        return claim.state().definition();
    }

    /** The runs {@code run} queues at start, and each source's host, read in one look of the source list. */
    public record StartRuns(List<RunTrigger> triggers, Map<String, String> hosts) {
    }

    /**
     * What {@code run} queues at start ({@code lumbung.harvest.at-start}): {@code true} every source, asked for now;
     * {@code due} every source for its latest scheduled time, so that a source already run for that time by any
     * worker is skipped and one never run, or left unfinished, runs; {@code false} nothing.
     */
    public StartRuns startRuns(String mode) {
        if ("false".equals(mode)) {
            return new StartRuns(List.of(), Map.of());
        }
        Instant now = Instant.now();
        List<Source> sources = all();
        Map<String, String> hosts = new LinkedHashMap<>();
        sources.forEach(source -> hosts.put(source.id(), hostOf(source.id(), source)));
        return new StartRuns(sources.stream().map(s -> "due".equals(mode)
                ? new RunTrigger(s.id(), previousFire(s.schedule(), now), null) : RunTrigger.now(s.id())).toList(),
                hosts);
    }

    /** The latest time at or before {@code now} the cron fires (Quartz's CronExpression only looks forward). */
    static Instant previousFire(String cron, Instant now) {
        if (cron == null || cron.isBlank()) {
            return now;
        }
        CronExpression expression;
        try {
            expression = new CronExpression(cron);
        } catch (ParseException e) {
            throw new IllegalArgumentException("schedule '" + cron + "' is not a Quartz cron: " + e.getMessage(), e);
        }
        Duration longest = Duration.ofDays(800);
        for (Duration back = Duration.ofMinutes(1); back.compareTo(longest) <= 0; back = back.multipliedBy(4)) {
            Date fire = expression.getNextValidTimeAfter(Date.from(now.minus(back)));
            if (fire != null && !fire.toInstant().isAfter(now)) {
                Date last = fire;
                for (Date next = expression.getNextValidTimeAfter(last); next != null && !next.toInstant().isAfter(now);
                        next = expression.getNextValidTimeAfter(next)) {
                    last = next;
                }
                return last.toInstant();
            }
        }
        return now;
    }

    /** The runs left unfinished by a worker that died or froze, for the takeover sweep to run again. */
    public List<RunTrigger> unfinished() {
        return store.unfinished();
    }

    /**
     * Gives the lease back and records how the run went (a HarvestReport, an IngestReport, or null); returns the run
     * recorded, or null when there was none or it could not be recorded (the lease was taken over, Elasticsearch away).
     */
    public SourceState.LastRun release(String id, Object report) {
        SourceState.LastRun run = null;
        String now = Instant.now().toString();
        if (report instanceof HarvestReport h) {
            run = new SourceState.LastRun(h.startedAt(), now, h.outcome(), h.indexed(), h.deleted(), h.failures().size(),
                    h.error());
        } else if (report instanceof IngestReport i) {
            run = new SourceState.LastRun(null, now, i.outcome(), i.indexed(), i.deleted(), i.failures().size(), null);
        }
        try {
            return store.release(id, run);
        } catch (UncheckedIOException e) {
            // Elasticsearch is away: the lease stays until it expires (or its holder is found dead on this machine).
            LOG.warn("source {}: cannot give its lease back or record this run ({}); the lease expires within "
                    + "lumbung.harvest.lease", id, e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
            return null;
        }
    }

    /**
     * One harvest per set, or one of the whole repository when the source names no set, at the base URL an operator
     * accepted it moved to, if any.
     */
    public List<HarvestRequest> harvestRequests(Source source) {
        String base = store.get(source.id()).map(s -> s.harvestedBase(source.baseUrl())).orElse(source.baseUrl());
        List<HarvestRequest> out = new ArrayList<>();
        if (source.sets().isEmpty()) {
            out.add(new HarvestRequest(source.id(), base, source.metadataPrefix(), null, null, null, source.options()));
        }
        for (String set : source.sets()) {
            out.add(new HarvestRequest(source.id(), base, source.metadataPrefix(), set, null, null, source.options()));
        }
        return out;
    }

    /**
     * An audit of the source as defined (at the base URL an operator accepted it moved to, if any); a source harvested
     * by base URL alone (no definition) is audited at the base URL its Identify stated, in the format it was harvested
     * in. Null when neither is known.
     */
    public AuditRequest auditRequest(String id) {
        SourceState state = store.get(id).filter(s -> !s.removed()).orElse(null);
        if (state == null) {
            return null;
        }
        Source d = state.definition();
        String baseUrl = d != null ? d.baseUrl() : state.identify() == null ? null : state.identify().baseUrl();
        if (baseUrl == null) {
            return null;
        }
        baseUrl = state.harvestedBase(baseUrl);
        String prefix = d == null || "auto".equalsIgnoreCase(d.metadataPrefix()) ? state.format() : d.metadataPrefix();
        return new AuditRequest(id, baseUrl, prefix == null ? "oai_dc" : prefix, d == null ? List.of() : d.sets(),
                d == null ? SourceOptions.DEFAULT : d.options(), false);
    }

    public IngestRequest ingestRequest(Source source) {
        return new IngestRequest(source.id(), source.pages());
    }
}
