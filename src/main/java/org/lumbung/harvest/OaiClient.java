package org.lumbung.harvest;

import io.gdcc.xoai.model.oaipmh.Error;
import io.gdcc.xoai.model.oaipmh.verbs.Verb;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.lumbung.http.BotWall;
import org.lumbung.http.HttpFetcher;
import org.lumbung.http.Redirect;
import org.lumbung.pipeline.FailureKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One source's side of the protocol: sends a request, checks the answer is OAI-PMH, parses it, refetches a page that
 * came back malformed and rescues what it can from one that stays malformed; stops at a bot wall ({@link BotWall})
 * naming it, and at a move of the base URL ({@link Move}) unless the source follows moves; either way the move is
 * recorded with the source. Counts bytes, retries and repairs.
 */
final class OaiClient {

    private static final Logger LOG = LoggerFactory.getLogger("lumbung.harvest");

    private final HttpFetcher fetcher;
    private final OaiPageParser parser = new OaiPageParser();
    private final HarvestRequest request;
    private final HarvestCounters counters;
    private final int pageRetries;
    private final boolean trusted;
    private final CheckpointStore store;
    /** Where the base URL moved, once a move was seen: recorded with the source once, not at every request. */
    private String movedTo;

    /** A page that could not be read even in parts: the harvester falls back to identifiers and GetRecord. */
    static final class PageLost extends Exception {
        private static final long serialVersionUID = 1L;

        PageLost(String message) {
            super(message);
        }
    }

    OaiClient(HttpFetcher fetcher, HarvestRequest request, HarvestCounters counters, int pageRetries) {
        this(fetcher, request, counters, pageRetries, true, CheckpointStore.NONE);
    }

    /**
     * {@code trusted}: the base URL's host may be anything, as the operator configured it; else it is guarded.
     * {@code store}: asked before every request whether this run still holds the source
     * ({@link CheckpointStore#holds}), so that a worker frozen past its lease and taken over sends nothing more to the
     * repository when it wakes (its host now has another worker's run); told of a move of the base URL.
     */
    OaiClient(HttpFetcher fetcher, HarvestRequest request, HarvestCounters counters, int pageRetries,
              boolean trusted, CheckpointStore store) {
        this.fetcher = fetcher;
        this.request = request;
        this.counters = counters;
        this.pageRetries = pageRetries;
        this.trusted = trusted;
        this.store = store;
    }

    String base() {
        return request.baseUrl();
    }

    /** The base URL the last move seen went to, or null when none was. */
    String movedTo() {
        return movedTo;
    }

    /** Any single answer, parsed (Identify, ListMetadataFormats, ListSets...). */
    OaiPage page(String url) throws HarvestException {
        return parse(fetch(url), url);
    }

    /**
     * A page of a list read whole or not at all (ListIdentifiers for a listing): asked with a resumption token
     * ({@code onToken}), it is never sent twice once it may have reached the server, so a token a server spends on
     * reading cannot turn into a silent gap; the caller reads the window again instead.
     */
    OaiPage page(String url, boolean onToken) throws HarvestException {
        return parse(get(url, onToken).body(), url);
    }

    Identify identify() throws HarvestException {
        OaiPage page = parse(fetch(OaiRequest.verb(base(), Verb.Type.Identify).url()), OaiRequest.verb(base(),
                Verb.Type.Identify).url());
        if (page.identify() == null) {
            throw new HarvestException(request.sourceId(), base(), "the Identify answer holds no <Identify>");
        }
        return page.identify();
    }

    /**
     * A list page (ListRecords or ListIdentifiers) asked without a resumption token, which may be asked again: a
     * malformed page is fetched again; one that stays malformed is salvaged record by record; records that do not
     * parse even alone are returned in {@code broken}.
     */
    ListPage list(String url) throws HarvestException, PageLost {
        return list(url, false, true);
    }

    /**
     * A list page. {@code onToken}: the URL carries a resumption token; unless {@code mayResend}, it is never sent
     * twice once it may have reached the server (a transport failure, a cut or malformed body): some servers spend a
     * token when they read it and answer a repeat with the next page. Such a failure is thrown with its kind, and a
     * malformed body is salvaged from the bytes already received; the harvester reads the window again instead.
     */
    ListPage list(String url, boolean onToken, boolean mayResend) throws HarvestException, PageLost {
        boolean once = onToken && !mayResend;
        HarvestException last = null;
        byte[] body = null;
        int resent = 0;
        for (int attempt = 0; attempt <= pageRetries; attempt++) {
            HttpFetcher.Response response = get(url, once);
            body = response.body();
            resent += response.resent() + (attempt > 0 && onToken ? 1 : 0);
            try {
                OaiPage page = parse(body, url);
                counters.repairs += page.repairs();
                return new ListPage(page, List.of(), resent);
            } catch (HarvestException e) {
                if (!e.malformed()) {
                    throw e;
                }
                last = e;
                if (once) {
                    break;
                }
                LOG.warn("source {}: {} (attempt {} of {})", request.sourceId(), e.reason(), attempt + 1, pageRetries + 1);
            }
        }
        String xml = XmlSanitizer.sanitize(body).xml();
        PageSalvage.Salvaged salvaged = PageSalvage.salvage(xml, parser, request.sourceId(), url,
                request.metadataPrefix());
        if (salvaged == null && once) {
            throw new HarvestException(FailureKind.MALFORMED, request.sourceId(), url, 0, null, last.reason()
                    + "; not asked again, since the repository may have spent its resumption token", last);
        }
        if (salvaged == null) {
            throw new PageLost(last.getMessage());
        }
        LOG.warn("source {}: page salvaged record by record: {} read, {} broken ({})", request.sourceId(),
                salvaged.records().size(), salvaged.broken().size(), url);
        return new ListPage(new OaiPage(null, null, salvaged.records(), salvaged.token(), null, List.of(), List.of(), 0),
                salvaged.broken(), resent);
    }

