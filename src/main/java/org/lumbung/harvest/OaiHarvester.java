package org.lumbung.harvest;

import io.gdcc.xoai.model.oaipmh.Error;
import io.gdcc.xoai.model.oaipmh.verbs.Verb;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;
import org.lumbung.http.HttpFetcher;
import org.lumbung.pipeline.FailureKind;
import org.lumbung.pipeline.RecordFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lumbung's own ListRecords loop (XOAI's ServiceProvider hides the token, keeps every record of a list and loses a page
 * on one bad character). A harvest asks Identify first, then reads the source's range as one list when its first page
 * shows it small, else in date windows, a page at a time; each page's records go to the {@link RecordSink} as soon as
 * they are parsed, and the checkpoint moves once they are indexed. It resumes an interrupted harvest from the last
 * token (when its cursor shows the page continues); a token refused or possibly spent restarts its window, never the
 * repository. A page that cannot be parsed is salvaged; what still cannot be read goes to the dead letters. The loop
 * runs a page at a time inside {@link HarvestPages}, which both {@link #harvest} (handing pages to the sink) and the
 * {@code oai-pmh-source} Kamelet read.
 */
public final class OaiHarvester {

    private static final Logger LOG = LoggerFactory.getLogger("lumbung.harvest");
    static final String IGNORES_FROM = "ignoresFrom";
    /** A whole-list read of the source failed (a refused or spent token, errors, timeouts): read it in windows. */
    static final String NEEDS_WINDOWS = "needsWindows";
    private static final int SALVAGE_BATCH = 100;

    private final HttpFetcher fetcher;
    private final RecordSink sink;
    private final CheckpointStore store;
    private final DeadLetters deadLetters;
    private final IndexedRecords indexed;
    private final HarvestTuning tuning;
    private final PageBudget budget;

    /** {@code budget}: the bytes of pages read and not yet indexed, shared by every harvest of the process. */
    public OaiHarvester(HttpFetcher fetcher, RecordSink sink, CheckpointStore store, DeadLetters deadLetters,
                        IndexedRecords indexed, HarvestTuning tuning, PageBudget budget) {
        this.fetcher = fetcher;
        this.sink = sink;
        this.store = store;
        this.deadLetters = deadLetters;
        this.indexed = indexed;
        this.tuning = tuning;
        this.budget = budget;
    }

    /** A harvester read only through {@link #pages}, by a consumer that indexes the pages itself (the Kamelet). */
    public OaiHarvester(HttpFetcher fetcher, CheckpointStore store, DeadLetters deadLetters, HarvestTuning tuning) {
        this(fetcher, batch -> {
            throw new IllegalStateException("this harvester gives its pages through pages(), not to a sink");
        }, store, deadLetters, IndexedRecords.NONE, tuning, PageBudget.UNBOUNDED);
    }

    public OaiHarvester(HttpFetcher fetcher, RecordSink sink) {
        this(fetcher, sink, CheckpointStore.NONE, DeadLetters.LOG_ONLY, IndexedRecords.NONE, HarvestTuning.DEFAULT,
                PageBudget.UNBOUNDED);
    }

    /** One run of the state a harvest carries from window to window. */
    final class Run {
        final HarvestRequest request;
        final HarvestCounters counters = new HarvestCounters();
        final OaiClient client;
        final CheckpointStore state;
        final Progress progress;
        final PageQueue queue;
        Checkpoint checkpoint;
        String startedAt;
        boolean ignoresWindow;
        /** The window being read, and the records read in it (each version once, however often it was read). */
        Window window;
        final Fingerprints seen = new Fingerprints();
        /** The records of a whole-list read that turned to windows: read again in the windows, not counted twice. */
        final Fingerprints readWhole = new Fingerprints();
        int unidentified;
        /** The list's last token may be spent or loops: a failed harvest's checkpoint starts the window afresh. */
        boolean tokenUnusable;
        /** Bytes of the answers read up to the last page queued. */
        long bytesQueued;

        Run(HarvestRequest request) {
            this.request = request;
            this.client = new OaiClient(fetcher, request, counters, tuning.pageRetries(), true, store);
            this.state = request.explicitWindow() ? CheckpointStore.NONE : store;
            this.progress = new Progress(state, request, counters, tuning.inFlightPages(),
                    tuning.inFlightRecords());
            this.queue = new PageQueue(progress, budget);
        }
    }

    Run run(HarvestRequest request) {
        return new Run(request);
    }

    HarvestTuning tuning() {
        return tuning;
    }

    /** Harvests the source, handing each page to the sink as it is read; returns once every page is indexed. */
    public HarvestReport harvest(HarvestRequest request) {
        HarvestPages pages = pages(request);
        try {
            while (pages.hasNext()) {
                pages.handedOver(sink.accept(pages.next()));
            }
            return pages.report();
        } finally {
            // A sink that threw leaves its page unsent: it holds no budget.
            pages.abandon();
        }
    }

    /** The harvest of the source as pages read one at a time, as the consumer asks for them. */
    public HarvestPages pages(HarvestRequest request) {
        return new HarvestPages(this, request);
    }

    /**
     * After a failure: the pages already handed over are still awaited, so the checkpoint stands past them. False when
     * they could not all be indexed (the checkpoint then stands at the last page that was).
     */
    static boolean settle(Run run) {
        // Stopped by Ctrl-C (interrupted): the pages handed over are awaited all the same, then the interrupt goes on.
        boolean interrupted = Thread.interrupted();
        try {
            run.progress.finish();
            return true;
        } catch (HarvestException e) {
            if (e.kind() != FailureKind.STOPPED) { // a stop says so once, in the report
                LOG.warn("source {}: {}", run.request.sourceId(), e.getMessage());
            }
        } catch (InterruptedException e) {
            interrupted = true;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        return false;
    }

    /**
     * A list stopped on a token that may be spent, refused or looping: the checkpoint keeps the window, never that
     * token, so the next harvest reads the window again from its start instead of resuming into a gap or a loop.
     * Every record read so far is indexed (settled), so nothing before the window's start is lost.
     */
    static void forgetToken(Run run) {
        try {
            run.state.save(run.request.sourceId(), run.checkpoint.at(startedAt(run), run.window, null, 0));
        } catch (HarvestException e) {
            LOG.warn("source {}: {}", run.request.sourceId(), e.getMessage());
        }
    }

    /**
     * The format of a source of metadataPrefix {@code auto}: the one chosen at its first harvest, so that its
     * incremental harvests stay in one format; else the richest the repository lists that Lumbung reads.
     */
    String chooseFormat(HarvestRequest request) throws HarvestException {
        String chosen = store.chosenFormat(request.sourceId());
        if (chosen != null) {
            return chosen;
        }
        OaiClient client = new OaiClient(fetcher, request, new HarvestCounters(), tuning.pageRetries(), true, store);
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
    Identify identify(Run run) throws HarvestException {
        try {
            Identify identify = run.client.identify();
            store.identified(run.request.sourceId(), identify);
            return identify;
        } catch (HarvestException e) {
            if (e.kind().transport() || e.kind() == FailureKind.BLOCKED || e.kind() == FailureKind.BOT_WALL
                    || e.kind() == FailureKind.MOVED || e.kind() == FailureKind.INTERRUPTED) {
                throw e;
            }
            LOG.warn("source {}: Identify failed ({}); harvesting without it, in days", run.request.sourceId(),
                    e.reason());
            return null;
        }
    }

    WindowPlan plan(Run run, Identify identify, boolean seconds) {
        HarvestRequest r = run.request;
        Checkpoint cp = run.checkpoint;
        boolean windows = r.options().windows() && !store.hasQuirk(r.sourceId(), IGNORES_FROM);
        long size = cp.windowSeconds() > 0 ? cp.windowSeconds() : r.options().initialWindow().getSeconds();
        String earliest = identify == null ? null : identify.earliestDatestamp();
        if (cp.inProgress()) {
            run.startedAt = cp.harvestStartedAt();
            LOG.info("source {}: resuming the harvest begun {} at window {}", r.sourceId(), run.startedAt,
                    new Window(cp.windowFrom(), cp.windowUntil()));
            WindowPlan plan = WindowPlan.create(cp.windowFrom(), r.until(), earliest, windows, size, seconds, tuning);
            if (cp.windowUntil() == null && r.until() == null) {
                // An open-ended list in progress (a whole-list read, or the last window): its token goes on that list.
                plan.readWhole(cp.windowFrom());
            }
            return plan;
        }
        String from = r.explicitWindow() ? r.from() : cp.nextFrom();
        WindowPlan plan = WindowPlan.create(from, r.until(), earliest, windows, size, seconds, tuning);
        if (!r.explicitWindow() && tuning.wholeListPages() > 0 && !store.hasQuirk(r.sourceId(), NEEDS_WINDOWS)) {
            plan.readWhole(from);
        }
        return plan;
    }

    /**
     * A whole-list read becomes date windows from the range's start: its first page showed a large list (read whole, a
     * failing token would cost it all again, and a crash would restart it), or it failed. A source whose whole-list
     * read failed is read in windows from then on. What the list gave is indexed; the windows read it again without
     * counting it twice, and the checkpoint keeps no token of the list.
     */
    void turnToWindows(Run run, WindowPlan plan, String why, boolean fault)
            throws HarvestException, InterruptedException {
        HarvestRequest r = run.request;
        plan.toWindows();
        run.readWhole.addAll(run.seen);
        if (fault) {
            store.quirk(r.sourceId(), NEEDS_WINDOWS, "reading the whole list failed (" + why + ")");
        }
        LOG.info("source {}: {}; reading it in date windows from {}", r.sourceId(), why, plan.current());
        run.queue.mark(run.checkpoint.at(startedAt(run), plan.current(), null, plan.size()));
    }

    /**
     * Whether a list can be started again at its window's start instead of sending a token twice: not when the
     * repository ignores from and until, nor when windows are off for the source.
     */
    private boolean windowsPossible(Run run) {
        return run.request.options().windows() && !run.ignoresWindow
                && !store.hasQuirk(run.request.sourceId(), IGNORES_FROM);
    }

    /**
     * Starts the reading of a window, at its first page or at a checkpointed token: a token whose page cannot be
     * checked (no cursor) may have been spent by a page read ahead, so where windows are possible the window starts
     * again instead.
     */
    Pass openWindow(Run run, Window window, String resumeToken, long size, boolean whole) {
        HarvestRequest r = run.request;
        boolean restartable = windowsPossible(run);
        String listUrl = OaiRequest.listRecords(r.baseUrl(), r.metadataPrefix(), r.set(), window.from(),
                window.until()).url();
        run.window = window;
        run.seen.clear();
        run.unidentified = 0;
        Pass pass = new Pass(listUrl, window, size, restartable, whole);
        if (resumeToken != null) {
            pass.resume(r, resumeToken, run.checkpoint);
            if (!pass.continuity.anchored() && restartable) {
                LOG.info("source {}: the checkpointed token cannot be checked (no cursor) and may have been spent by a"
                        + " page read ahead; reading window {} from its start", r.sourceId(), window);
                pass.restart();
            }
        }
        return pass;
    }

    /**
     * Reads the window's next page; false once the window is read to its end ({@link Pass#records} then says how many
     * distinct records it held). A token is never sent blindly twice: where windows are possible, a token that failed
     * in a way that may have spent it, was refused, or led to a page that does not continue the list (a cursor gap)
     * starts the window again; elsewhere the fetcher may send it again, and then each page must continue the list (no
     * cursor gap, no record already read) or the harvest stops incomplete. A window that ends short of its
     * completeListSize is read again once, then the harvest stops.
     */
    boolean readPage(Run run, Pass pass) throws HarvestException, InterruptedException, WindowTooLarge, ReadInWindows {
        HarvestRequest r = run.request;
        Window window = pass.window;
        if (pass.salvage != null) {
            return salvageBatch(run, pass);
        }
        OaiClient.ListPage listed;
        try {
            listed = run.client.list(pass.url, pass.onToken, !pass.restartable);
            pass.resent |= listed.resent() > 0;
            checkContinues(run, pass, listed);
        } catch (HarvestException e) {
            return tokenFailed(run, pass, e);
        } catch (OaiClient.PageLost e) {
            LOG.warn("source {}: a page of window {} cannot be read ({}); fetching the window record by record",
                    r.sourceId(), window, e.getMessage());
            return salvageWindow(run, pass);
        }
        if (pass.whole && !pass.onToken) {
            tooLargeToReadWhole(listed.page());
        }
        pass.pages++;
        String next = deliver(run, pass, listed, window, pass.size);
        if (next == null) {
            String shortBy = shortOfAnnounced(run, pass);
            if (shortBy != null && !pass.readAgainShort) {
                pass.readAgainShort = true;
                LOG.warn("source {}: window {} {}; reading it again", r.sourceId(), window, shortBy);
                pass.restart();
                return true;
            }
            if (shortBy != null) {
                run.tokenUnusable = true;
                throw new HarvestException(FailureKind.LIST_GAP, r.sourceId(), pass.listUrl, "window " + window + " "
                        + shortBy + ", read twice; incomplete");
            }
        }
        pass.next(next == null ? null : resume(r, next));
        if (pass.url == null) {
            pass.records = run.seen.size() + run.unidentified;
            return false;
        }
        return true;
    }

    /** A page failed: the window starts again, turns to windows or to salvage, or the failure stands. */
    private boolean tokenFailed(Run run, Pass pass, HarvestException e)
            throws HarvestException, InterruptedException, WindowTooLarge, ReadInWindows {
        HarvestRequest r = run.request;
        if (!pass.onToken || !OaiClient.tokenLost(e)) {
            if (pass.pages == 0 && shrinkable(e)) {
                throw new WindowTooLarge(e);
            }
            throw e;
        }
        boolean spent = OaiClient.tokenMayBeSpent(e);
        if (pass.whole && pass.restartable) {
            throw new ReadInWindows("the resumption token of the whole list cannot be used (" + e.kind().words()
                    + ": " + e.reason() + ")", true);
        }
        if (pass.restartable && pass.restarts++ < tuning.windowRestarts()) {
            LOG.warn("source {}: the resumption token cannot be used ({}: {}); reading window {} again",
                    r.sourceId(), e.kind().words(), e.reason(), pass.window);
            if (spent) {
                run.queue.mark(run.checkpoint.at(startedAt(run), pass.window, null, pass.size));
            }
            pass.restart();
            return true;
        }
        if (pass.restartable && e.malformed()) {
            LOG.warn("source {}: a page of window {} stays unreadable ({}); fetching the window record by"
                    + " record", r.sourceId(), pass.window, e.reason());
            return salvageWindow(run, pass);
        }
        run.tokenUnusable = spent;
        throw e;
    }

    /**
     * The first page of a whole-list read decides it, before its records are sent: a list that ends on this page, or
     * whose completeListSize fits in a few pages of this page's size, is read whole. A larger one is read in windows,
     * so that a failing token or a crash costs a window, not the repository; so is one that does not announce its size
     * (it may be any size). Either costs one page read twice, on a list of many pages.
     */
    private void tooLargeToReadWhole(OaiPage first) throws ReadInWindows {
        ResumptionToken token = first.resumptionToken();
        if (first.nextToken() == null || tuning.smallList(token.completeListSize(), first.records().size())) {
            return;
        }
        throw new ReadInWindows(token.completeListSize() < 0 ? "the list does not announce its size"
                : "the list holds " + token.completeListSize() + " records, more than "
                + tuning.wholeListPages() + " pages of " + first.records().size(), false);
    }

    /** One page's records on their way to the index, with the checkpoint after them; returns the next token. */
    private String deliver(Run run, Pass pass, OaiClient.ListPage listed, Window window, long size)
            throws HarvestException, InterruptedException {
        HarvestRequest r = run.request;
        OaiPage page = listed.page();
        if (run.startedAt == null && page.responseDate() != null) {
            run.startedAt = page.responseDate();
        }
        run.counters.pages++;
        List<RawRecord> batch = fresh(run, page.records());
        batch.addAll(recover(run, listed.broken(), pass.url));
        noticeIgnoredWindow(run, window, page.records());
        run.queue.add(new RecordBatch(r.sourceId(), pass.url, batch), run.checkpoint.at(startedAt(run), window,
                page.resumptionToken(),
                page.records().size() + listed.broken().size(), size), answered(run));
        LOG.info("harvest {}: page {} read ({} records), window {}, {} records so far", r.sourceId(),
                run.counters.pages, batch.size(), window, run.counters.records);
        String endless = pass.guard.check(page);
        if (endless != null) {
            // The page's records are on their way to the index; only the rest of a list that never ends is not.
            run.tokenUnusable = true;
            throw new HarvestException(FailureKind.ENDLESS_LIST, r.sourceId(), pass.url, endless + "; stopped");
        }
        return page.nextToken();
    }

    /**
     * Where the reading of one window stands: the next URL, whether it carries a token, and what the pages so far say
     * of the ones to come (the guard against endless lists, the cursor, whether a token was sent again).
     */
    static final class Pass {
        private final String listUrl;
        final Window window;
        final long size;
        /** Whether the window can be started again instead of sending a token twice. */
        final boolean restartable;
        /** Whether this is a whole-list read, which turns to windows when large or failing. */
        final boolean whole;
        String url;
        boolean onToken;
        /** Records before the page this pass started at (a resumed list); -1 when unknown. */
        long skipped;
        boolean resent;
        ListGuard guard = new ListGuard();
        ListContinuity continuity = new ListContinuity();
        /** Of the window, across its restarts: pages read, restarts made, whether it was read again for being short. */
        int pages;
        int restarts;
        boolean readAgainShort;
        /** The window's distinct records, once it is read. */
        int records;
        /** The identifiers still to fetch one by one, once the window is salvaged record by record. */
        Deque<OaiHeader> salvage;

        Pass(String listUrl, Window window, long size, boolean restartable, boolean whole) {
            this.listUrl = listUrl;
            this.url = listUrl;
            this.window = window;
            this.size = size;
            this.restartable = restartable;
            this.whole = whole;
        }

        Window window() {
            return window;
        }

        int records() {
            return records;
        }

        void resume(HarvestRequest r, String token, Checkpoint checkpoint) {
            url = OaiHarvester.resume(r, token);
            onToken = true;
            continuity.seed(checkpoint.tokenCursor(), checkpoint.tokenPageRecords());
            skipped = checkpoint.tokenCursor() == null ? -1 : checkpoint.tokenCursor() + checkpoint.tokenPageRecords();
        }

        /** Back to the window's first page, as a new list. */
        void restart() {
            url = listUrl;
            onToken = false;
            skipped = 0;
            resent = false;
            guard = new ListGuard();
            continuity = new ListContinuity();
        }

        void next(String nextUrl) {
            url = nextUrl;
            onToken = nextUrl != null;
        }
    }

    /**
     * Throws when a page does not continue its list: its cursor jumped ahead, or, after its token was sent again, it
     * holds records already read in this list (the same identifier and datestamp: a record changed meanwhile may
     * rightly come again).
     */
    private static void checkContinues(Run run, Pass pass, OaiClient.ListPage listed) throws HarvestException {
        OaiPage page = listed.page();
        String gap = pass.continuity.check(page.resumptionToken(), page.records().size() + listed.broken().size());
        if (gap == null && pass.resent) {
            List<String> again = page.records().stream().filter(rec -> run.seen.contains(fingerprint(rec)))
                    .map(rec -> rec.header().identifier()).limit(3).toList();
            if (!again.isEmpty()) {
                gap = "after its resumption token was sent again, the page holds records already read ("
                        + String.join(", ", again) + ")";
            }
        }
        if (gap != null) {
            throw new HarvestException(FailureKind.LIST_GAP, run.request.sourceId(), pass.url, 0, null,
                    "the page does not continue the list: " + gap, null);
        }
    }

    /**
     * How far the list fell short of the completeListSize it announced, in words; null when it did not (or announced
     * none, or the source only estimates it, or the pass resumed where the records before it are unknown).
     */
    private String shortOfAnnounced(Run run, Pass pass) {
        long announced = pass.guard.announced();
        if (announced < 0 || run.request.options().listSizeEstimated() || pass.skipped < 0) {
            return null;
        }
        long read = pass.skipped + run.seen.size() + run.unidentified;
        long missing = announced - read;
        return missing > tuning.shortListTolerance() ? "ended after " + read + " of the " + announced
                + " records its completeListSize announced (" + missing + " short)" : null;
    }

    private static long fingerprint(RawRecord record) {
        return Fingerprints.of(record.header().identifier(), record.header().datestamp());
    }

    /**
     * The records not yet read in this window (nor by a whole-list read that turned to windows), counted; the others
     * are counted as read again and not sent.
     */
    private static List<RawRecord> fresh(Run run, List<RawRecord> records) {
        List<RawRecord> fresh = new ArrayList<>(records.size());
        for (RawRecord record : records) {
            long fingerprint = fingerprint(record);
            if (!run.seen.add(fingerprint)) {
                run.counters.rereads++;
                continue;
            }
            if (run.readWhole.contains(fingerprint)) {
                run.counters.rereads++; // handed to the index by the whole-list read already
                continue;
            }
            fresh.add(record);
            run.counters.records++;
        }
        return fresh;
    }

    private static String resume(HarvestRequest r, String token) {
        return OaiRequest.resume(r.baseUrl(), Verb.Type.ListRecords, token).url();
    }

    static String startedAt(Run run) {
        return run.startedAt != null ? run.startedAt : Instant.now().toString();
    }

    /**
     * A badArgument whose words say the range holds too many records. OAI-PMH has no error code for that, so
     * repositories that refuse a large range (some DSpace and Fedora set-ups) say it only in the error's text: this is
     * the one decision that reads words, and they are the repository's, not Lumbung's.
     */
    private static final Pattern TOO_MANY = Pattern.compile("(?is).*too (many|large|much).*");

    /** A window that the server cannot serve whole: 5xx, a timeout, or an answer that there are too many records. */
    private static boolean shrinkable(HarvestException e) {
        return e.kind() != FailureKind.BOT_WALL && (e.status() >= 500 || e.status() == 413)
                || e.kind() == FailureKind.TIMEOUT
                || e.oaiCode() == Error.Code.BAD_ARGUMENT && TOO_MANY.matcher(e.repositoryText()).matches();
    }

    /** Records that did not parse even alone: fetched again with GetRecord, else dead letters. */
    private List<RawRecord> recover(Run run, List<PageSalvage.Broken> broken, String url) throws HarvestException {
        List<RawRecord> recovered = new ArrayList<>();
        for (PageSalvage.Broken b : broken) {
            if (b.identifier() == null) {
                run.unidentified++;
            } else if (!run.seen.add(Fingerprints.of(b.identifier(), "(broken)"))) {
                run.counters.rereads++;
                continue;
            }
            if (b.identifier() != null) {
                try {
                    RawRecord record = run.client.getRecord(b.identifier());
                    run.counters.records++;
                    recovered.add(record);
                    continue;
                } catch (HarvestException e) {
                    stopAtMove(e);
                    LOG.warn("source {}: GetRecord {} failed too: {}", run.request.sourceId(), b.identifier(), e.reason());
                }
            }
            deadLetter(run, b.identifier(), "unparseable record: " + b.reason(), url, b.text());
        }
        return recovered;
    }

    /**
     * A record that cannot be fetched because the base URL moved is no bad record: the harvest stops before its page
     * is sent, so the checkpoint stays before it and the record is read at the new address once the move is accepted.
     */
    private static void stopAtMove(HarvestException e) throws HarvestException {
        if (e.kind() == FailureKind.MOVED) {
            throw e;
        }
    }

    private void deadLetter(Run run, String identifier, String reason, String url, String raw) {
        String id = identifier == null ? "(no identifier)" : identifier;
        deadLetters.add(run.request.sourceId(), id, url, reason, raw);
        run.counters.unreadable.add(new RecordFailure(run.request.sourceId(), id, RecordFailure.Stage.HARVEST, 0, reason, raw,
                false));
    }

    /**
     * A page that could not be read at all: the window's identifiers are listed, then each record not yet read is
     * fetched with GetRecord, a batch at a time as the consumer asks, so a large window is not held whole.
     */
    private boolean salvageWindow(Run run, Pass pass) throws HarvestException, InterruptedException {
        pass.salvage = new ArrayDeque<>(new IdentifierLister(run.client, run.request, tuning)
                .window(run.request.set(), pass.window));
        return salvageBatch(run, pass);
    }

    /** The window's next records fetched one by one; false once every identifier listed is fetched. */
    private boolean salvageBatch(Run run, Pass pass) throws HarvestException, InterruptedException {
        List<RawRecord> batch = new ArrayList<>();
        while (batch.size() < SALVAGE_BATCH && !pass.salvage.isEmpty()) {
            OaiHeader header = pass.salvage.poll();
            if (!run.seen.add(Fingerprints.of(header.identifier(), header.datestamp()))) {
                run.counters.rereads++;
            } else if (header.deleted()) {
                batch.add(new RawRecord(header, null, run.request.metadataPrefix()));
            } else {
                try {
                    batch.add(run.client.getRecord(header.identifier()));
                } catch (HarvestException e) {
                    stopAtMove(e);
                    deadLetter(run, header.identifier(), e.reason(), e.url(), null);
                }
            }
        }
        send(run, batch, run.checkpoint.at(startedAt(run), pass.window, null, 0));
        if (!pass.salvage.isEmpty()) {
            return true;
        }
        pass.records = run.seen.size() + run.unidentified;
        return false;
    }

    private void send(Run run, List<RawRecord> batch, Checkpoint after) throws HarvestException, InterruptedException {
        if (batch.isEmpty()) {
            return;
        }
        run.counters.records += batch.size();
        run.queue.add(new RecordBatch(run.request.sourceId(), run.request.baseUrl(), batch), after, answered(run));
        batch.clear();
    }

    /** The bytes of the answers read since the last page was queued: the page's own, and any request before it. */
    private static long answered(Run run) {
        long bytes = run.counters.bytes - run.bytesQueued;
        run.bytesQueued = run.counters.bytes;
        return bytes;
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

    /**
     * For repositories that do not report deletions: what the index has and the repository no longer lists. Only a
     * listing proven complete may say a record is gone; a list cut short would tombstone live records.
     */
    void reconcileDeletions(Run run, Identify identify) throws HarvestException, InterruptedException {
        HarvestRequest r = run.request;
        boolean windows = r.options().windows() && !store.hasQuirk(r.sourceId(), IGNORES_FROM);
        Listing listing = new IdentifierLister(run.client, r, tuning).list(null, identify, windows,
                r.options().initialWindow().getSeconds());
        if (!listing.complete()) {
            throw new HarvestException(r.sourceId(), r.baseUrl(), "deletions not reconciled, nothing tombstoned: "
                    + "the repository's identifiers could not be listed completely (" + listing.gap() + ")");
        }
        String now = Instant.now().toString();
        List<RawRecord> gone = new ArrayList<>();
        indexed.liveIdentifiers(r.sourceId(), id -> {
            if (!listing.live(id)) {
                gone.add(new RawRecord(new OaiHeader(id, now, List.of(), true), null, r.metadataPrefix()));
            }
        });
        if (!store.holds(r.sourceId())) {
            throw new HarvestException(FailureKind.FENCED, r.sourceId(), r.baseUrl(), "deletions not reconciled, "
                    + "nothing tombstoned: another worker took over this source's lease while the list was read");
        }
        LOG.info("source {}: {} records no longer listed by the repository become tombstones", r.sourceId(),
                gone.size());
        for (int i = 0; i < gone.size(); i += SALVAGE_BATCH) {
            send(run, new ArrayList<>(gone.subList(i, Math.min(gone.size(), i + SALVAGE_BATCH))), run.checkpoint);
        }
    }

    /** A whole-list read that must turn to windows: its list is large, or (a fault) it failed. */
    static final class ReadInWindows extends Exception {
        private static final long serialVersionUID = 1L;
        final boolean fault;

        ReadInWindows(String reason, boolean fault) {
            super(reason);
            this.fault = fault;
        }
    }

    /** The first page of a window failed in a way a smaller window may avoid. */
    static final class WindowTooLarge extends Exception {
        private static final long serialVersionUID = 1L;
        final transient HarvestException cause;

        WindowTooLarge(HarvestException cause) {
            super(cause.getMessage());
            this.cause = cause;
        }
    }
}
