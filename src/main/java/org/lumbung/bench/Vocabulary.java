package org.lumbung.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/** The words synthetic records are made of: {@code lumbung/bench/vocabulary.txt}, one entry a line per section. */
final class Vocabulary {

    private static final String RESOURCE = "/lumbung/bench/vocabulary.txt";

    private final Map<String, List<String>> sections;

    private Vocabulary(Map<String, List<String>> sections) {
        this.sections = sections;
    }

    static Vocabulary load() {
        try (InputStream in = Vocabulary.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            Map<String, List<String>> sections = new LinkedHashMap<>();
            List<String> current = null;
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String entry = line.strip();
                if (entry.startsWith("[") && entry.endsWith("]")) {
                    current = sections.computeIfAbsent(entry.substring(1, entry.length() - 1), k -> new ArrayList<>());
                } else if (!entry.isEmpty() && !entry.startsWith("#") && current != null) {
                    current.add(entry);
                }
            }
            return new Vocabulary(sections);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One entry of the section, chosen at random. */
    String pick(String section, RandomGenerator random) {
        List<String> entries = sections.get(section);
        if (entries == null || entries.isEmpty()) {
            throw new IllegalArgumentException("the vocabulary has no section [" + section + "]");
        }
        return entries.get(random.nextInt(entries.size()));
    }
}
