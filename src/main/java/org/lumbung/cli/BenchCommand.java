package org.lumbung.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.lumbung.App;
import org.lumbung.bench.Bench;
import org.lumbung.bench.Fleet;
import org.lumbung.config.Lumbung;
import org.lumbung.config.Settings;
import org.lumbung.pipeline.Durations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The end-to-end benchmark: Lumbung's harvest beside the _bulk ceiling on the same Elasticsearch, in one run. Its own
 * data folder ({@code ./data/bench}) and a free port keep it away from a Lumbung running here.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Benchmark a harvest of synthetic records against posting the same documents to _bulk.",
            "Unless given, the data folder is ./data/bench, the embedded node takes a free port and the index prefix"
                + " is bench; -D settings are handed on to the harvesting JVM."})
public final class BenchCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common = new CommonOptions();

    @Option(names = "--records", split = ",", paramLabel = "N", description = "Corpus sizes; default 10000,100000.")
    List<Integer> sizes = List.of(10_000, 100_000);

    @Option(names = "--runs", paramLabel = "N", description = "Runs per size (medians are reported); default 3.")
    int runs = 3;

    @Option(names = "--heap", paramLabel = "SIZE", description = "-Xmx of the harvesting JVM; default 256m.")
    String heap = "256m";

    @Option(names = "--live-sample", paramLabel = "DURATION",
            description = "Force a full collection this often in the harvesting JVM, to measure its live heap.")
    String liveSample = "0s";

    @Option(names = "--bulk-in-flight", paramLabel = "N",
            description = "_bulk requests in flight for the ceiling; default 1.")
    int bulkInFlight = 1;

    @Option(names = "--harvest-only", description = "Harvest once, without the _bulk ceiling or the re-harvest (for the memory runs).")
    boolean harvestOnly;

    @Option(names = "--profile", description = "Record a Flight Recorder profile of each harvest beside its log.")
    boolean profile;

    @Option(names = "--jvm-option", paramLabel = "OPTION", description = "An option of the harvesting JVM, e.g."
            + " -XX:TieredStopAtLevel=1 or -XX:SharedArchiveFile=FILE (repeatable).")
    List<String> jvmOptions = List.of();

    @Option(names = "--field-costs", description = "Measure instead what each group of the records document's fields"
            + " costs Elasticsearch: the _bulk ceiling's documents with one group left out at a time.")
    boolean fieldCosts;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the synthetic records; default 7.")
    long seed = 7;

    @Option(names = "--fleet", description = "Run the fleet benchmark instead: `run` against many slow sources on"
            + " many loopback hosts, beside its politeness, CPU and concurrency bounds.")
    boolean fleet;

    @Option(names = "--fleet-hosts", paramLabel = "N", description = "Fleet hosts, 127.0.0.2 and up; default 20.")
    int fleetHosts = 20;

    @Option(names = "--fleet-sources", paramLabel = "N", description = "Sources a fleet host; default 10.")
    int fleetSources = 10;

    @Option(names = "--fleet-records", paramLabel = "N", description = "Records a fleet source; default 300.")
    int fleetRecords = 300;

    @Option(names = "--fleet-page-size", paramLabel = "N", description = "Records a ListRecords page; default 100.")
    int fleetPageSize = 100;

    @Option(names = "--fleet-latency", paramLabel = "DURATION", description = "Before each answer; default 300ms.")
    String fleetLatency = "300ms";

    @Option(names = "--fleet-cpu-records", paramLabel = "N",
            description = "Records of the one-source harvest without latency that sets the CPU bound; default 10000.")
    int fleetCpuRecords = 10_000;

    @Override
    public Integer call() throws Exception {
        if (fleet) {
            return fleet();
        }
        if (runs < 1 || bulkInFlight < 1 || sizes.stream().anyMatch(n -> n < 1) || !heap.matches("\\d+[mMgG]")
                || fieldCosts && harvestOnly) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                    "--runs, --bulk-in-flight and --records must be positive, --heap a size such as 256m;"
                    + " --field-costs measures _bulk, not a harvest (no --harvest-only)");
        }
        Settings settings = common.settings(benchDefaults());
        Bench.Options options = new Bench.Options(List.copyOf(sizes), runs, heap,
                Durations.parse(liveSample).toMillis(), harvestOnly ? 0 : bulkInFlight, seed,
                settings.dataDir().toAbsolutePath(), Map.copyOf(common.properties), profile,
                List.copyOf(jvmOptions));
        try (Lumbung lumbung = Lumbung.start(settings)) {
            Bench.Result result = fieldCosts ? Bench.fieldCosts(lumbung, options) : Bench.run(lumbung, options);
            System.out.print(result.markdown());
            String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
            Path file = options.work().resolve("results")
                    .resolve((fieldCosts ? "field-costs-" : "bench-") + stamp + ".json");
            result.writeJson(file);
            Files.writeString(file.resolveSibling(file.getFileName().toString().replace(".json", ".md")),
                    result.markdown());
            System.out.println("\nEvery run: " + file);
            return App.OK;
        }
    }

    @Option(names = "--fleet-workers", paramLabel = "N",
            description = "Run the fleet with N workers on one prefix (at-start=due, a 10 s lease); default 1.")
    int fleetWorkers = 1;

    @Option(names = "--fleet-kill", description = "With --fleet-workers: kill the second worker (SIGKILL) mid-fleet.")
    boolean fleetKill;

    @Option(names = "--fleet-freeze",
            description = "With --fleet-workers 3 or more: freeze the third (SIGSTOP) for 25 s mid-fleet, then resume it.")
    boolean fleetFreeze;

    private Integer fleet() throws Exception {
        if (fleetHosts < 1 || fleetHosts > 250 || fleetSources < 1 || fleetRecords < 1 || fleetPageSize < 1
                || fleetCpuRecords < 1 || fleetWorkers < 1 || fleetWorkers > 16 || !heap.matches("\\d+[mMgG]")) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                    "--fleet-hosts must be 1 to 250, the other --fleet counts positive, --heap a size such as 256m");
        }
        Settings settings = common.settings(benchDefaults());
        Fleet.Options options = new Fleet.Options(fleetHosts, fleetSources, fleetRecords, fleetPageSize,
                Durations.parse(fleetLatency).toMillis(), fleetCpuRecords, heap, seed,
                settings.dataDir().toAbsolutePath(), Map.copyOf(common.properties));
        try (Lumbung lumbung = Lumbung.start(settings)) {
            String markdown = fleetWorkers > 1 ? Fleet.workers(lumbung, options, fleetWorkers, fleetKill, fleetFreeze)
                    : Fleet.run(lumbung, options).markdown();
            System.out.print(markdown);
            String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
            Path file = options.work().resolve("results").resolve("fleet-" + stamp + ".md");
            Files.createDirectories(file.getParent());
            Files.writeString(file, markdown);
            System.out.println("\nThe report: " + file);
            return App.OK;
        }
    }

    private Map<String, String> benchDefaults() {
        Map<String, String> defaults = new HashMap<>();
        unlessSet(defaults, "lumbung.data", common.data, "data/bench");
        unlessSet(defaults, "lumbung.es.port", common.esPort, "0");
        unlessSet(defaults, "lumbung.index.prefix", common.indexPrefix, "bench");
        return defaults;
    }

    /** A default of the benchmark's own, unless the command line or the environment sets the key. */
    private static void unlessSet(Map<String, String> defaults, String key, Object option, String value) {
        if (option == null && System.getenv(Settings.environmentName(key)) == null) {
            defaults.put(key, value);
        }
    }
}
