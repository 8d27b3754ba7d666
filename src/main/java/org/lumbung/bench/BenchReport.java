package org.lumbung.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/** The benchmark's figures: a Markdown table (medians, with the least and greatest run) and every run as JSON. */
final class BenchReport {

    private static final double MB = 1024 * 1024;

    private BenchReport() {
    }

    static String markdown(Map<String, String> machine, Bench.Options options,
                           List<BenchRunner.SizeResult> results) {
        boolean live = options.liveSample() > 0;
        StringBuilder out = new StringBuilder(setting(machine, options)).append("\n\n");
        table(out, "| records | Lumbung records/s | _bulk records/s | Lumbung / _bulk | plain _bulk records/s"
                + " | Lumbung / plain | _bulk / plain | Elasticsearch CPU s per 1,000 records, harvest / _bulk / plain"
                + " | harvesting JVM CPU s, start-up included |", results, BenchReport::speed);
        if (results.stream().noneMatch(r -> r.again().isEmpty())) {
            out.append("\nThe whole list harvested again into the index the first harvest filled (`--from` before its")
                    .append(" first datestamp):\n\n");
            table(out, "| records | first harvest records/s | again records/s | again / first | Elasticsearch CPU s"
                    + " per 1,000 records, first / again | harvesting JVM CPU s, first / again |", results,
                    BenchReport::again);
        }
        out.append("\nWhere the first harvest's JVM spent its CPU (the compilers' time as `-XX:+CITime` counts it, the"
                + " collector's pauses, and the rest: start-up, the interpreter and the work itself):\n\n");
        table(out, "| records | harvesting JVM CPU s | compiling s | collector pauses s | the rest, ms a record |",
                results, BenchReport::cpu);
        out.append('\n');
        table(out, "| records | peak heap used | peak heap after GC |" + (live ? " peak live heap |" : "")
                + " peak RSS |", results, r -> memory(r, live));
        return out.toString();
    }

    /** A Markdown table: the header, its right-aligned columns, a row per size. */
    private static void table(StringBuilder out, String header, List<BenchRunner.SizeResult> results,
                              java.util.function.Function<BenchRunner.SizeResult, String> row) {
        out.append(header).append('\n').append("|---:".repeat((int) header.chars().filter(c -> c == '|').count() - 1))
                .append("|\n");
        results.forEach(r -> out.append(row.apply(r)).append('\n'));
    }

    /** The machine and how the runs were made. */
    private static String setting(Map<String, String> machine, Bench.Options options) {
        String ceiling = options.bulkInFlight() == 0 ? "no _bulk ceiling"
                : "_bulk: " + BulkBodies.BATCH + " documents a request, " + options.bulkInFlight() + " in flight, of"
                + " Lumbung's documents (its template) and of the same records' 15 Dublin Core elements alone (plain:"
                + " an index of their own, the dynamic mapping without date detection)";
        String live = options.liveSample() > 0
                ? "; live heap: a full collection every " + options.liveSample() + " ms (slows the harvest)" : "";
        return "Machine: " + machine.get("cpu") + ", " + machine.get("cores") + " cores, " + machine.get("memory")
                + "; " + machine.get("java") + "; Elasticsearch " + machine.get("elasticsearch") + "; Lumbung "
                + machine.get("lumbung") + "; load average " + machine.get("loadAtStart") + " at start, "
                + machine.get("loadAtEnd") + " at end.\nHarvesting JVM: "
                + String.join(" ", WorkerJvm.options(options.heap(), options.jvmOptions()))
                + "; " + options.runs()
                + " runs per size, median (least-greatest); " + ceiling + live + ".";
    }

    private static String speed(BenchRunner.SizeResult r) {
        List<Measurement> lumbung = r.lumbung();
        boolean ceiling = !r.bulk().isEmpty();
        return String.format(Locale.ROOT, "| %,d | ", r.records())
                + Spread.of(lumbung, Measurement::perSecond).format("%,.0f") + " | "
                + (ceiling ? Spread.of(r.bulk(), Measurement::perSecond).format("%,.0f") + " | "
                        + ratio(lumbung, r.bulk()) + " | "
                        + Spread.of(r.plain(), Measurement::perSecond).format("%,.0f") + " | "
                        + ratio(lumbung, r.plain()) + " | " + ratio(r.bulk(), r.plain()) : "- | - | - | - | -") + " | "
                + Spread.of(lumbung, Measurement::esCpuPerThousand).format("%.2f") + " / "
                + (ceiling ? Spread.of(r.bulk(), Measurement::esCpuPerThousand).format("%.2f") + " / "
                        + Spread.of(r.plain(), Measurement::esCpuPerThousand).format("%.2f") : "- / -") + " | "
                + Spread.of(lumbung, Measurement::cpuSeconds).format("%.1f") + " |";
    }

