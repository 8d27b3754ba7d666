package org.lumbung.bench;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.lumbung.index.IndexLayout;
import org.lumbung.index.IndexSetup;

/**
 * The ceiling: the corpus's final documents posted straight to {@code _bulk}, {@value BulkBodies#BATCH} a request,
 * into a fresh index made from Lumbung's own template. The bodies are rendered beforehand and the answers cut down to
 * the errors, so that the time is Elasticsearch's alone.
 */
final class BulkCeiling {

    private final URI es;
    private final ElasticsearchClient client;
    private final int inFlight;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** @param inFlight requests sent at the same time */
    BulkCeiling(URI es, ElasticsearchClient client, int inFlight) {
        this.es = es;
        this.client = client;
        this.inFlight = inFlight;
    }

    Measurement run(Corpus corpus, String prefix) throws IOException, InterruptedException {
        IndexLayout layout = new IndexLayout(prefix, 0);
        new IndexSetup(client, layout).ensure();
        URI target = es.resolve("/" + layout.recordsAlias()
                + "/_bulk?require_alias=true&filter_path=errors,items.*.error");
        List<Path> bodies = BulkBodies.all(corpus);
        AtomicInteger next = new AtomicInteger();
        ExecutorService senders = Executors.newFixedThreadPool(inFlight);
        long start = System.nanoTime();
        try {
            List<Future<Void>> done = senders.invokeAll(java.util.Collections.nCopies(inFlight, () -> {
                for (int j = next.getAndIncrement(); j < bodies.size(); j = next.getAndIncrement()) {
                    post(target, bodies.get(j));
                }
                return null;
            }));
            for (Future<Void> f : done) {
                f.get();
            }
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IOException("posting to _bulk failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            senders.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long indexed = Indices.count(client, layout.recordsAlias());
        if (indexed != corpus.records()) {
            throw new IOException("_bulk indexed " + indexed + " of " + corpus.records() + " documents");
        }
        return Measurement.bulk(corpus.records(), seconds);
    }

    private void post(URI target, Path body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(target).timeout(Duration.ofMinutes(2))
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Files.readAllBytes(body))).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200 || !response.body().contains("\"errors\":false")) {
            String answer = response.body();
            throw new IOException("_bulk answered " + response.statusCode() + ": "
                    + answer.substring(0, Math.min(answer.length(), 500)));
        }
    }
}
