package org.lumbung.camel;

import io.gdcc.xoai.model.oaipmh.verbs.Verb;
import java.io.IOException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.lumbung.harvest.HarvestException;
import org.lumbung.harvest.ListContinuity;
import org.lumbung.harvest.OaiPage;
import org.lumbung.harvest.OaiPageParser;
import org.lumbung.harvest.OaiRequest;
import org.lumbung.harvest.RecordBatch;
import org.lumbung.http.HttpFetcher;
import org.lumbung.http.HttpOptions;
import org.lumbung.pipeline.SourceId;

/**
 * The bean behind the {@code oai-pmh-source} Kamelet: a repository's ListRecords as a lazy sequence of pages (one
 * {@link RecordBatch} each), fetched only as the route asks for them, so a streaming split holds one page at a time.
 * It reads the whole list each time the Kamelet fires; Lumbung's own {@code run} adds checkpoints and windows. A
 * request with a resumption token is never sent twice once it may have reached the server, and a page whose cursor
 * jumps ahead fails the list: a token some servers spend when they read it is not replayed into a silent gap.
 */
public final class OaiPages {

    private String baseUrl;
    private String metadataPrefix = "oai_dc";
    private String set;
    private String sourceId;
    private String userAgent = "Lumbung (OAI-PMH source Kamelet)";

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public void setMetadataPrefix(String metadataPrefix) {
        this.metadataPrefix = metadataPrefix;
    }

    public void setSet(String set) {
        this.set = set == null || set.isBlank() ? null : set;
    }

    public void setSourceId(String sourceId) {
        this.sourceId = sourceId == null || sourceId.isBlank() ? null : sourceId;
    }

    public void setUserAgent(String userAgent) {
        this.userAgent = userAgent;
    }

    /** The pages of the list, fetched one by one as the iterator is read. */
    public Iterator<RecordBatch> pages() {
        HttpFetcher fetcher = new HttpFetcher(new HttpOptions(java.time.Duration.ofSeconds(10),
                java.time.Duration.ofSeconds(60), userAgent, null));
        String id = sourceId != null ? sourceId : SourceId.fromUrl(baseUrl);
        return new Iterator<>() {
            private String next = OaiRequest.listRecords(baseUrl, metadataPrefix, set, null, null).url();
            private boolean onToken;
            private final OaiPageParser parser = new OaiPageParser();
            private final ListContinuity continuity = new ListContinuity();

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public RecordBatch next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                String url = next;
                try {
                    HttpFetcher.Request get = HttpFetcher.Request.of(url, HttpFetcher.Politeness.DEFAULT);
                    HttpFetcher.Response response = fetcher.get(onToken ? get.once() : get);
                    if (response.status() != 200) {
                        throw new IllegalStateException("source " + id + ": HTTP " + response.status() + " (" + url + ")");
                    }
                    OaiPage page = parser.parse(response.body(), id, url, metadataPrefix);
                    String gap = continuity.check(page.resumptionToken(), page.records().size());
                    if (gap != null) {
                        throw new IllegalStateException("source " + id + ": the page does not continue the list: " + gap
                                + " (" + url + ")");
                    }
                    String token = page.nextToken();
                    onToken = token != null;
                    next = token == null ? null : OaiRequest.resume(baseUrl, Verb.Type.ListRecords, token).url();
                    return new RecordBatch(id, url, page.records());
                } catch (HarvestException e) {
                    throw new IllegalStateException(e.getMessage(), e);
                } catch (IOException e) {
                    throw new IllegalStateException("source " + id + ": " + HttpFetcher.describe(e) + " (" + url + ")", e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
            }
        };
    }
}
