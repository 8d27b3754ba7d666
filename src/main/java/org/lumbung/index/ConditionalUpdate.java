package org.lumbung.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.OpType;
import co.elastic.clients.elasticsearch.core.GetResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * A read-change-write of one document that never overwrites another writer: the document is read with its sequence
 * number, changed, and written only if nobody wrote in between (if_seq_no/if_primary_term, or create for a new one).
 * A 409 is an expected event, however the client delivers it: the document is read again and the change decided
 * again, after a short random pause, longer each time, so that writers which collided do not collide again in step.
 * A change that changes nothing writes nothing, so a writer that only looks never makes another's write conflict.
 */
public final class ConditionalUpdate {

    private static final int ATTEMPTS = 50;

    private ConditionalUpdate() {
    }

    /**
     * What an update did: the document as this writer last read it, the document after, and whether this writer's
     * write is the one that changed it (false when the change, decided on the latest document, changed nothing).
     */
    public record Written<T>(T before, T after, boolean wrote) {
    }

    /**
     * @param fresh     the document to change when there is none yet
     * @param conflicts counts the conflicts met
     * @return the document as written (or as found, when the change changed nothing)
     */
    public static <T> T apply(ElasticsearchClient client, String index, String id, Class<T> type, Supplier<T> fresh,
                              UnaryOperator<T> change, AtomicLong conflicts) {
        return write(client, index, id, type, fresh, change, conflicts).after();
    }

    /** {@link #apply}, telling what the winning read saw and whether this writer wrote. */
    public static <T> Written<T> write(ElasticsearchClient client, String index, String id, Class<T> type,
                                       Supplier<T> fresh, UnaryOperator<T> change, AtomicLong conflicts) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try {
                GetResponse<T> doc = client.get(g -> g.index(index).id(id), type);
                T current = doc.found() && doc.source() != null ? doc.source() : fresh.get();
                T next = change.apply(current);
                if (doc.found() && next.equals(current)) {
                    return new Written<>(current, current, false);
                }
                if (doc.found()) {
                    long seqNo = doc.seqNo();
                    long term = doc.primaryTerm();
                    client.index(i -> i.index(index).id(id).document(next).ifSeqNo(seqNo).ifPrimaryTerm(term));
                } else {
                    client.index(i -> i.index(index).id(id).document(next).opType(OpType.Create));
                }
                return new Written<>(current, next, true);
            } catch (IOException | RuntimeException e) {
                if (EsRetry.status(e) != 409) {
                    if (e instanceof IOException io) {
                        throw new UncheckedIOException("cannot write " + index + "/" + id, io);
                    }
                    throw (RuntimeException) e;
                }
                conflicts.incrementAndGet();
                pause(attempt);
            }
        }
        throw new IllegalStateException(index + "/" + id + " keeps changing under this Lumbung (" + ATTEMPTS
                + " conflicting writes in a row); gave up writing it");
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 5L << Math.min(attempt, 5)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing a document", e);
        }
    }
}
