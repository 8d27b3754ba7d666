package org.lumbung.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * Records per CPU-second: the {@code records} counter divided by the CPU time the benchmark's JVM used (garbage
 * collection included), iteration by iteration. On a machine other work shares, records per second falls with the
 * core the benchmark gets; records per CPU-second stays what one core would do. The pom passes it to every run.
 */
public final class CpuProfiler implements InternalProfiler {

    private final OperatingSystemMXBean os = ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class);
    private long cpuStart;
    private long wallStart;

    @Override
    public String getDescription() {
        return "records per CPU-second of the benchmark's JVM, garbage collection included";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        cpuStart = os.getProcessCpuTime();
        wallStart = System.nanoTime();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
                                                       IterationResult result) {
        double cores = (os.getProcessCpuTime() - cpuStart) / (double) (System.nanoTime() - wallStart);
        Result records = result.getSecondaryResults().get("records");
        if (records == null || cores <= 0) {
            return List.of();
        }
        return List.of(new ScalarResult("records/cpu-s", records.getScore() / cores, "records/s",
                AggregationPolicy.AVG), new ScalarResult("cores used", cores, "cores", AggregationPolicy.AVG));
    }
}
