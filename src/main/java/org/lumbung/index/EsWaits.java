package org.lumbung.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.util.Locale;

/**
 * What waiting for Elasticsearch cost one connection: how long at least one request was waiting for it (gone,
 * restarting, pushing back), the longest such spell, and how many requests and documents were sent again. A harvest
 * prints it, so that an operator sees the cluster's trouble even when nothing was lost.
 */
public final class EsWaits {

    private int waiting;
    private long since;
    private long awayNanos;
    private long longestNanos;
    private int requests;
    private int documents;

    /** The tally of the connection this client was opened on, or a fresh one nobody reads. */
    static EsWaits of(ElasticsearchClient client) {
        return client._transport() instanceof RetryingTransport t ? t.waits() : new EsWaits();
    }

    /** A request (or look-up) failed and will be sent again: a spell of waiting begins if none was under way. */
    synchronized void began() {
        if (waiting++ == 0) {
            since = System.nanoTime();
        }
    }

    /** A request that had to wait went through, or was given up. */
    synchronized void ended() {
        if (--waiting == 0) {
            long spell = System.nanoTime() - since;
            awayNanos += spell;
            longestNanos = Math.max(longestNanos, spell);
        }
    }

    synchronized void requestSentAgain() {
        requests++;
    }

    synchronized void documentSentAgain() {
        documents++;
    }

    /** Whether anything had to be sent again. */
    public synchronized boolean any() {
        return requests + documents > 0;
    }

    /** The one line a command prints after its counts. */
    public synchronized String summary() {
        return String.format(Locale.ROOT, "waited for Elasticsearch %.1f s in all (longest %.1f s): %d requests and"
                + " %d documents sent again", awayNanos / 1e9, longestNanos / 1e9, requests, documents);
    }
}
