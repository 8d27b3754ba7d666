package org.lumbung.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.lumbung.config.LogFile;
import org.lumbung.config.Lumbung;
import org.lumbung.config.Settings;
import org.lumbung.config.SettingsException;
import org.lumbung.index.EsWaits;
import org.lumbung.pipeline.SourceId;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** Options every command takes: where Elasticsearch and the data are, and any setting by name. */
public final class CommonOptions {

    @Option(names = "--es", paramLabel = "URL[,URL...]",
            description = "Elasticsearch to use (LUMBUNG_ES_URL): one node, or a cluster's nodes separated by commas;"
                    + " default: the embedded node in the data folder.")
    String es;

    @Option(names = "--data", paramLabel = "DIR", description = "Lumbung's data folder (LUMBUNG_DATA); default ./data.")
    Path data;

    @Option(names = "--es-heap", paramLabel = "SIZE", description = "Heap of the embedded node, e.g. 512m or 1g.")
    String esHeap;

    @Option(names = "--es-port", paramLabel = "PORT", description = "Port of the embedded node; 0 for any free port.")
    Integer esPort;

    @Option(names = "--index-prefix", paramLabel = "NAME", description = "Prefix of Lumbung's indices; default lumbung.")
    String indexPrefix;

    @Option(names = "--settings", paramLabel = "FILE",
            description = "A properties file of settings, over the environment and under -D.")
    Path settingsFile;

    @Option(names = "-D", paramLabel = "KEY=VALUE", description = "Any setting of application.properties.")
    Map<String, String> properties = new HashMap<>();

    /** A source id given on the command line, checked: ids are slugs. */
    static String sourceId(String id, Object command) {
        if (id != null && !SourceId.isValid(id)) {
            throw new CommandLine.ParameterException(new CommandLine(command),
                    "--source must be a slug (a-z, 0-9, '-', '_'), not '" + id + "'");
        }
        return id;
    }

    /** The settings: packaged defaults, then the environment, then the settings file, then these options. */
    Settings settings(Map<String, String> more) {
        Map<String, String> overrides = new HashMap<>(settingsFile == null ? Map.of() : readSettingsFile(settingsFile));
        overrides.putAll(properties);
        put(overrides, "lumbung.es.url", es);
        put(overrides, "lumbung.data", data == null ? null : data.toString());
        put(overrides, "lumbung.es.heap", esHeap);
        put(overrides, "lumbung.es.port", esPort == null ? null : esPort.toString());
        put(overrides, "lumbung.index.prefix", indexPrefix);
        more.forEach((k, v) -> put(overrides, k, v));
        Settings settings = Settings.load(System.getenv(), overrides);
        // With --es and no data folder yet, a command makes none just for its log (the trace stays unwritten).
        if (settings.esUrls().isEmpty() || Files.isDirectory(settings.dataDir())) {
            LogFile.openIn(settings.dataDir());
        }
        return settings;
    }

    /** After a command's counts: how long it waited for an Elasticsearch gone or busy, when it had to. */
    static void printWaits(Lumbung lumbung) {
        EsWaits waits = lumbung.components().es().waits();
        if (waits.any()) {
            System.out.println(waits.summary());
        }
    }

    private static Map<String, String> readSettingsFile(Path file) {
        Properties read = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            read.load(in);
        } catch (NoSuchFileException e) {
            throw new SettingsException(file, "no such file");
        } catch (IOException | IllegalArgumentException e) {
            throw new SettingsException(file, "unreadable (" + e.getMessage() + ")");
        }
        Map<String, String> out = new HashMap<>();
        read.stringPropertyNames().forEach(k -> out.put(k, read.getProperty(k)));
        return out;
    }

    private static void put(Map<String, String> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
