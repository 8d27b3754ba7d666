package org.lumbung.harvest;

import io.gdcc.xoai.model.oaipmh.Error;
import io.gdcc.xoai.model.oaipmh.verbs.Verb;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.lumbung.pipeline.Delivery;
import org.lumbung.pipeline.Outcome;
import org.lumbung.pipeline.RecordFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lumbung's own ListRecords loop (XOAI's ServiceProvider hides the token, keeps every record of a list and loses a page
 * on one bad character). A harvest asks Identify first, then reads the source's range in date windows, a page at a
 * time; each page's records go to the {@link RecordSink} as soon as they are parsed, and the checkpoint moves once
 * they are indexed. It resumes an interrupted harvest from the last token; a refused token restarts its window, never
 * the repository. A page that cannot be parsed is salvaged; what still cannot be read goes to the dead letters.
 */
public final class OaiHarvester {

    private static final Logger LOG = LoggerFactory.getLogger("lumbung.harvest");
    static final String IGNORES_FROM = "ignoresFrom";
    private static final int SALVAGE_BATCH = 100;

    private final HttpFetcher fetcher;
    private final RecordSink sink;
    private final CheckpointStore store;
    private final DeadLetters deadLetters;
    private final IndexedRecords indexed;
    private final HarvestTuning tuning;

    public OaiHarvester(HttpFetcher fetcher, RecordSink sink, CheckpointStore store, DeadLetters deadLetters,
                        IndexedRecords indexed, HarvestTuning tuning) {
        this.fetcher = fetcher;
        this.sink = sink;
        this.store = store;
        this.deadLetters = deadLetters;
        this.indexed = indexed;
        this.tuning = tuning;
    }

    public OaiHarvester(HttpFetcher fetcher, RecordSink sink) {
        this(fetcher, sink, CheckpointStore.NONE, DeadLetters.LOG_ONLY, IndexedRecords.NONE, HarvestTuning.DEFAULT);
    }

    /** One run of the state a harvest carries from window to window. */
    private final class Run {
        final HarvestRequest request;
        final HarvestCounters counters = new HarvestCounters();
        final OaiClient client;
        final CheckpointStore state;
        final Progress progress;
        Checkpoint checkpoint;
        String startedAt;
        boolean ignoresWindow;

        Run(HarvestRequest request) {
            this.request = request;
            this.client = new OaiClient(fetcher, request, counters, tuning.pageRetries());
            this.state = request.explicitWindow() ? CheckpointStore.NONE : store;
            this.progress = new Progress(state, request, counters, tuning.inFlightPages());
        }
    }

    public HarvestReport harvest(HarvestRequest asked) {
        long start = System.nanoTime();
        String began = Instant.now().toString();
        HarvestRequest request;
        try {
            request = asked.autoFormat() ? asked.withMetadataPrefix(chooseFormat(asked)) : asked;
        } catch (HarvestException e) {
            return new HarvestCounters().report(asked, Window.ALL.toString(), began, start, e.getMessage());
        }
        Run run = new Run(request);
        String error = null;
        String range = Window.ALL.toString();
        try {
            Identify identify = identify(run);
            boolean seconds = identify != null && identify.secondsGranularity();
            run.checkpoint = run.state.checkpoint(request.sourceId(), request.set());
            WindowPlan plan = plan(run, identify, seconds);
            range = plan.current().toString();
            readWindows(run, plan);
            run.progress.finish();
            if (!request.explicitWindow()) {
                Instant from = Datestamps.parse(run.startedAt);
                String next = from == null ? null : Datestamps.format(from.minus(tuning.overlap()), seconds);
                run.checkpoint = run.checkpoint.completed(next);
                run.state.save(request.sourceId(), run.checkpoint);
            }
            if (request.options().reconcileDeletions() && request.set() == null && !request.explicitWindow()) {
                reconcileDeletions(run);
                run.progress.finish();
            }
        } catch (HarvestException e) {
            error = e.getMessage();
            settle(run);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
            settle(run);
        }
        return run.counters.report(request, range, began, start, error);
    }

