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
 * The ceilings: documents posted straight to {@code _bulk}, {@value BulkBodies#BATCH} a request. Lumbung's own
 * final documents go into a fresh index made from Lumbung's own template; the same records as plain Dublin Core
 * into an index of their own with no template, so Elasticsearch's dynamic mapping (text with a keyword sub-field)
 * is the one they get. The bodies are rendered beforehand and the answers cut down to the errors, so
 * that the time is Elasticsearch's alone.
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

    /** Lumbung's own documents, into an index of Lumbung's template. */
    Measurement run(Corpus corpus, String prefix) throws IOException, InterruptedException {
        IndexLayout layout = new IndexLayout(prefix, 0);
        new IndexSetup(client, layout).ensure();
        return post("bulk", corpus.records(), layout.recordsAlias() + "/_bulk?require_alias=true&",
                BulkBodies.all(corpus, BulkBodies.Kind.OWN), layout.recordsAlias());
    }

    /**
     * The same records as plain Dublin Core, into {@code <prefix>-plain}: one shard, no replica, as Lumbung's. The one
     * change to the default dynamic mapping is no date detection: it would map {@code date} as a date from the first
     * document's {@code 2015-06-01} and then refuse the next one's {@code June 2015}, so every element is text with a
     * keyword sub-field.
     */
    Measurement plain(Corpus corpus, String prefix) throws IOException, InterruptedException {
        String index = prefix + "-plain";
        client.indices().create(c -> c.index(index).settings(s -> s.numberOfShards("1").numberOfReplicas("0")
                .refreshInterval(t -> t.time("1s"))).mappings(m -> m.dateDetection(false)));
        return post("plain", corpus.records(), index + "/_bulk?", BulkBodies.all(corpus, BulkBodies.Kind.PLAIN),
                index);
    }

    /**
     * Posts the bodies, {@code inFlight} at a time, and counts what the index holds afterwards.
     *
     * @param path the request's path and query up to the filter of the answer, ending in {@code ?} or {@code &}
     */
    Measurement post(String side, int records, String path, List<Path> bodies, String index)
            throws IOException, InterruptedException {
        URI target = es.resolve("/" + path + "filter_path=errors,items.*.error");
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
        long indexed = Indices.count(client, index);
        if (indexed != records) {
            throw new IOException("_bulk indexed " + indexed + " of " + records + " documents into " + index);
        }
        return Measurement.ceiling(side, records, seconds);
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
