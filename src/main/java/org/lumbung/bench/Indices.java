package org.lumbung.bench;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;

/**
 * The benchmark's indices, counted when a measurement ends and dropped so the next starts on a quiet node; and the
 * CPU time the nodes have used, read before and after each measurement.
 */
final class Indices {

    private Indices() {
    }

    /** Documents behind the alias, after a refresh (not part of any measurement). */
    static long count(ElasticsearchClient client, String alias) throws IOException {
        client.indices().refresh(r -> r.index(alias));
        return client.count(c -> c.index(alias)).count();
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
    static long cpuMillis(ElasticsearchClient client) throws IOException {
        return client.nodes().stats(s -> s.metric("process")).nodes().values().stream()
                .mapToLong(n -> n.process().cpu().totalInMillis()).sum();
    }
}
