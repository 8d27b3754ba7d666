package org.lumbung.harvest;

import java.time.Instant;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.lumbung.pipeline.Delivery;
import org.lumbung.pipeline.FailureKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One harvest as a lazy sequence of pages (as XOAI's record iterators read a list): each {@link #hasNext} reads only
 * as far as the next page, through Identify, the source's date windows, the guard against endless lists, salvage
 * and the checkpoints. A consumer hands each page it took to the index ({@link #handedOver}); a page's checkpoint is
 * saved once its delivery is done and every page before it is, so a consumer that stops early leaves the checkpoint
 * at its last page indexed. A failure ends the sequence; {@link #report} then says what went wrong.
 */
public final class HarvestPages implements Iterator<RecordBatch> {

    private static final Logger LOG = LoggerFactory.getLogger("lumbung.harvest");

    /** Where the harvest stands: the steps between two pages. */
    private enum Phase { BEGIN, WINDOW, PAGE, END, RECONCILED, DONE }

    private final OaiHarvester harvester;
    private final HarvestRequest asked;
    private final long start = System.nanoTime();
    private final String began = Instant.now().toString();
    private Phase phase = Phase.BEGIN;
    private OaiHarvester.Run run;
    private Identify identify;
    private boolean seconds;
    private WindowPlan plan;
    private String range = Window.ALL.toString();
    /** The token the next window starts at: a checkpointed one, for the first window of a resumed harvest. */
    private String token;
    private OaiHarvester.Pass pass;
    private String error;
    private FailureKind endedBy;
    private boolean interrupted;
    private HarvestReport report;

    HarvestPages(OaiHarvester harvester, HarvestRequest asked) {
        this.harvester = harvester;
        this.asked = asked;
    }

    @Override
    public boolean hasNext() {
        while (report == null) {
            if (run != null && run.queue.hasRead()) {
                return true;
            }
            if (phase.compareTo(Phase.END) >= 0 && run != null && !run.queue.settled()) {
                // Asked ahead (a Camel split looks one page ahead): what is left waits until the pages are indexed.
                if (phase == Phase.END && run.request.options().reconcileDeletions()) {
                    throw new IllegalStateException("hand the pages over before asking for more: deletions are"
                            + " reconciled only after every page is indexed");
                }
                return false;
            }
            if (phase == Phase.DONE) {
                end();
                return false;
            }
            try {
                step();
            } catch (HarvestException e) {
                fail(e);
            } catch (InterruptedException e) {
                interrupted();
            }
        }
        return false;
    }

    @Override
    public RecordBatch next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return run.queue.next();
    }

    /** The page taken last and not handed over yet is on its way to the index: once done, its checkpoint moves. */
    public void handedOver(Delivery delivery) {
        try {
            run.queue.handedOver(delivery);
        } catch (HarvestException e) {
            run.queue.dropRead();
            fail(e);
        } catch (InterruptedException e) {
            interrupted();
        }
        if (run.queue.settled() && phase.compareTo(Phase.END) >= 0) {
            hasNext(); // what waited for the pages to be indexed: the checkpoint of a complete harvest, the report
        }
    }

    /**
     * The consumer stops here, done or not: pages read and not handed over are never sent, and give their bytes back
     * to the budget. Nothing to do after a harvest whose pages were all handed over.
     */
    public void abandon() {
        if (run != null) {
            run.queue.abandon();
        }
    }

    /** The harvest's report, once the sequence has ended and every page taken is handed over. */
    public HarvestReport report() {
        if (report == null) {
            throw new IllegalStateException("the harvest of " + asked.sourceId() + " has not ended");
        }
        return report;
    }

    private void step() throws HarvestException, InterruptedException {
        switch (phase) {
            case BEGIN -> begin();
            case WINDOW -> {
                pass = harvester.openWindow(run, plan.current(), token, plan.size(), plan.whole());
                phase = Phase.PAGE;
            }
            case PAGE -> readPage();
            case END -> complete();
            case RECONCILED -> {
                run.progress.finish();
                phase = Phase.DONE;
            }
            case DONE -> throw new IllegalStateException("the harvest has ended");
        }
    }

    private void begin() throws HarvestException {
        HarvestRequest request = asked;
        phase = Phase.DONE; // a failure before the run starts ends the harvest with nothing to settle
        if (asked.autoFormat()) {
            request = asked.withMetadataPrefix(harvester.chooseFormat(asked));
        }
        run = harvester.run(request);
        String stop = run.state.stopRequested(request.sourceId());
        if (stop != null) {
            throw new HarvestException(FailureKind.STOPPED, request.sourceId(), request.baseUrl(), "stopped by the"
                    + " operator (asked at " + stop + ") before it began");
        }
        identify = harvester.identify(run);
        seconds = identify != null && identify.secondsGranularity();
        run.checkpoint = run.state.checkpoint(request.sourceId(), request.set());
        plan = harvester.plan(run, identify, seconds);
        range = plan.current().toString();
        token = run.checkpoint.inProgress() ? run.checkpoint.resumptionToken() : null;
        phase = Phase.WINDOW;
    }

    private void readPage() throws HarvestException, InterruptedException {
        try {
            if (!harvester.readPage(run, pass)) {
                windowRead(pass.records());
            }
        } catch (OaiHarvester.ReadInWindows e) {
            harvester.turnToWindows(run, plan, e.getMessage(), e.fault);
            token = null;
            phase = Phase.WINDOW;
        } catch (OaiHarvester.WindowTooLarge e) {
            if (plan.whole()) {
                harvester.turnToWindows(run, plan, e.cause.reason(), true);
            } else if (!plan.shrink()) {
                throw e.cause;
            } else {
                LOG.warn("source {}: window {} failed ({}); trying a smaller one", run.request.sourceId(),
                        pass.window(), e.cause.reason());
            }
            token = null;
            phase = Phase.WINDOW;
        }
    }

    private void windowRead(int records) throws HarvestException, InterruptedException {
        token = null;
        if (run.ignoresWindow || !plan.advance()) {
            phase = Phase.END;
            return;
        }
        if (records < harvester.tuning().smallPageRecords()) {
            plan.grow();
        }
        run.queue.mark(run.checkpoint.at(OaiHarvester.startedAt(run), plan.current(), null, plan.size()));
        phase = Phase.WINDOW;
    }

    /** Every page is indexed: the checkpoint says the harvest is complete; then deletions, if the source asks. */
    private void complete() throws HarvestException, InterruptedException {
        HarvestRequest request = run.request;
        run.progress.finish();
        if (!request.explicitWindow()) {
            Instant from = Datestamps.parse(run.startedAt);
            String next = from == null ? null
                    : Datestamps.format(from.minus(harvester.tuning().overlap()), seconds);
            run.checkpoint = run.checkpoint.completed(next);
            run.state.save(request.sourceId(), run.checkpoint);
        }
        if (request.options().reconcileDeletions() && request.set() == null && !request.explicitWindow()) {
            harvester.reconcileDeletions(run, identify);
            phase = Phase.RECONCILED;
        } else {
            phase = Phase.DONE;
        }
    }

    private void fail(HarvestException e) {
        error = e.getMessage();
        endedBy = e.kind();
        phase = Phase.DONE;
    }

    private void interrupted() {
        Thread.currentThread().interrupt();
        error = "interrupted";
        endedBy = FailureKind.INTERRUPTED;
        interrupted = true;
        phase = Phase.DONE;
        if (run != null) {
            run.queue.dropRead();
        }
    }

    /** Every page taken is handed over: after a failure, the pages in flight are awaited; then the report. */
    private void end() {
        if (run == null) {
            report = new HarvestCounters().report(asked, range, began, start, error, endedBy);
            return;
        }
        if (error != null && OaiHarvester.settle(run) && !interrupted && run.tokenUnusable && run.window != null) {
            OaiHarvester.forgetToken(run);
        }
        if (error != null && !interrupted && endedBy != FailureKind.FENCED) {
            // Read once the pages in flight are indexed and their checkpoint saved: where the next run really starts.
            // (An interrupted harvest says it in its own words; a fenced one's checkpoint is another worker's.)
            try {
                error += "; the next run resumes at "
                        + run.state.checkpoint(run.request.sourceId(), run.request.set()).describe();
            } catch (RuntimeException e) {
                error += "; where the next run resumes cannot be read now (" + e.getMessage() + ")";
            }
        }
        report = run.counters.report(run.request, range, began, start, error, endedBy);
    }
}
