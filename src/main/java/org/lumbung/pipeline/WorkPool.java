package org.lumbung.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The threads that do the pipeline's work on the processor (crosswalking, deriving, rendering documents) for every
 * harvest of the process at once: {@code lumbung.pipeline.threads} of them, so that one harvest uses every core and
 * sixty-four harvests use no more. A caller hands a list, cut into chunks; it waits and gets the results back in the
 * list's order, so the steps after it (the resolver that merges two records of one key, the checkpoint that follows the
 * page) see the records as the page held them.
 */
public final class WorkPool {

    /** Runs every step on the caller's own thread: a tool or a test with nothing to share. */
    public static final WorkPool CALLER = new WorkPool(null, 1);

    /** Fewer items than this are not worth a chunk of their own: handing one over costs about as much. */
    private static final int MIN_CHUNK = 8;
    /** Idle threads end after this, so a pool that no harvest uses holds none. */
    private static final long KEEP_ALIVE_SECONDS = 30;

    private final ThreadPoolExecutor executor;
    private final int threads;

    private WorkPool(ThreadPoolExecutor executor, int threads) {
        this.executor = executor;
        this.threads = threads;
    }

    /** A pool of {@code threads} daemon threads, made as work comes and ended when idle. */
    public static WorkPool of(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("a pool needs one thread at least, not " + threads);
        }
        ThreadPoolExecutor executor = new ThreadPoolExecutor(threads, threads, KEEP_ALIVE_SECONDS, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), DaemonThreads.numbered("lumbung-pipeline"));
        executor.allowCoreThreadTimeOut(true);
        return new WorkPool(executor, threads);
    }

    public int threads() {
        return threads;
    }

    /**
     * The step applied to every item, the results in the items' order. The chunks run on the pool's threads while the
     * caller waits; an exception a step throws is thrown here, after every chunk is done. An interrupt does not stop
     * the wait (the chunks are short and their results are the page's): it is kept for the caller to see after.
     */
    public <T, R> List<R> map(List<T> items, Function<? super T, ? extends R> step) {
        int size = chunkSize(items.size());
        if (executor == null || items.isEmpty()) {
            return apply(items, step);
        }
        List<Future<List<R>>> chunks = new ArrayList<>();
        for (int from = 0; from < items.size(); from += size) {
            List<T> chunk = items.subList(from, Math.min(items.size(), from + size));
            chunks.add(executor.submit(() -> apply(chunk, step)));
        }
        List<R> results = new ArrayList<>(items.size());
        RuntimeException failed = null;
        for (Future<List<R>> chunk : chunks) {
            try {
                results.addAll(awaitUninterruptibly(chunk));
            } catch (ExecutionException e) {
                failed = failed != null ? failed : unchecked(e.getCause());
            }
        }
        if (failed != null) {
            throw failed;
        }
        return results;
    }

    /** About two chunks a thread, so that a thread whose chunk ends early takes another, and none smaller than 8. */
    int chunkSize(int items) {
        return Math.max(MIN_CHUNK, (items + 2 * threads - 1) / (2 * threads));
    }

    private static <T, R> List<R> apply(List<T> items, Function<? super T, ? extends R> step) {
        List<R> results = new ArrayList<>(items.size());
        for (T item : items) {
            results.add(step.apply(item));
        }
        return results;
    }

    private static <V> V awaitUninterruptibly(Future<V> future) throws ExecutionException {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return future.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static RuntimeException unchecked(Throwable cause) {
        if (cause instanceof Error error) {
            throw error;
        }
        return cause instanceof RuntimeException e ? e : new IllegalStateException(cause);
    }
}