    /**
     * A list page, the records in it that could not be parsed (with their text), and how often its request was sent
     * again after a failure that may have reached the server.
     */
    record ListPage(OaiPage page, List<PageSalvage.Broken> broken, int resent) {
    }

    RawRecord getRecord(String identifier) throws HarvestException {
        String url = OaiRequest.getRecord(base(), identifier, request.metadataPrefix()).url();
        OaiPage page = parse(fetch(url), url);
        if (page.records().isEmpty()) {
            throw new HarvestException(request.sourceId(), url, "GetRecord returned no record");
        }
        return page.records().get(0);
    }

    byte[] fetch(String url) throws HarvestException {
        return get(url, false).body();
    }

    /** One answer, as the protocol takes it: transport failures become harvest failures of the same kind. */
    private HttpFetcher.Response get(String url, boolean once) throws HarvestException {
        if (!store.holds(request.sourceId())) {
            throw new HarvestException(FailureKind.FENCED, request.sourceId(), url, "not sent: another worker took over"
                    + " this source's lease while this one had stopped renewing it (frozen, or cut off from"
                    + " Elasticsearch); stopped");
        }
        HttpFetcher.Response response;
        try {
            HttpFetcher.Request get = HttpFetcher.Request.of(url, request.options().politeness());
            get = trusted ? get : get.untrusted();
            get = request.options().followMoves() ? get : get.stoppingAtMoves();
            response = fetcher.get(once ? get.once() : get);
        } catch (HttpFetcher.MovedException e) {
            throw new HarvestException(FailureKind.MOVED, request.sourceId(), url, e.redirect().status(), null,
                    moved(url, e.redirect()).notFollowed(request.sourceId()), e);
        } catch (HttpFetcher.TooLargeException e) {
            throw new HarvestException(FailureKind.TOO_LARGE, request.sourceId(), url, 0, null,
                    e.getMessage() + " (lumbung.http-client.max-bytes)", e);
        } catch (HttpFetcher.RedirectException e) {
            throw new HarvestException(FailureKind.REDIRECT_LOOP, request.sourceId(), url, 0, null, e.getMessage(), e);
        } catch (IOException e) {
            counters.unanswered(e);
            throw new HarvestException(FailureKind.of(e), request.sourceId(), url, 0, null,
                    "cannot reach the repository: " + HttpFetcher.describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HarvestException(FailureKind.INTERRUPTED, request.sourceId(), url, "interrupted");
        }
        counters.fetched(response);
        Redirect.move(response.redirects()).ifPresent(redirect -> moved(url, redirect));
        java.util.Optional<String> wall = BotWall.recognise(response.status(), response.headers(), response.body());
        if (wall.isPresent()) {
            throw new HarvestException(FailureKind.BOT_WALL, request.sourceId(), url, response.status(), null,
                    BotWall.reason(wall.get(), fetcher.userAgent(), fetcher.publicAddress()), null);
        }
        // The fetcher follows redirects; what comes back as one has no Location or goes from https down to http.
        if (response.status() >= 300 && response.status() < 400) {
            throw new HarvestException(request.sourceId(), url, response.status(), null, "a redirect not followed "
                    + "(no Location, or from https down to http), to "
                    + response.header("Location").orElse("(no Location)"), null);
        }
        // Some repositories send OAI-PMH errors with a 4xx status; the body says more than the status.
        if (response.status() != 200 && !looksLikeOai(response.body())) {
            throw new HarvestException(request.sourceId(), url, response.status(), null,
                    "the repository answered with status " + response.status()
                            + (response.attempts() > 1 ? " after " + response.attempts() + " attempts" : ""), null);
        }
        return response;
    }

    /** The move a redirect of the request says, recorded with the source the first time it is seen. */
    private Move moved(String url, Redirect redirect) {
        Move move = Move.of(base(), url, redirect);
        if (!move.to().equals(movedTo)) {
            movedTo = move.to();
            LOG.warn("source {}: the base URL {} moved permanently to {} ({} from {}){}", request.sourceId(),
                    move.from(), move.to(), redirect.status(), redirect.from(),
                    request.options().followMoves() ? "; followed" : "");
            store.moved(request.sourceId(), move.from(), move.to());
        }
        return move;
    }

    private static boolean looksLikeOai(byte[] body) {
        String head = new String(body, 0, Math.min(body.length, 4096), StandardCharsets.ISO_8859_1);
        return head.contains("OAI-PMH");
    }

    private OaiPage parse(byte[] body, String url) throws HarvestException {
        return parser.parse(body, request.sourceId(), url, request.metadataPrefix());
    }

    /**
     * Whether a failed request with a resumption token leaves the token unusable, so that the list can only go on by
     * reading its window again: the repository refused it (badResumptionToken, 400, 404, 5xx), or may have spent it.
     */
    static boolean tokenLost(HarvestException e) {
        return e.kind() != FailureKind.BOT_WALL && e.oaiCode() == Error.Code.BAD_RESUMPTION_TOKEN || e.status() >= 500 || e.status() == 400
                || e.status() == 404 || tokenMayBeSpent(e);
    }

    /**
     * Whether the repository may have spent the token: the request failed after it left (a transport failure, a cut
     * or malformed body), or the page it led to does not continue the list. Such a token is never sent again nor kept
     * in a checkpoint. A status answered before any body spent nothing.
     */
    static boolean tokenMayBeSpent(HarvestException e) {
        return e.malformed() || e.kind() == FailureKind.LIST_GAP
                || e.kind().transport() && e.kind().mayHaveReachedServer();
    }
}
