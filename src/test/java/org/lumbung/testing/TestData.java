package org.lumbung.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Data folders for tests that start their own node. They live under target/test-data; when Lumbung runs as root and
 * the unprivileged user cannot reach them, the node's files were moved elsewhere (see NodeHome), and {@link #delete}
 * removes those too, so that no test leaves a distribution behind in /var/tmp.
 */
public final class TestData {

    private TestData() {
    }

    public static Path newDataDir(String name) {
        Path dir = Path.of(System.getProperty("lumbung.test.data", "target/test-data"), name + "-" + System.nanoTime())
                .toAbsolutePath();
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where the node of this data folder keeps its files. */
    public static Path nodeHome(Path data) throws IOException {
        Path pointer = data.resolve("elasticsearch.location");
        return Files.exists(pointer) ? Path.of(Files.readString(pointer).trim()) : data.resolve("elasticsearch");
    }

    /** Deletes the folder, and every node home that a data folder inside it moved elsewhere. */
    public static void delete(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path pointer : paths.filter(p -> p.getFileName().toString().equals("elasticsearch.location")).toList()) {
                deleteTree(Path.of(Files.readString(pointer).trim()));
            }
        }
        deleteTree(folder);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
