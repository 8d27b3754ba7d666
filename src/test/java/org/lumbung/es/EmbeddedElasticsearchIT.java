package org.lumbung.es;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.lumbung.config.BuildInfo;
import org.lumbung.testing.TestData;
import org.lumbung.testing.TestElasticsearch;

/** The launcher the app and the tests use, against the shared node and against starts that must fail. */
class EmbeddedElasticsearchIT {

    private static NodeOptions options(Path data, int port, Path distribution) {
        return new NodeOptions(data, "512m", port, distribution, Duration.ofMinutes(3), "nobody",
                BuildInfo.elasticsearchVersion());
    }

    @Test
    void aSecondLumbungOnTheSameDataFolderAttachesInsteadOfStartingAnotherNode() throws Exception {
        Path data = TestElasticsearch.embeddedDataDir();
        org.junit.jupiter.api.Assumptions.assumeTrue(data != null,
                "the shared node is not the embedded one (LUMBUNG_TEST_ES); the launcher is tested with it only");
        try (EmbeddedElasticsearch second = EmbeddedElasticsearch.startOrAttach(options(data, 0, null))) {
            assertThat(second.url()).isEqualTo(TestElasticsearch.url());
            assertThat(second.owner()).isFalse();
        }
        // Closing an attached Lumbung leaves the node running for its owner.
        assertThat(TestElasticsearch.client().cluster().health().status().jsonValue()).isIn("green", "yellow");
    }

    /**
     * Elasticsearch's launcher leaves two folders in its temp directory at every start: that was the machine's /tmp,
     * two more each time Lumbung or a test started a node. They go to the node's own temp folder now, and the next
     * start clears them.
     */
    @Test
    void aStartLeavesNothingInTheMachinesTempFolderNorPilesUpInTheNodes() throws Exception {
        Path machineTmp = Path.of(System.getProperty("java.io.tmpdir"));
        List<Path> machineBefore = leftovers(machineTmp);
        Path data = TestData.newDataDir("launcher-temp");
        try {
            List<Path> afterFirst;
            try (EmbeddedElasticsearch node = EmbeddedElasticsearch.startOrAttach(options(data, 0, null))) {
                assertThat(node.owner()).isTrue();
                afterFirst = leftovers(node.home().resolve("tmp"));
            }
            assertThat(afterFirst).as("the launcher's folders, in the node's temp folder").isNotEmpty();
            try (EmbeddedElasticsearch node = EmbeddedElasticsearch.startOrAttach(options(data, 0, null))) {
                List<Path> afterSecond = leftovers(node.home().resolve("tmp"));
                assertThat(afterSecond).as("only the second start's").hasSameSizeAs(afterFirst)
                        .doesNotContainAnyElementsOf(afterFirst);
            }
            assertThat(leftovers(machineTmp)).containsExactlyInAnyOrderElementsOf(machineBefore);
        } finally {
            TestData.delete(data);
        }
    }

    private static List<Path> leftovers(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(p -> p.getFileName().toString().startsWith(EmbeddedElasticsearch.LAUNCHER_LEFTOVERS))
                    .toList();
        }
    }

    @Test
    void aTakenPortFailsWithOneLineNamingIt() throws Exception {
        Path data = TestData.newDataDir("port-taken");
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> EmbeddedElasticsearch.startOrAttach(options(data, taken.getLocalPort(), null)))
                    .isInstanceOf(NodeStartException.class)
                    .hasMessageStartingWith("Elasticsearch did not start: port " + taken.getLocalPort()
                            + " on 127.0.0.1 is already in use")
                    .hasMessageContaining("log: ");
        } finally {
            TestData.delete(data);
        }
    }

    @Test
    void aMissingDistributionFailsSayingWhereItLooked() throws Exception {
        Path data = TestData.newDataDir("no-distribution");
        Path nowhere = data.resolve("no-such-elasticsearch.zip");
        NodeOptions options = new NodeOptions(data, "512m", 0, nowhere, Duration.ofMinutes(1), "nobody", "0.0.0-none");
        assertThatThrownBy(() -> EmbeddedElasticsearch.startOrAttach(options))
                .isInstanceOf(NodeStartException.class)
                .hasMessageContaining("distribution is missing")
                .hasMessageContaining(nowhere.toString());
        TestData.delete(data);
    }
}
