package org.lumbung.es;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.lumbung.config.BuildInfo;
import org.lumbung.testing.Cli;
import org.lumbung.testing.TestData;

/** A Lumbung killed hard (kill -9) leaves its node running; the next Lumbung on that data folder adopts it. */
class OrphanedNodeIT {

    @Test
    void theNextLumbungAdoptsTheNodeOfAKilledOneAndStopsItAtExit() throws Exception {
        Path data = TestData.newDataDir("orphan");
        // A Lumbung that owns a node and then dies without a chance to stop it.
        Process owner = Cli.inOwnJvm(data.resolve("owner.log"), "run", "--data", data.toString(),
                "--es-port", "0", "--port", "0", "-Dlumbung.harvest.at-start=false").start();
        Properties state = awaitNodeState(data, owner);
        owner.destroyForcibly();
        assertThat(owner.waitFor(30, TimeUnit.SECONDS)).isTrue();
        long nodePid = Long.parseLong(state.getProperty("pid"));
        assertThat(ProcessHandle.of(nodePid).map(ProcessHandle::isAlive).orElse(false))
                .as("the orphaned node outlives its owner").isTrue();

        try (EmbeddedElasticsearch next = EmbeddedElasticsearch.startOrAttach(new NodeOptions(data, "512m", 0, null,
                Duration.ofMinutes(2), "nobody", BuildInfo.elasticsearchVersion()))) {
            assertThat(next.owner()).as("adopted").isTrue();
            assertThat(next.url().getPort()).isEqualTo(Integer.parseInt(state.getProperty("port")));
        }
        assertThat(ProcessHandle.of(nodePid).map(ProcessHandle::isAlive).orElse(false))
                .as("the adopter stops the node").isFalse();
        TestData.delete(data);
    }

    private static Properties awaitNodeState(Path data, Process owner) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(owner.isAlive()).as("the first Lumbung is running").isTrue();
            Path file = TestData.nodeHome(data).resolve("node.properties");
            if (Files.exists(file) && Files.readString(data.resolve("owner.log")).contains("Lumbung is ready")) {
                Properties p = new Properties();
                try (var in = Files.newBufferedReader(file)) {
                    p.load(in);
                }
                return p;
            }
            Thread.sleep(250);
        }
        throw new IOException("the first Lumbung never got its node ready: " + Files.readString(data.resolve("owner.log")));
    }
}
