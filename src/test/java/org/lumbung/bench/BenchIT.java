package org.lumbung.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.lumbung.dc.DcElement;
import org.lumbung.testing.Cli;
import org.lumbung.testing.TestData;
import org.lumbung.testing.TestElasticsearch;

/**
 * The bench command end to end on a thousand records: the page server and the harvesting JVM are real processes,
 * both sides index into the shared test node, and what they indexed is counted and dropped. Nothing is timed here.
 */
class BenchIT {

    @Test
    void harvestsAndPostsAThousandRecordsReportingEverySideAndLeavingNoIndexBehind() throws Exception {
        String prefix = TestElasticsearch.freshPrefix(BenchIT.class);
        Path data = TestData.newDataDir("bench");
        // A JVM option that leaves a file behind: the harvesting JVM's own GC log (a class-data archive, the option
        // bench is for, is not written for a class path of folders, as the tests' is).
        Path gcLog = data.resolve("harvest-gc.log");
        Cli.Result result = Cli.onTestEs(prefix, "bench", "--records", "1000", "--runs", "1", "--data",
                data.toString(), "--jvm-option=-Xlog:gc:file=" + gcLog);

        assertThat(result.status()).as(result.said()).isZero();
        assertThat(result.out()).contains("| records | Lumbung records/s | _bulk records/s | Lumbung / _bulk |"
                + " plain _bulk records/s | Lumbung / plain | _bulk / plain | Elasticsearch CPU s per 1,000 records,"
                + " harvest / _bulk / plain |", "| 1,000 | ", "| records | first harvest records/s | again records/s"
                + " | again / first |", "| records | harvesting JVM CPU s | compiling s | collector pauses s"
                + " | the rest, ms a record |");
        Path json;
        try (Stream<Path> files = Files.list(data.resolve("results"))) {
            json = files.filter(f -> f.toString().endsWith(".json")).findFirst().orElseThrow();
        }
        JsonNode size = new ObjectMapper().readTree(json.toFile()).get("results").get(0);
        assertThat(size.get("records").asInt()).isEqualTo(1000);
        for (String side : new String[] {"lumbung", "bulk", "plain", "again"}) {
            JsonNode run = size.get(side).get(0);
            assertThat(run.get("side").asText()).isEqualTo(side);
            assertThat(run.get("records").asInt()).isEqualTo(1000);
            assertThat(run.get("seconds").asDouble()).isPositive();
            assertThat(run.get("esCpuSeconds").asDouble()).isNotNegative();
        }
        JsonNode harvest = size.get("lumbung").get(0);
        assertThat(harvest.get("peakHeapAfterGc").asLong()).isPositive().isLessThanOrEqualTo(256L << 20);
        assertThat(harvest.get("peakRss").asLong()).isPositive();
        // Where its CPU went: a fresh JVM always compiles; its collector pauses are less than all of it.
        double cpu = harvest.get("cpuSeconds").asDouble();
        assertThat(harvest.get("compileSeconds").asDouble()).isPositive().isLessThan(cpu * 2);
        assertThat(harvest.get("gcSeconds").asDouble()).isNotNegative().isLessThan(cpu);
        assertThat(TestElasticsearch.client().indices().get(g -> g.index(prefix + "-lumbung-*", prefix + "-bulk-*",
                prefix + "-plain-*", prefix + "-warmup*").allowNoIndices(true)).result()).isEmpty();
        // The node was warmed up by a harvest too, in a JVM of its own, before anything was measured.
        try (Stream<Path> runs = Files.list(data.resolve("runs"))) {
            assertThat(runs.map(f -> f.getFileName().toString()))
                    .contains(prefix + "-warmup-harvest.log", prefix + "-lumbung-n1000-r1.log",
                            prefix + "-lumbung-n1000-r1.again.log");
        }
        // The rendered corpus: two pages of 500 and one _bulk body of 1,000 documents of each kind.
        assertThat(Files.readAllLines(data.resolve("corpus/n1000/bulk/000000.ndjson"))).hasSize(2000);
        List<String> plain = Files.readAllLines(data.resolve("corpus/n1000/plain/000000.ndjson"));
        assertThat(plain).hasSize(2000);
        // A plain document is the record's Dublin Core elements and nothing else, each a list of values.
        JsonNode document = new ObjectMapper().readTree(plain.get(1));
        assertThat(document.get("title").get(0).asText()).isNotBlank();
        document.fieldNames().forEachRemaining(term -> assertThat(DcElement.fromTerm(term)).as(term).isPresent());
        assertThat(data.resolve("corpus/n1000/pages/000001.xml")).exists();
        // Given --jvm-option, and run with the collector the Docker image gives Lumbung (the serial one).
        assertThat(Files.readString(gcLog)).as("the harvesting JVM was given --jvm-option").contains("Using Serial");
        assertThat(result.out()).contains("Harvesting JVM: -Xmx256m -XX:+UseSerialGC -Xlog:gc:file=" + gcLog + ";");
    }
}