    private static String again(BenchRunner.SizeResult r) {
        return String.format(Locale.ROOT, "| %,d | ", r.records())
                + Spread.of(r.lumbung(), Measurement::perSecond).format("%,.0f") + " | "
                + Spread.of(r.again(), Measurement::perSecond).format("%,.0f") + " | "
                + ratio(r.again(), r.lumbung()) + " | "
                + Spread.of(r.lumbung(), Measurement::esCpuPerThousand).format("%.2f") + " / "
                + Spread.of(r.again(), Measurement::esCpuPerThousand).format("%.2f") + " | "
                + Spread.of(r.lumbung(), Measurement::cpuSeconds).format("%.1f") + " / "
                + Spread.of(r.again(), Measurement::cpuSeconds).format("%.1f") + " |";
    }

    private static String cpu(BenchRunner.SizeResult r) {
        List<Measurement> lumbung = r.lumbung();
        return String.format(Locale.ROOT, "| %,d | ", r.records())
                + Spread.of(lumbung, Measurement::cpuSeconds).format("%.1f") + " | "
                + Spread.of(lumbung, Measurement::compileSeconds).format("%.1f") + " | "
                + Spread.of(lumbung, Measurement::gcSeconds).format("%.1f") + " | "
                + Spread.of(lumbung, Measurement::restMillisPerRecord).format("%.2f") + " |";
    }

    /** The speed of one side over another's, run by run (each run's two measurements share the node's state). */
    private static String ratio(List<Measurement> side, List<Measurement> over) {
        return Spread.of(IntStream.range(0, side.size())
                .mapToDouble(i -> side.get(i).perSecond() / over.get(i).perSecond()).toArray()).format("%.2f");
    }

    private static String memory(BenchRunner.SizeResult r, boolean live) {
        List<Measurement> lumbung = r.lumbung();
        return String.format(Locale.ROOT, "| %,d | ", r.records())
                + Spread.of(lumbung, m -> m.peakHeapUsed() / MB).format("%.0f MB") + " | "
                + Spread.of(lumbung, m -> m.peakHeapAfterGc() / MB).format("%.0f MB") + " | "
                + (live ? Spread.of(lumbung, m -> m.peakLiveHeap() / MB).format("%.0f MB") + " | " : "")
                + Spread.of(lumbung, m -> m.peakRss() / MB).format("%.0f MB") + " |";
    }

    /** The field costs: per size, each group left out, against the whole documents of the same run. */
    static String fieldCosts(Map<String, String> machine, Bench.Options options, List<FieldCosts.SizeCosts> sizes) {
        StringBuilder out = new StringBuilder(setting(machine, options)).append('\n');
        for (FieldCosts.SizeCosts size : sizes) {
            List<FieldCosts.Cost> whole = size.runs().get(FieldGroup.NONE);
            out.append(String.format(Locale.ROOT, "%n%,d documents, left out of the mapping and the documents:%n%n",
                    size.records()))
                    .append("| left out | Elasticsearch CPU s per 1,000 documents | CPU saved | on disk, one segment")
                    .append(" | disk saved | records/s |\n|---|---:|---:|---:|---:|---:|\n");
            size.runs().forEach((group, runs) -> out.append("| ").append(group.description()).append(" | ")
                    .append(Spread.of(runs, c -> c.indexing().esCpuPerThousand()).format("%.2f")).append(" | ")
                    .append(saved(runs, whole, c -> c.indexing().esCpuSeconds())).append(" | ")
                    .append(Spread.of(runs, c -> c.storeBytes() / MB).format("%.1f MB")).append(" | ")
                    .append(saved(runs, whole, c -> c.storeBytes())).append(" | ")
                    .append(Spread.of(runs, c -> c.indexing().perSecond()).format("%,.0f")).append(" |\n"));
        }
        return out.toString();
    }

    /** How much less a figure is without the group than with the whole documents, run by run, in percent. */
    private static String saved(List<FieldCosts.Cost> runs, List<FieldCosts.Cost> whole,
                                java.util.function.ToDoubleFunction<FieldCosts.Cost> figure) {
        return Spread.of(IntStream.range(0, runs.size()).mapToDouble(i ->
                100 * (1 - figure.applyAsDouble(runs.get(i)) / figure.applyAsDouble(whole.get(i)))).toArray())
                .format("%.0f%%");
    }

    static void writeJson(Path file, Map<String, String> machine, Bench.Options options, List<?> results)
            throws IOException {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("machine", machine);
        all.put("options", Map.of("sizes", options.sizes(), "runs", options.runs(), "heap", options.heap(),
                "liveSampleMillis", options.liveSample(), "bulkInFlight", options.bulkInFlight(),
                "seed", options.seed(), "settings", options.settings(),
                "jvmOptions", WorkerJvm.options(options.heap(), options.jvmOptions())));
        all.put("results", results);
        Files.createDirectories(file.getParent());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), all);
    }
}
