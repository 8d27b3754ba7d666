package org.lumbung.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.lumbung.testing.Cli;
import org.lumbung.testing.TestData;
import org.lumbung.testing.TestElasticsearch;

/**
 * The bench command end to end on a thousand records: the page server and the harvesting JVM are real processes,
 * both sides index into the shared test node, and what they indexed is counted and dropped. Nothing is timed here.
 */
class BenchIT {

    @Test
    void harvestsAndPostsAThousandRecordsReportingBothSidesAndLeavingNoIndexBehind() throws Exception {
        String prefix = TestElasticsearch.freshPrefix(BenchIT.class);
        Path data = TestData.newDataDir("bench");
        Cli.Result result = Cli.onTestEs(prefix, "bench", "--records", "1000", "--runs", "1", "--data",
                data.toString());

        assertThat(result.status()).isZero();
        assertThat(result.out()).contains("| records | Lumbung records/s | _bulk records/s | Lumbung / _bulk |",
                "| 1,000 | ");
        Path json;
        try (Stream<Path> files = Files.list(data.resolve("results"))) {
            json = files.filter(f -> f.toString().endsWith(".json")).findFirst().orElseThrow();
        }
        JsonNode size = new ObjectMapper().readTree(json.toFile()).get("results").get(0);
        assertThat(size.get("records").asInt()).isEqualTo(1000);
        for (String side : new String[] {"lumbung", "bulk"}) {
            JsonNode run = size.get(side).get(0);
            assertThat(run.get("records").asInt()).isEqualTo(1000);
            assertThat(run.get("seconds").asDouble()).isPositive();
        }
        JsonNode harvest = size.get("lumbung").get(0);
        assertThat(harvest.get("peakHeapAfterGc").asLong()).isPositive().isLessThanOrEqualTo(256L << 20);
        assertThat(harvest.get("peakRss").asLong()).isPositive();
        assertThat(TestElasticsearch.client().indices().get(g -> g.index(prefix + "-lumbung-*", prefix + "-bulk-*")
                .allowNoIndices(true)).result()).isEmpty();
        // The rendered corpus: two pages of 500 and one _bulk body of 1,000 documents.
        assertThat(Files.readAllLines(data.resolve("corpus/n1000/bulk/000000.ndjson"))).hasSize(2000);
        assertThat(data.resolve("corpus/n1000/pages/000001.xml")).exists();
    }
}
