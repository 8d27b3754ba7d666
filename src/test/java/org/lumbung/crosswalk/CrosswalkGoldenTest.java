package org.lumbung.crosswalk;

import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lumbung.index.DocumentMapper;
import org.lumbung.testing.Golden;
import org.lumbung.testing.GoldenInputs;

/**
 * Golden files per format: {@code fixtures/crosswalk/<metadataPrefix>/<case>.xml} is one record's metadata as a
 * repository sends it, {@code <case>.expected.json} the index document Lumbung makes of it. A new case is two files.
 */
class CrosswalkGoldenTest {

    static Stream<Path> cases() {
        return GoldenInputs.crosswalkCases().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void crosswalksToTheExpectedDocument(Path file) {
        Golden.assertMatches("crosswalk/" + GoldenInputs.caseName(file) + ".expected.json",
                DocumentMapper.toDocument(GoldenInputs.crosswalked(file), Instant.EPOCH));
    }
}
