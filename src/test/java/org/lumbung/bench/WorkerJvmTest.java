package org.lumbung.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class WorkerJvmTest {

    @Test
    void aWorkerRunsWithTheCollectorTheImageGivesUnlessAnOptionChoosesOne() {
        assertThat(WorkerJvm.options("256m", List.of("-XX:TieredStopAtLevel=1")))
                .containsExactly("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
        // Two collectors would stop the JVM at start ("multiple garbage collectors selected"): the chosen one alone.
        assertThat(WorkerJvm.options("1g", List.of("-XX:+UseG1GC")))
                .containsExactly("-Xmx1g", "-XX:+UseG1GC");
        assertThat(WorkerJvm.options("1g", List.of("-XX:+UseParallelGC", "-Dx=y")))
                .containsExactly("-Xmx1g", "-XX:+UseParallelGC", "-Dx=y");
    }

    @Test
    void theBenchmarksMeasureTheCollectorTheDockerImageRunsLumbungWith() throws Exception {
        Matcher options = Pattern.compile("(?m)^ENV JDK_JAVA_OPTIONS=\"([^\"]*)\"")
                .matcher(Files.readString(Path.of("docker", "Dockerfile")));
        assertThat(options.find()).as("the Dockerfile sets JDK_JAVA_OPTIONS").isTrue();
        assertThat(options.group(1).split(" ")).contains(WorkerJvm.COLLECTOR);
    }
}
