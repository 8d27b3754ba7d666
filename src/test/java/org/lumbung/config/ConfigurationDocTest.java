package org.lumbung.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/configuration.md's settings table is the operator's copy of application.properties, and a hand-kept copy
 * drifts (issue 14 found it saying where the distribution is looked for and which answers are retried wrongly).
 * So every key of the file has a row, every row and every key the page names exists, and each row's default is the
 * file's value, written in backticks or as {@code (empty)}.
 */
class ConfigurationDocTest {

    private static final Path PROPERTIES = Path.of("src/main/resources/application.properties");
    private static final Path DOC = Path.of("docs/configuration.md");

    /** A table row: {@code | `key` | `default` or (empty) | meaning |}; pipes inside cells are written {@code \|}. */
    private static final Pattern ROW = Pattern.compile("^\\|\\s*`(lumbung\\.[^`]*)`\\s*\\|(.*)$");
    private static final Pattern CELL_SEPARATOR = Pattern.compile("(?<!\\\\)\\|");
    /** A key named anywhere on the page, or a family of keys ({@code lumbung.es.retry.*}). */
    private static final Pattern MENTION =
            Pattern.compile("(?<![\\w.$@-])lumbung(?:\\.[a-z0-9][a-z0-9-]*)+(\\.\\*)?");
    private static final String EMPTY = "(empty)";

    @Test
    void everySettingIsInTheConfigurationTableWithTheDefaultTheFileGivesIt() throws IOException {
        Map<String, String> settings = settings();
        Map<String, String> rows = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (String line : Files.readAllLines(DOC, StandardCharsets.UTF_8)) {
            Matcher row = ROW.matcher(line);
            if (!row.matches()) {
                continue;
            }
            String key = row.group(1);
            String[] cells = CELL_SEPARATOR.split(row.group(2), -1);
            if (!key.matches("lumbung(\\.[a-z0-9][a-z0-9-]*)+") || cells.length < 2) {
                problems.add("a row must name one key and its default: " + line);
                continue;
            }
            if (rows.put(key, normalise(cells[0])) != null) {
                problems.add(key + " has two rows");
            }
        }
        settings.forEach((key, value) -> {
            if (!rows.containsKey(key)) {
                problems.add(key + " is in application.properties but has no row in " + DOC);
            } else if (!rows.get(key).equals(value)) {
                problems.add(key + ": the doc's default " + shown(rows.get(key))
                        + " is not application.properties' " + shown(value));
            }
        });
        rows.keySet().stream().filter(k -> !settings.containsKey(k))
                .forEach(k -> problems.add(k + " has a row in " + DOC + " but is no key of application.properties"));
        assertThat(rows).as("rows read from %s", DOC).hasSizeGreaterThan(50);
        assertThat(problems).as("%s against %s", DOC, PROPERTIES).isEmpty();
    }

    @Test
    void everyKeyThePageNamesExists() throws IOException {
        Map<String, String> settings = settings();
        Matcher mention = MENTION.matcher(Files.readString(DOC, StandardCharsets.UTF_8));
        List<String> unknown = new ArrayList<>();
        while (mention.find()) {
            String named = mention.group();
            boolean family = mention.group(1) != null;
            String prefix = named.substring(0, named.length() - (family ? 1 : 0));
            boolean known = family ? settings.keySet().stream().anyMatch(k -> k.startsWith(prefix))
                    : settings.containsKey(named);
            if (!known) {
                unknown.add(named);
            }
        }
        assertThat(unknown).as("lumbung.* keys %s names that application.properties does not have", DOC).isEmpty();
    }

    /** The same for both sides: surrounding blanks and backticks go, and {@code (empty)} is the empty value. */
    private static String normalise(String cell) {
        String value = cell.strip();
        if (value.equals(EMPTY)) {
            return "";
        }
        if (value.length() >= 2 && value.startsWith("`") && value.endsWith("`")) {
            value = value.substring(1, value.length() - 1);
        }
        return value.strip();
    }

    private static String shown(String value) {
        return value.isEmpty() ? EMPTY : "'" + value + "'";
    }

    private static Map<String, String> settings() throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(PROPERTIES, StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        Map<String, String> settings = new TreeMap<>();
        properties.stringPropertyNames().stream().filter(k -> k.startsWith("lumbung."))
                .forEach(k -> settings.put(k, normalise(properties.getProperty(k))));
        assertThat(settings).as("keys read from %s", PROPERTIES).hasSizeGreaterThan(50);
        return settings;
    }
}
