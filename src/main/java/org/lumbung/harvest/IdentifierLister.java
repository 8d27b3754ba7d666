package org.lumbung.harvest;

import io.gdcc.xoai.model.oaipmh.verbs.Verb;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.lumbung.pipeline.FailureKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lists a repository's headers with ListIdentifiers, in date windows, and proves the listing complete or says where
 * it is not: each window's list is followed to its end, and where the repository gives completeListSize, the
 * distinct headers read must number as many. A window that fails or ends short is read again from its start, never
 * from its token (the server may have consumed it); if it fails again the listing is incomplete and names the
 * window. It goes through the source's own client, so it is as polite as a harvest: same fetcher, same host queue.
 */
final class IdentifierLister {

    private static final Logger LOG = LoggerFactory.getLogger("lumbung.audit");
    /** Reads of one window before the listing is given up as incomplete. */
    private static final int READS = 2;

    private final OaiClient client;
    private final HarvestRequest request;
    private final HarvestTuning tuning;

    /** Lists through the client of this harvest request (its source, base URL and metadataPrefix). */
    IdentifierLister(OaiClient client, HarvestRequest request, HarvestTuning tuning) {
        this.client = client;
        this.request = request;
        this.tuning = tuning;
    }

    /** One window read to its end, or why it could not be. */
    private record WindowRead(Map<String, OaiHeader> headers, long announced, int pages, String gap) {
    }

    /**
     * Every header of the set (null: the whole repository), in windows from the repository's earliest datestamp
     * (unwindowed when {@code windows} is off or Identify is unknown).
     */
    Listing list(String set, Identify identify, boolean windows, long windowSeconds) throws InterruptedException {
        boolean seconds = identify != null && identify.secondsGranularity();
        String earliest = identify == null ? null : identify.earliestDatestamp();
        WindowPlan plan = WindowPlan.create(null, null, earliest, windows, windowSeconds, seconds, tuning);
        Map<String, Listing.Listed> headers = new LinkedHashMap<>();
        long advertised = -1;
        int pages = 0;
        while (true) {
            Window window = plan.current();
            WindowRead read = readWindow(set, window);
            pages += read.pages();
            read.headers().values().forEach(h -> headers.put(h.identifier(), new Listing.Listed(h, set, window)));
            if (read.gap() != null) {
                return new Listing(headers, advertised, false, read.gap(), pages);
            }
            if (read.announced() >= 0) {
                advertised = Math.max(advertised, 0) + read.announced();
            } else if (advertised >= 0) {
                advertised += read.headers().size();
            }
            if (ignoresWindow(window, read) || !plan.advance()) {
                return new Listing(headers, advertised, true, null, pages);
            }
            if (read.headers().size() < tuning.smallPageRecords()) {
                plan.grow();
            }
        }
    }

    /**
     * Every header of one window, proven complete (read to its end, its cursors continuous, as many as its
     * completeListSize says), else a {@link FailureKind#LIST_GAP} naming why not: for fetching a window record by
     * record when a page of it cannot be read.
     */
    java.util.List<OaiHeader> window(String set, Window window) throws HarvestException, InterruptedException {
        WindowRead read = readWindow(set, window);
        if (read.gap() != null) {
            throw new HarvestException(FailureKind.LIST_GAP, request.sourceId(), request.baseUrl(),
                    "the window's identifiers could not be listed completely: " + read.gap());
        }
        return java.util.List.copyOf(read.headers().values());
    }

    private WindowRead readWindow(String set, Window window) throws InterruptedException {
        WindowRead read = null;
        for (int attempt = 1; attempt <= READS; attempt++) {
            read = readOnce(set, window);
            if (read.gap() == null) {
                return read;
            }
            LOG.warn("source {}: ListIdentifiers {}; {}", request.sourceId(), read.gap(),
                    attempt < READS ? "reading the window again from its start" : "the listing is incomplete");
        }
        return read;
    }

    private WindowRead readOnce(String set, Window window) throws InterruptedException {
        Map<String, OaiHeader> headers = new LinkedHashMap<>();
        long announced = -1;
        int pages = 0;
        ListGuard guard = new ListGuard();
        ListContinuity continuity = new ListContinuity();
        String url = OaiRequest.listIdentifiers(request.baseUrl(), request.metadataPrefix(), set, window.from(),
                window.until()).url();
        boolean onToken = false;
        try {
            while (url != null) {
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
                OaiPage page = client.page(url, onToken);
                pages++;
                String skipped = continuity.check(page.resumptionToken(), page.records().size());
                if (skipped != null) {
                    return new WindowRead(headers, announced, pages, "window " + window + ": the page does not"
                            + " continue the list: " + skipped);
                }
                page.records().forEach(r -> headers.put(r.header().identifier(), r.header()));
                if (page.resumptionToken() != null && page.resumptionToken().completeListSize() >= 0) {
                    announced = Math.max(announced, page.resumptionToken().completeListSize());
                }
                String endless = guard.check(page);
                if (endless != null) {
                    return new WindowRead(headers, announced, pages, "window " + window + ": " + endless);
                }
                String token = page.nextToken();
                url = token == null ? null
                        : OaiRequest.resume(request.baseUrl(), Verb.Type.ListIdentifiers, token).url();
                onToken = token != null;
            }
        } catch (HarvestException e) {
            return new WindowRead(headers, announced, pages, "window " + window + ": " + e.getMessage());
        }
        if (announced >= 0 && headers.size() != announced) {
            return new WindowRead(headers, announced, pages, "window " + window + ": the list held " + headers.size()
                    + " records of the " + announced + " its completeListSize announced");
        }
        return new WindowRead(headers, announced, pages, null);
    }

    /** A server that ignores from sends the whole repository in every window: one window has read it all. */
    private static boolean ignoresWindow(Window window, WindowRead read) {
        Instant from = Datestamps.parse(window.from());
        return from != null && read.headers().values().stream()
                .map(h -> Datestamps.parse(h.datestamp())).anyMatch(d -> d != null && d.isBefore(from));
    }
}
