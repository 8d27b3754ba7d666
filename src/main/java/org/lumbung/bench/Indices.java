package org.lumbung.bench;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.indices.segments.Segment;
import java.io.IOException;
import java.util.List;

/**
 * The benchmark's indices, counted when a measurement ends and dropped so the next starts on a quiet node; and the
 * CPU time the nodes have used, read before and after each measurement.
 */
final class Indices {

    /** What is measured: indexing under an index prefix. */
    @FunctionalInterface
    interface Measured {
        Measurement run(String prefix) throws IOException, InterruptedException;
    }

    /** What is read from the index once the measurement ends, before it is dropped. */
    @FunctionalInterface
    interface After<T> {
        T read(Measurement measured) throws IOException, InterruptedException;
    }

    private Indices() {
    }

    /**
     * One measurement on clean ground: the prefix's indices dropped before and after, and a pause for the node to
     * settle after the last drop (longer after a larger index, up to two seconds). Elasticsearch's CPU is that of the
     * measured part alone: {@code after} runs once it has been read.
     */
    static <T> T measure(ElasticsearchClient client, String prefix, int records, Measured measured, After<T> after)
            throws IOException, InterruptedException {
        drop(client, prefix);
        Thread.sleep(Math.min(2000, records / 5));
        try {
            long cpu = cpuMillis(client);
            Measurement measurement = measured.run(prefix);
            return after.read(measurement.withEsCpu((cpuMillis(client) - cpu) / 1000.0));
        } finally {
            drop(client, prefix);
        }
    }

    /**
     * A further measurement on the indices a {@link #measure} filled, from its {@code after}: Elasticsearch's CPU is
     * that of this part alone.
     */
    static Measurement measureMore(ElasticsearchClient client, String prefix, Measured measured)
            throws IOException, InterruptedException {
        long cpu = cpuMillis(client);
        Measurement measurement = measured.run(prefix);
        return measurement.withEsCpu((cpuMillis(client) - cpu) / 1000.0);
    }

    /** Documents behind the alias, after a refresh (not part of any measurement). */
    static long count(ElasticsearchClient client, String alias) throws IOException {
        client.indices().refresh(r -> r.index(alias));
        return client.count(c -> c.index(alias)).count();
    }

    /**
     * The bytes an index takes on disk once it is all one segment (flushed and force-merged), as {@code _segments}
     * gives them for the segment searched: comparable from index to index, whatever merges happened to run during
     * the indexing. ({@code _stats/store} also counts the files of an older commit Elasticsearch keeps for a while.)
     * The force-merge is waited for until one segment is searched: the client's call came back with ten still
     * there.
     */
    static long storeBytes(ElasticsearchClient client, String index) throws IOException, InterruptedException {
        client.indices().flush(f -> f.index(index));
        client.indices().forcemerge(f -> f.index(index).maxNumSegments(1L).waitForCompletion(true));
        long deadline = System.nanoTime() + 300_000_000_000L;
        while (true) {
            client.indices().refresh(r -> r.index(index));
            List<Segment> searched = client.indices().segments(s -> s.index(index)).indices().get(index).shards()
                    .values().stream().flatMap(List::stream).flatMap(copy -> copy.segments().values().stream())
                    .filter(Segment::search).toList();
            if (searched.size() == 1) {
                return (long) searched.get(0).sizeInBytes();
            }
            if (System.nanoTime() > deadline) {
                throw new IOException(index + " is still " + searched.size() + " segments five minutes after a"
                        + " force-merge to one");
            }
            Thread.sleep(500);
        }
    }

    /** Every index and the template under the prefix (Elasticsearch 8 deletes no index by wildcard: each is named). */
    static void drop(ElasticsearchClient client, String prefix) throws IOException {
        for (String index : client.indices().get(g -> g.index(prefix + "-*").allowNoIndices(true)).result().keySet()) {
            client.indices().delete(d -> d.index(index));
        }
        if (client.indices().existsIndexTemplate(t -> t.name(prefix + "-records")).value()) {
            client.indices().deleteIndexTemplate(d -> d.name(prefix + "-records"));
        }
    }

    /** CPU time used by the cluster's nodes since they started, in milliseconds. */
    private static long cpuMillis(ElasticsearchClient client) throws IOException {
        return client.nodes().stats(s -> s.metric("process")).nodes().values().stream()
                .mapToLong(n -> n.process().cpu().totalInMillis()).sum();
    }
}
