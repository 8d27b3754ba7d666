package org.lumbung.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import org.lumbung.App;

/**
 * Runs one Lumbung command (the harvest) in this JVM and writes what it cost to a properties file: the heap before
 * and after every collection (the peaks), the live heap when {@code lumbung.bench.live-sample} asks for a full
 * collection that often, the process's CPU time, the collector's pauses, the JIT compilers' time and its peak
 * resident set (VmHWM). The benchmark starts it as a child JVM with the heap capped, so that these figures are
 * Lumbung's own.
 */
public final class HarvestProbe {

    private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
    private final AtomicLong peakBefore = new AtomicLong();
    private final AtomicLong peakAfter = new AtomicLong();
    private final AtomicLong peakLive = new AtomicLong();
    private final AtomicLong collections = new AtomicLong();
    private final AtomicLong pauseMillis = new AtomicLong();

    private HarvestProbe() {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
                if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                    collected(GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData()));
                }
            }, null, null);
        }
    }

    public static void main(String[] args) throws IOException {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "lumbung-logback.xml");
        }
        HarvestProbe probe = new HarvestProbe();
        long liveSample = Long.getLong("lumbung.bench.live-sample", 0);
        if (liveSample > 0) {
            Thread sampler = new Thread(() -> probe.sampleLiveHeap(liveSample), "live-heap-sampler");
            sampler.setDaemon(true);
            sampler.start();
        }
        long start = System.nanoTime();
        int status = App.execute(Arrays.copyOfRange(args, 1, args.length));
        probe.write(Path.of(args[0]), status, (System.nanoTime() - start) / 1e9);
        System.exit(status);
    }

    private void collected(GarbageCollectionNotificationInfo info) {
        long before = heapUsed(info.getGcInfo().getMemoryUsageBeforeGc());
        long after = heapUsed(info.getGcInfo().getMemoryUsageAfterGc());
        peakBefore.accumulateAndGet(before, Math::max);
        peakAfter.accumulateAndGet(after, Math::max);
        if ("System.gc()".equals(info.getGcCause())) {
            peakLive.accumulateAndGet(after, Math::max);
        }
        collections.incrementAndGet();
        pauseMillis.addAndGet(info.getGcInfo().getDuration());
    }

    private long heapUsed(Map<String, MemoryUsage> pools) {
        return pools.entrySet().stream().filter(e -> heapPools.contains(e.getKey()))
                .mapToLong(e -> e.getValue().getUsed()).sum();
    }

    /** A full collection now and then: what survives it is the live heap, garbage not yet collected left out. */
    private void sampleLiveHeap(long millis) {
        while (true) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                return;
            }
            System.gc();
        }
    }

    private void write(Path file, int status, double seconds) throws IOException {
        Properties p = new Properties();
        p.setProperty("status", Integer.toString(status));
        p.setProperty("seconds", Double.toString(seconds));
        p.setProperty("cpuSeconds", Double.toString(
                ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class).getProcessCpuTime() / 1e9));
        p.setProperty("peakHeapUsed", Long.toString(peakBefore.get()));
        p.setProperty("peakHeapAfterGc", Long.toString(peakAfter.get()));
        p.setProperty("peakLiveHeap", Long.toString(peakLive.get()));
        p.setProperty("collections", Long.toString(collections.get()));
        p.setProperty("pauseMillis", Long.toString(pauseMillis.get()));
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        p.setProperty("compileMillis", Long.toString(
                jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : -1));
        p.setProperty("maxHeap", Long.toString(Runtime.getRuntime().maxMemory()));
        p.setProperty("peakRss", Long.toString(statusKb("VmHWM") * 1024));
        try (OutputStream out = Files.newOutputStream(file)) {
            p.store(out, "what the harvest cost");
        }
    }

    /** A figure of /proc/self/status in kB (Linux), or -1. */
    private static long statusKb(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.replaceAll("\\D+", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux: no resident set figure
        }
        return -1;
    }
}
