package org.lumbung;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The folders follow the pipeline: a package imports only the layers before its own, as the list in
 * {@code org/lumbung/package-info.java} orders them. Imports and qualified names in code count; comments and strings do
 * not.
 */
class PackageLayersTest {

    private static final Path MAIN = Path.of("src/main/java/org/lumbung");
    private static final Pattern LAYER = Pattern.compile("^\\s*\\*\\s*<li>(.*?):", Pattern.MULTILINE);
    private static final Pattern CODE = Pattern.compile("\\{@code (\\w+)}");
    private static final Pattern REFERENCE = Pattern.compile("\\borg\\.lumbung\\.(\\w+)\\.");

    @Test
    void everyPackageImportsOnlyEarlierLayers() throws IOException {
        Map<String, Integer> layers = layers();
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> violations.addAll(check(f, layers)));
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void everyPackageHasItsPlaceInTheList() throws IOException {
        Map<String, Integer> layers = layers();
        TreeSet<String> packages = new TreeSet<>();
        try (Stream<Path> dirs = Files.list(MAIN)) {
            dirs.filter(Files::isDirectory).forEach(d -> packages.add(d.getFileName().toString()));
        }
        assertThat(layers.keySet()).containsAll(packages);
        assertThat(layers).containsKeys("xml", "http", "harvest", "crosswalk", "index", "config", "cli");
        assertThat(layers.get("http")).isLessThan(layers.get("harvest"));
        assertThat(layers.get("harvest")).isLessThan(layers.get("index"));
    }

    @Test
    void findsALaterLayerInAnImportAndAQualifiedNameButNotInAComment() {
        Map<String, Integer> layers = Map.of("http", 0, "harvest", 1, "index", 2);
        String source = """
                package org.lumbung.harvest;

                import org.lumbung.http.HttpFetcher;
                import org.lumbung.index.RecordIndexer;

                /** Unlike {@link org.lumbung.index.Reindexer}, ... */
                class Loop {
                    String s = "org.lumbung.index.Quoted.";
                    Object o = new org.lumbung.index.IndexTicket(); // org.lumbung.index.Comment.
                }
                """;
        assertThat(violations("harvest", "harvest/Loop.java", source, layers)).containsExactly(
                "harvest/Loop.java uses index.RecordIndexer", "harvest/Loop.java uses index.IndexTicket");
        assertThat(violations("index", "Writer.java", source.replace("package org.lumbung.harvest", "package x"), layers))
                .isEmpty();
    }

    /** The layers in the order of the root package-info, each package to the index of its line. */
    private static Map<String, Integer> layers() throws IOException {
        String info = Files.readString(MAIN.resolve("package-info.java"));
        Map<String, Integer> layers = new LinkedHashMap<>();
        Matcher line = LAYER.matcher(info);
        for (int rank = 0; line.find(); rank++) {
            Matcher name = CODE.matcher(line.group(1));
            while (name.find()) {
                layers.put(name.group(1), rank);
            }
        }
        return layers;
    }

    private static List<String> check(Path file, Map<String, Integer> layers) {
        Path relative = MAIN.relativize(file);
        if (relative.getNameCount() == 1) {
            return List.of(); // App and the root package-info sit above every layer
        }
        try {
            return violations(relative.getName(0).toString(), relative.toString(), Files.readString(file), layers);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> violations(String own, String name, String source, Map<String, Integer> layers) {
        List<String> found = new ArrayList<>();
        Integer ownRank = layers.get(own);
        Matcher reference = REFERENCE.matcher(code(source));
        while (reference.find()) {
            String used = reference.group(1);
            if (used.equals(own)) {
                continue;
            }
            Integer usedRank = layers.get(used);
            if (ownRank == null || usedRank == null || usedRank >= ownRank) {
                String type = source.substring(reference.end()).split("\\W", 2)[0];
                found.add(name + " uses " + used + "." + type);
            }
        }
        return found;
    }

    /** The source with comments and string and character literals blanked out (their length kept). */
    static String code(String source) {
        StringBuilder out = new StringBuilder(source);
        int i = 0;
        while (i < source.length()) {
            int end;
            if (source.startsWith("//", i)) {
                end = source.indexOf('\n', i);
            } else if (source.startsWith("/*", i)) {
                end = source.indexOf("*/", i + 2) + 2;
            } else if (source.startsWith("\"\"\"", i)) {
                end = source.indexOf("\"\"\"", i + 3) + 3;
            } else if (source.charAt(i) == '"' || source.charAt(i) == '\'') {
                end = literalEnd(source, i);
            } else {
                i++;
                continue;
            }
            end = end <= i ? source.length() : end;
            for (int k = i; k < end; k++) {
                if (out.charAt(k) != '\n') {
                    out.setCharAt(k, ' ');
                }
            }
            i = end;
        }
        return out.toString();
    }

    private static int literalEnd(String source, int start) {
        char quote = source.charAt(start);
        int k = start + 1;
        while (k < source.length() && source.charAt(k) != quote) {
            k += source.charAt(k) == '\\' ? 2 : 1;
        }
        return k + 1;
    }
}
