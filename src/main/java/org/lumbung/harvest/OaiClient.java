package org.lumbung.harvest;

import io.gdcc.xoai.model.oaipmh.Error;
import io.gdcc.xoai.model.oaipmh.verbs.Verb;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One source's side of the protocol: sends a request, checks the answer is OAI-PMH, parses it, refetches a page that
 * came back malformed and rescues what it can from one that stays malformed. Counts bytes, retries and repairs.
 */
final class OaiClient {

    private static final Logger LOG = LoggerFactory.getLogger("lumbung.harvest");

    private final HttpFetcher fetcher;
    private final OaiPageParser parser = new OaiPageParser();
    private final HarvestRequest request;
    private final HarvestCounters counters;
    private final int pageRetries;
    private final boolean trusted;

    /** A page that could not be read even in parts: the harvester falls back to identifiers and GetRecord. */
    static final class PageLost extends Exception {
        private static final long serialVersionUID = 1L;

        PageLost(String message) {
            super(message);
        }
    }

    OaiClient(HttpFetcher fetcher, HarvestRequest request, HarvestCounters counters, int pageRetries) {
        this(fetcher, request, counters, pageRetries, true);
    }

    /** {@code trusted}: the base URL's host may be anything, as the operator configured it; else it is guarded. */
    OaiClient(HttpFetcher fetcher, HarvestRequest request, HarvestCounters counters, int pageRetries,
              boolean trusted) {
        this.fetcher = fetcher;
        this.request = request;
        this.counters = counters;
        this.pageRetries = pageRetries;
        this.trusted = trusted;
    }

    String base() {
        return request.baseUrl();
    }

    /** Any single answer, parsed (Identify, ListMetadataFormats, ListSets...). */
    OaiPage page(String url) throws HarvestException {
        return parse(fetch(url), url);
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
     * A list page (ListRecords or ListIdentifiers). A malformed page is fetched again; one that stays malformed is
     * salvaged record by record; records that do not parse even alone are returned in {@code broken}.
     */
    ListPage list(String url) throws HarvestException, PageLost {
        HarvestException last = null;
        byte[] body = null;
        for (int attempt = 0; attempt <= pageRetries; attempt++) {
            body = fetch(url);
            try {
                OaiPage page = parse(body, url);
                counters.repairs += page.repairs();
                return new ListPage(page, List.of());
            } catch (HarvestException e) {
                if (!e.malformed()) {
                    throw e;
                }
                last = e;
                LOG.warn("source {}: {} (attempt {} of {})", request.sourceId(), e.reason(), attempt + 1, pageRetries + 1);
            }
        }
        String xml = XmlSanitizer.sanitize(body).xml();
        PageSalvage.Salvaged salvaged = PageSalvage.salvage(xml, parser, request.sourceId(), url,
                request.metadataPrefix());
        if (salvaged == null) {
            throw new PageLost(last.getMessage());
        }
        LOG.warn("source {}: page salvaged record by record: {} read, {} broken ({})", request.sourceId(),
                salvaged.records().size(), salvaged.broken().size(), url);
        return new ListPage(new OaiPage(null, null, salvaged.records(), salvaged.token(), null, List.of(), List.of(), 0),
                salvaged.broken());
    }

    /** A list page and the records in it that could not be parsed (with their text). */
    record ListPage(OaiPage page, List<PageSalvage.Broken> broken) {
    }

    RawRecord getRecord(String identifier) throws HarvestException {
        String url = OaiRequest.getRecord(base(), identifier, request.metadataPrefix()).url();
        OaiPage page = parse(fetch(url), url);
        if (page.records().isEmpty()) {
            throw new HarvestException(request.sourceId(), url, "GetRecord returned no record");
        }
        return page.records().get(0);
    }

    /** Every header of a window, following tokens (for salvage and for finding deletions). */
    List<OaiHeader> listIdentifiers(Window window) throws HarvestException {
        List<OaiHeader> headers = new ArrayList<>();
        String url = OaiRequest.listIdentifiers(base(), request.metadataPrefix(), request.set(), window.from(),
                window.until()).url();
        String previous = null;
        while (url != null) {
            OaiPage page = parse(fetch(url), url);
            page.records().forEach(r -> headers.add(r.header()));
            String token = page.nextToken();
            if (token != null && token.equals(previous)) {
                throw new HarvestException(request.sourceId(), url, "ListIdentifiers repeats its resumption token");
            }
            previous = token;
            url = token == null ? null : OaiRequest.resume(base(), Verb.Type.ListIdentifiers, token).url();
        }
        return headers;
    }

    byte[] fetch(String url) throws HarvestException {
        HttpFetcher.Response response;
        try {
            HttpFetcher.Request get = HttpFetcher.Request.of(url, request.options().politeness());
            response = fetcher.get(trusted ? get : get.untrusted());
        } catch (HttpFetcher.TooLargeException e) {
            throw new HarvestException(request.sourceId(), url, 0, null,
                    e.getMessage() + " (lumbung.http-client.max-bytes)", e);
        } catch (HttpFetcher.RedirectException e) {
            throw new HarvestException(request.sourceId(), url, 0, null, e.getMessage(), e);
        } catch (IOException e) {
            counters.unanswered(e);
            throw new HarvestException(request.sourceId(), url, 0, null,
                    "cannot reach the repository: " + HttpFetcher.describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HarvestException(request.sourceId(), url, "interrupted");
        }
        counters.fetched(response);
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
        return response.body();
    }

    private static boolean looksLikeOai(byte[] body) {
        String head = new String(body, 0, Math.min(body.length, 4096), StandardCharsets.ISO_8859_1);
        return head.contains("OAI-PMH");
    }

    private OaiPage parse(byte[] body, String url) throws HarvestException {
        return parser.parse(body, request.sourceId(), url, request.metadataPrefix());
    }

    /** Whether an error is the repository refusing a token (and so a reason to start the window again). */
    static boolean tokenRefused(HarvestException e) {
        return e.oaiCode() == Error.Code.BAD_RESUMPTION_TOKEN || e.status() >= 500 || e.status() == 400
                || e.status() == 404 || e.malformed();
    }
}