    /** After a failure: the pages already handed over are still awaited, so the checkpoint stands past them. */
    private static void settle(Run run) {
        // Stopped by Ctrl-C (interrupted): the pages handed over are awaited all the same, then the interrupt goes on.
        boolean interrupted = Thread.interrupted();
        try {
            run.progress.finish();
        } catch (HarvestException e) {
            LOG.warn("source {}: {}", run.request.sourceId(), e.getMessage());
        } catch (InterruptedException e) {
            interrupted = true;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * The format of a source of metadataPrefix {@code auto}: the one chosen at its first harvest, so that its
     * incremental harvests stay in one format; else the richest the repository lists that Lumbung reads.
     */
    private String chooseFormat(HarvestRequest request) throws HarvestException {
        String chosen = store.chosenFormat(request.sourceId());
        if (chosen != null) {
            return chosen;
        }
        OaiClient client = new OaiClient(fetcher, request, new HarvestCounters(), tuning.pageRetries());
        List<MetadataFormat> formats = client.page(OaiRequest.verb(request.baseUrl(),
                io.gdcc.xoai.model.oaipmh.verbs.Verb.Type.ListMetadataFormats).url()).formats();
        MetadataFormat richest = FormatChoice.richest(formats).orElseThrow(() -> new HarvestException(
                request.sourceId(), request.baseUrl(), "metadataPrefix auto: none of the formats the repository lists ("
                + formats.stream().map(MetadataFormat::metadataPrefix).toList() + ") has a crosswalk; name one"));
        LOG.info("source {}: metadataPrefix auto chose {} of {}", request.sourceId(), richest.metadataPrefix(),
                formats.stream().map(MetadataFormat::metadataPrefix).toList());
        store.formatChosen(request.sourceId(), richest.metadataPrefix());
        return richest.metadataPrefix();
    }

    /** Identify, remembered for the source. A broken Identify is tolerated: the list may still work. */
    private Identify identify(Run run) throws HarvestException {
        try {
            Identify identify = run.client.identify();
            store.identified(run.request.sourceId(), identify);
            return identify;
        } catch (HarvestException e) {
            if (e.status() == 0 && e.oaiCode() == null && e.reason().startsWith("cannot reach")) {
                throw e;
            }
            LOG.warn("source {}: Identify failed ({}); harvesting without it, in days", run.request.sourceId(),
                    e.reason());
            return null;
        }
    }

    private WindowPlan plan(Run run, Identify identify, boolean seconds) {
        HarvestRequest r = run.request;
        Checkpoint cp = run.checkpoint;
        boolean windows = r.options().windows() && !store.hasQuirk(r.sourceId(), IGNORES_FROM);
        long size = cp.windowSeconds() > 0 ? cp.windowSeconds() : r.options().initialWindow().getSeconds();
        String earliest = identify == null ? null : identify.earliestDatestamp();
        if (cp.inProgress()) {
            run.startedAt = cp.harvestStartedAt();
            LOG.info("source {}: resuming the harvest begun {} at window {}", r.sourceId(), run.startedAt,
                    new Window(cp.windowFrom(), cp.windowUntil()));
            return WindowPlan.create(cp.windowFrom(), r.until(), earliest, windows, size, seconds, tuning);
        }
        String from = r.explicitWindow() ? r.from() : cp.nextFrom();
        return WindowPlan.create(from, r.until(), earliest, windows, size, seconds, tuning);
    }

    private void readWindows(Run run, WindowPlan plan) throws HarvestException, InterruptedException {
        String token = run.checkpoint.inProgress() ? run.checkpoint.resumptionToken() : null;
        while (true) {
            Window window = plan.current();
            int records;
            try {
                records = readWindow(run, window, token, plan.size());
            } catch (WindowTooLarge e) {
                if (!plan.shrink()) {
                    throw e.cause;
                }
                LOG.warn("source {}: window {} failed ({}); trying a smaller one", run.request.sourceId(), window,
                        e.cause.reason());
                token = null;
                continue;
            }
            token = null;
            if (run.ignoresWindow || !plan.advance()) {
                return;
            }
            if (records < tuning.smallPageRecords()) {
                plan.grow();
            }
            run.progress.checkpoint(run.checkpoint.at(startedAt(run), plan.current(), null, plan.size()));
        }
    }

    /** Reads one window to its end; returns how many records it held. */
    private int readWindow(Run run, Window window, String resumeToken, long size)
            throws HarvestException, InterruptedException, WindowTooLarge {
        HarvestRequest r = run.request;
        String listUrl = OaiRequest.listRecords(r.baseUrl(), r.metadataPrefix(), r.set(), window.from(),
                window.until()).url();
        String url = resumeToken == null ? listUrl : resume(r, resumeToken);
        boolean onToken = resumeToken != null;
        int restarts = 0;
        int pages = 0;
        int records = 0;
        ListGuard guard = new ListGuard();
        while (url != null) {
            OaiClient.ListPage listed;
            try {
                listed = run.client.list(url);
            } catch (HarvestException e) {
                if (onToken && OaiClient.tokenRefused(e) && restarts < tuning.windowRestarts()) {
                    restarts++;
                    LOG.warn("source {}: the repository refused the resumption token ({}); reading window {} again",
                            r.sourceId(), e.reason(), window);
                    url = listUrl;
                    onToken = false;
                    guard = new ListGuard();
                    continue;
                }
                if (pages == 0 && shrinkable(e)) {
                    throw new WindowTooLarge(e);
                }
                throw e;
            } catch (OaiClient.PageLost e) {
                LOG.warn("source {}: a page of window {} cannot be read ({}); fetching the window record by record",
                        r.sourceId(), window, e.getMessage());
                return records + salvageWindow(run, window);
            }
            OaiPage page = listed.page();
            if (run.startedAt == null && page.responseDate() != null) {
                run.startedAt = page.responseDate();
            }
            pages++;
            run.counters.pages++;
            List<RawRecord> batch = new ArrayList<>(page.records());
            batch.addAll(recover(run, listed.broken(), url));
            records += batch.size();
            run.counters.records += batch.size();
            noticeIgnoredWindow(run, window, page.records());
            String token = page.nextToken();
            Delivery delivery = batch.isEmpty() ? Delivery.done(Outcome.NONE)
                    : sink.accept(new RecordBatch(r.sourceId(), url, batch));
            run.progress.add(delivery, run.checkpoint.at(startedAt(run), window, token, size));
            LOG.info("harvest {}: page {} read ({} records), window {}, {} records so far", r.sourceId(),
                    run.counters.pages, batch.size(), window, run.counters.records);
            String endless = guard.check(page);
            if (endless != null) {
                // The page's records are on their way to the index; only the rest of a list that never ends is not.
                throw new HarvestException(r.sourceId(), url, endless + "; stopped");
            }
            onToken = token != null;
            url = token == null ? null : resume(r, token);
        }
        return records;
    }

    private static String resume(HarvestRequest r, String token) {
        return OaiRequest.resume(r.baseUrl(), Verb.Type.ListRecords, token).url();
    }

    private static String startedAt(Run run) {
        return run.startedAt != null ? run.startedAt : Instant.now().toString();
    }

    /** A window that the server cannot serve whole: 5xx, a timeout, or an answer that there are too many records. */
    private static boolean shrinkable(HarvestException e) {
        return e.status() >= 500 || e.status() == 413
                || e.status() == 0 && e.oaiCode() == null && e.reason().contains("timed out")
                || e.oaiCode() == Error.Code.BAD_ARGUMENT && e.reason().matches("(?is).*too (many|large|much).*");
    }

    /** Records that did not parse even alone: fetched again with GetRecord, else dead letters. */
    private List<RawRecord> recover(Run run, List<PageSalvage.Broken> broken, String url) {
        List<RawRecord> recovered = new ArrayList<>();
        for (PageSalvage.Broken b : broken) {
            if (b.identifier() != null) {
                try {
                    recovered.add(run.client.getRecord(b.identifier()));
                    continue;
                } catch (HarvestException e) {
                    LOG.warn("source {}: GetRecord {} failed too: {}", run.request.sourceId(), b.identifier(), e.reason());
                }
            }
            deadLetter(run, b.identifier(), "unparseable record: " + b.reason(), url, b.text());
        }
        return recovered;
    }

    private void deadLetter(Run run, String identifier, String reason, String url, String raw) {
        String id = identifier == null ? "(no identifier)" : identifier;
        deadLetters.add(run.request.sourceId(), id, url, reason, raw);
        run.counters.unreadable.add(new RecordFailure(run.request.sourceId(), id, reason, raw, false));
    }

    /** The window's identifiers, then each record by GetRecord: for a page that could not be read at all. */
    private int salvageWindow(Run run, Window window) throws HarvestException, InterruptedException {
        List<OaiHeader> headers = run.client.listIdentifiers(window);
        List<RawRecord> batch = new ArrayList<>();
        int count = 0;
        for (OaiHeader header : headers) {
            if (header.deleted()) {
                batch.add(new RawRecord(header, null, run.request.metadataPrefix()));
            } else {
                try {
                    batch.add(run.client.getRecord(header.identifier()));
                } catch (HarvestException e) {
                    deadLetter(run, header.identifier(), e.reason(), e.url(), null);
                }
            }
            if (batch.size() == SALVAGE_BATCH) {
                count += send(run, batch, run.checkpoint.at(startedAt(run), window, null, 0));
            }
        }
        count += send(run, batch, run.checkpoint.at(startedAt(run), window, null, 0));
        return count;
    }

    private int send(Run run, List<RawRecord> batch, Checkpoint after) throws HarvestException, InterruptedException {
        if (batch.isEmpty()) {
            return 0;
        }
        int n = batch.size();
        run.counters.records += n;
        Delivery delivery = sink.accept(new RecordBatch(run.request.sourceId(), run.request.baseUrl(), List.copyOf(batch)));
        run.progress.add(delivery, after);
        batch.clear();
        return n;
    }

    /**
     * Some servers ignore from and until (OJS and Invenio cases in the wild): datestamps outside the window give them
     * away. The source is marked, the list is read to its end as the whole repository, and no more windows are asked.
     */
    private void noticeIgnoredWindow(Run run, Window window, List<RawRecord> records) {
        if (run.ignoresWindow || window.from() == null) {
            return;
        }
        Instant from = Datestamps.parse(window.from());
        long outside = records.stream().map(r -> Datestamps.parse(r.header().datestamp()))
                .filter(d -> d != null && d.isBefore(from)).count();
        if (outside > 0) {
            run.ignoresWindow = true;
            String detail = outside + " records dated before from=" + window.from();
            store.quirk(run.request.sourceId(), IGNORES_FROM, detail);
            LOG.warn("source {}: the repository ignores from ({}); reading this list as the whole repository",
                    run.request.sourceId(), detail);
        }
    }

    /** For repositories that do not report deletions: what the index has and the repository no longer lists. */
    private void reconcileDeletions(Run run) throws HarvestException, InterruptedException {
        java.util.Set<String> listed = new java.util.HashSet<>();
        for (OaiHeader header : run.client.listIdentifiers(Window.ALL)) {
            if (!header.deleted()) {
                listed.add(header.identifier());
            }
        }
        String now = Instant.now().toString();
        List<RawRecord> gone = new ArrayList<>();
        indexed.liveIdentifiers(run.request.sourceId(), id -> {
            if (!listed.contains(id)) {
                gone.add(new RawRecord(new OaiHeader(id, now, List.of(), true), null, run.request.metadataPrefix()));
            }
        });
        LOG.info("source {}: {} records no longer listed by the repository become tombstones", run.request.sourceId(),
                gone.size());
        for (int i = 0; i < gone.size(); i += SALVAGE_BATCH) {
            send(run, new ArrayList<>(gone.subList(i, Math.min(gone.size(), i + SALVAGE_BATCH))), run.checkpoint);
        }
    }

    /** The first page of a window failed in a way a smaller window may avoid. */
    private static final class WindowTooLarge extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient HarvestException cause;

        WindowTooLarge(HarvestException cause) {
            super(cause.getMessage());
            this.cause = cause;
        }
    }
}
