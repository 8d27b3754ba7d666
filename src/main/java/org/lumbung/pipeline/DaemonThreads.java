package org.lumbung.pipeline;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Thread factories for Lumbung's background threads. Each thread is a daemon, so none keeps a JVM alive once its
 * work is done, and is named as a thread dump should show it ({@code lumbung-pipeline-3}).
 */
public final class DaemonThreads {

    private DaemonThreads() {
    }

    /** Every thread made is called {@code name}: for a single-thread executor. */
    public static ThreadFactory named(String name) {
        return r -> daemon(r, name);
    }

    /** Threads called {@code prefix-1}, {@code prefix-2} and on, in the order they are made. */
    public static ThreadFactory numbered(String prefix) {
        AtomicInteger made = new AtomicInteger();
        return r -> daemon(r, prefix + "-" + made.incrementAndGet());
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
