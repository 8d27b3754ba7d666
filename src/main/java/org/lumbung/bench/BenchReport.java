package org.lumbung.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/** The benchmark's figures: a Markdown table (medians, with the least and greatest run) and every run as JSON. */
final class BenchReport {

    private static final double MB = 1024 * 1024;

    private BenchReport() {
    }

    static String markdown(Map<String, String> machine, Bench.Options options,
                           List<BenchRunner.SizeResult> results) {
        StringBuilder out = new StringBuilder();
        out.append("Machine: ").append(machine.get("cpu")).append(", ").append(machine.get("cores")).append(" cores, ")
                .append(machine.get("memory")).append("; ").append(machine.get("java")).append("; Elasticsearch ")
                .append(machine.get("elasticsearch")).append("; load average ").append(machine.get("loadAtStart"))
                .append(" at start, ").append(machine.get("loadAtEnd")).append(" at end.\n");
        out.append("Harvesting JVM: -Xmx").append(options.heap()).append("; ").append(options.runs())
                .append(" runs per size, median (least-greatest); _bulk: ").append(BulkBodies.BATCH)
                .append(" documents a request, ").append(options.bulkInFlight()).append(" in flight.\n\n");
        boolean live = options.liveSample() > 0;
        out.append("| records | Lumbung records/s | _bulk records/s | Lumbung / _bulk | peak heap used |")
                .append(" peak heap after GC |").append(live ? " peak live heap |" : "")
                .append(" peak RSS | harvesting JVM CPU s |\n");
        out.append("|---:|---:|---:|---:|---:|---:|").append(live ? "---:|" : "").append("---:|---:|\n");
        for (BenchRunner.SizeResult r : results) {
            List<Measurement> lumbung = r.lumbung();
            double[] ratios = IntStream.range(0, lumbung.size())
                    .mapToDouble(i -> lumbung.get(i).perSecond() / r.bulk().get(i).perSecond()).toArray();
            out.append(String.format(java.util.Locale.ROOT, "| %,d | ", r.records()))
                    .append(Spread.of(lumbung, Measurement::perSecond).format("%,.0f")).append(" | ")
                    .append(Spread.of(r.bulk(), Measurement::perSecond).format("%,.0f")).append(" | ")
                    .append(Spread.of(ratios).format("%.2f")).append(" | ")
                    .append(Spread.of(lumbung, m -> m.peakHeapUsed() / MB).format("%.0f MB")).append(" | ")
                    .append(Spread.of(lumbung, m -> m.peakHeapAfterGc() / MB).format("%.0f MB")).append(" | ")
                    .append(live ? Spread.of(lumbung, m -> m.peakLiveHeap() / MB).format("%.0f MB") + " | " : "")
                    .append(Spread.of(lumbung, m -> m.peakRss() / MB).format("%.0f MB")).append(" | ")
                    .append(Spread.of(lumbung, Measurement::cpuSeconds).format("%.1f")).append(" |\n");
        }
        return out.toString();
    }

    static void writeJson(Path file, Map<String, String> machine, Bench.Options options,
                          List<BenchRunner.SizeResult> results) throws IOException {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("machine", machine);
        all.put("options", Map.of("sizes", options.sizes(), "runs", options.runs(), "heap", options.heap(),
                "liveSampleMillis", options.liveSample(), "bulkInFlight", options.bulkInFlight(),
                "seed", options.seed(), "settings", options.settings()));
        all.put("results", results);
        Files.createDirectories(file.getParent());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), all);
    }
}
