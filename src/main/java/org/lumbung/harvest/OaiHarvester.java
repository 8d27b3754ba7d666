package org.lumbung.harvest;

import io.gdcc.xoai.model.oaipmh.verbs.Verb;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.lumbung.pipeline.Delivery;
import org.lumbung.pipeline.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lumbung's own ListRecords loop: one page in memory at a time, each page's records handed to the {@link RecordSink}
 * as soon as it is parsed, resumption tokens followed until the list ends. XOAI's ServiceProvider is not used here: it
 * hides the token, keeps every record of the list and loses a page on one bad character.
 */
public final class OaiHarvester {

    private static final Logger LOG = LoggerFactory.getLogger("lumbung.harvest");

    private final HttpFetcher fetcher;
    private final OaiPageParser parser = new OaiPageParser();
    private final RecordSink sink;

    public OaiHarvester(HttpFetcher fetcher, RecordSink sink) {
        this.fetcher = fetcher;
        this.sink = sink;
    }

    public HarvestReport harvest(HarvestRequest request) {
        long start = System.nanoTime();
        List<Delivery> deliveries = new ArrayList<>();
        int pages = 0;
        int records = 0;
        String error = null;
        try {
            String url = OaiRequest.listRecords(request.baseUrl(), request.metadataPrefix(), request.set(),
                    request.from(), request.until()).url();
            String previousToken = null;
            while (url != null) {
                OaiPage page = fetchPage(request, url);
                pages++;
                records += page.records().size();
                if (!page.records().isEmpty()) {
                    deliveries.add(sink.accept(new RecordBatch(request.sourceId(), url, page.records())));
                }
                LOG.info("harvest {}: page {} read, {} records so far", request.sourceId(), pages, records);
                String token = page.nextToken();
                if (token != null && token.equals(previousToken)) {
                    throw new HarvestException(request.sourceId(), url,
                            "the repository sent the same resumption token twice in a row; stopped to avoid a loop");
                }
                previousToken = token;
                url = token == null ? null
                        : OaiRequest.resume(request.baseUrl(), Verb.Type.ListRecords, token).url();
            }
        } catch (HarvestException e) {
            // The reason ends up in the report's summary line, which the route logs and the command prints.
            error = e.getMessage();
        }
        Outcome outcome = Outcome.NONE;
        try {
            for (Delivery delivery : deliveries) {
                outcome = outcome.plus(delivery.await());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = error == null ? "interrupted while waiting for the index" : error;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new HarvestReport(request.sourceId(), pages, outcome.indexed(), outcome.deleted(), outcome.failures(),
                seconds, error == null, error);
    }

    private OaiPage fetchPage(HarvestRequest request, String url) throws HarvestException {
        HttpFetcher.Response response;
        try {
            response = fetcher.get(url);
        } catch (IOException e) {
            throw new HarvestException(request.sourceId(), url, 0, null, "cannot reach the repository: " + HttpFetcher.describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HarvestException(request.sourceId(), url, "interrupted");
        }
        if (response.status() != 200) {
            throw new HarvestException(request.sourceId(), url, response.status(), null,
                    "the repository answered with status " + response.status(), null);
        }
        return parser.parse(new ByteArrayInputStream(response.body()), request.sourceId(), url,
                request.metadataPrefix());
    }
}
