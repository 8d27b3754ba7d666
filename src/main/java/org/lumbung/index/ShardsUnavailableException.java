package org.lumbung.index;

import co.elastic.clients.elasticsearch._types.ErrorCause;
import co.elastic.clients.elasticsearch._types.ShardStatistics;
import java.io.IOException;

/**
 * Elasticsearch answered a look-up only in part: some of the index's shards could not be read (not yet started after
 * a restart, relocating). Worth waiting for, as a cluster away is ({@link EsRetry#retryable}); never read as "the
 * document is not there", which would place a record in a second document.
 */
public final class ShardsUnavailableException extends IOException {

    private static final long serialVersionUID = 1L;

    public ShardsUnavailableException(String index, String reason) {
        super("a look-up in " + index + " could not read every shard: " + reason);
    }

    /** Throws unless every shard of {@code index} answered the search these statistics came with. */
    public static void check(String index, ShardStatistics shards) throws ShardsUnavailableException {
        if (shards.failed().intValue() > 0) {
            ErrorCause cause = shards.failures().isEmpty() ? null : shards.failures().get(0).reason();
            String reason = cause == null ? "" : " (" + (cause.reason() != null ? cause.reason() : cause.type()) + ")";
            throw new ShardsUnavailableException(index, shards.failed() + " of " + shards.total() + " shards failed"
                    + reason);
        }
    }
}
