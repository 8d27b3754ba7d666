package org.lumbung.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The options of the JVMs the benchmarks start as Lumbung: a heap cap and the collector the Docker image runs Lumbung
 * with, so that what is measured is what is deployed. The serial collector costs a harvest a quarter less CPU than
 * G1, the JVM's default on a machine of two or more cores, in a heap of a few hundred megabytes (docs/performance.md,
 * "The collector"); an option that chooses a collector of its own replaces it.
 */
final class WorkerJvm {

    /** The collector, as the Dockerfile's {@code JDK_JAVA_OPTIONS} gives it. */
    static final String COLLECTOR = "-XX:+UseSerialGC";
    private static final Pattern CHOOSES_COLLECTOR = Pattern.compile("-XX:[+-]Use\\w*GC");

    private WorkerJvm() {
    }

    /** -Xmx, the collector unless {@code more} chooses one, then {@code more}. */
    static List<String> options(String heap, List<String> more) {
        List<String> out = new ArrayList<>(List.of("-Xmx" + heap));
        if (more.stream().noneMatch(o -> CHOOSES_COLLECTOR.matcher(o).matches())) {
            out.add(COLLECTOR);
        }
        out.addAll(more);
        return out;
    }
}
