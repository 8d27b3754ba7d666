package org.lumbung.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The project's fixtures as seeds of a fuzz target ({@code @MethodSource} beside {@code @FuzzTest}): Jazzer starts
 * from them when fuzzing and runs them as regression tests otherwise, so that the seeds are the fixtures themselves,
 * never copies. The inputs Jazzer finds go to the target's own {@code <TestClass>Inputs/<method>/} folder.
 */
public final class FuzzSeeds {

    /**
     * Each input's time limit as a regression test, a guard against a hang: the first input of a JVM also pays for
     * installing Jazzer's agent, 20 s and more on two busy cores.
     */
    public static final long TIMEOUT_SECONDS = 120;

    private FuzzSeeds() {
    }

    /** Every file of a fixture folder (under {@code fixtures/}) whose name ends so, as it is. */
    public static Stream<Arguments> fixtures(String folder, String suffix) {
        return fixtures(folder, suffix, UnaryOperator.identity());
    }

    /** Every file of a fixture folder whose name ends so, rewritten first (a metadata record without its XML declaration). */
    public static Stream<Arguments> fixtures(String folder, String suffix, UnaryOperator<String> rewrite) {
        try (Stream<Path> files = Files.list(Path.of(FuzzSeeds.class.getResource("/fixtures/" + folder).toURI()))) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().map(f -> read(f, rewrite))
                    .toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Arguments read(Path file, UnaryOperator<String> rewrite) {
        try {
            String text = rewrite.apply(Files.readString(file, StandardCharsets.UTF_8));
            return Arguments.of((Object) text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
