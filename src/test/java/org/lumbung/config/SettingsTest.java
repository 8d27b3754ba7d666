package org.lumbung.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {

    @Test
    void theEnvironmentOverridesTheDefaultsAndOptionsOverrideTheEnvironment() {
        Settings s = Settings.load(Map.of("LUMBUNG_ES_URL", "http://es.example:9200", "LUMBUNG_DATA", "/srv/lumbung"),
                Map.of("lumbung.data", "/tmp/other"));
        assertThat(s.esUrls()).extracting(Object::toString).containsExactly("http://es.example:9200");
        assertThat(s.dataDir().toString()).isEqualTo("/tmp/other");
        assertThat(Settings.defaults().esUrls()).isEmpty();
        assertThat(Settings.defaults().esHeap()).isEqualTo("512m");
    }

    /**
     * As a plugin, Lumbung shares the class path with an application whose own application.properties comes first:
     * the defaults are still Lumbung's, read from where its classes are.
     */
    @Test
    void theDefaultsAreLumbungsEvenWhenAnotherApplicationPropertiesComesFirst(@TempDir Path host) throws Exception {
        Files.writeString(host.resolve("application.properties"), "camel.main.name=host\n");
        List<URL> path = new ArrayList<>(List.of(host.toUri().toURL()));
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            path.add(Path.of(entry).toUri().toURL());
        }
        try (URLClassLoader app = new URLClassLoader(path.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            assertThat(Path.of(app.getResource("application.properties").toURI()))
                    .isEqualTo(host.resolve("application.properties"));
            Object defaults = app.loadClass(Settings.class.getName()).getMethod("defaults").invoke(null);
            Object operations = defaults.getClass().getMethod("get", String.class)
                    .invoke(defaults, "lumbung.index.bulk-operations");
            assertThat(operations).isEqualTo(Settings.defaults().get("lumbung.index.bulk-operations"));
        }
    }

    @Test
    void theElasticsearchUrlListsEveryNodeOfACluster() {
        Settings s = Settings.load(Map.of(), Map.of("lumbung.es.url",
                "https://es1.example:9200, https://es2.example:9200,,https://es3.example:9201 "));
        assertThat(s.esUrls()).extracting(Object::toString).containsExactly("https://es1.example:9200",
                "https://es2.example:9200", "https://es3.example:9201");
        assertThatThrownBy(() -> Settings.load(Map.of(), Map.of("lumbung.es.url", "http://es1:9200,es2:9200")))
                .hasMessageContaining("lumbung.es.url").hasMessageContaining("'es2:9200'");
    }

    @Test
    void recordsAreStoredCompactlyUnlessElasticsearchsDefaultIsAsked() {
        assertThat(Settings.defaults().indexCodec()).isEqualTo("best_compression");
        assertThat(Settings.load(Map.of("LUMBUNG_INDEX_CODEC", "default"), Map.of()).indexCodec()).isEqualTo("default");
        assertThatThrownBy(() -> Settings.load(Map.of(), Map.of("lumbung.index.codec", "lz4")))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("lumbung.index.codec").hasMessageContaining("'lz4'");
    }

    @Test
    void replicasAreAutoUnlessANumberIsGiven() {
        assertThat(Settings.defaults().indexReplicas()).isEmpty();
        assertThat(Settings.load(Map.of("LUMBUNG_INDEX_REPLICAS", "2"), Map.of()).indexReplicas()).hasValue(2);
        assertThat(Settings.load(Map.of(), Map.of("lumbung.index.replicas", "0")).indexReplicas()).hasValue(0);
        assertThatThrownBy(() -> Settings.load(Map.of(), Map.of("lumbung.index.replicas", "many")))
                .hasMessageContaining("lumbung.index.replicas").hasMessageContaining("'many'");
    }

    @Test
    void bulkRequestsInFlightAreOneOnThisMachineAndTwoForARemoteClusterUnlessANumberIsGiven() {
        assertThat(Settings.load(Map.of(), Map.of()).bulkConcurrency()).as("the embedded node").isEqualTo(1);
        for (String local : List.of("http://127.0.0.1:9200", "http://localhost:9200", "https://[::1]:9200",
                "http://127.0.0.1:9200,http://127.0.0.2:9201")) {
            assertThat(Settings.load(Map.of("LUMBUNG_ES_URL", local), Map.of()).bulkConcurrency()).as(local)
                    .isEqualTo(1);
        }
        for (String remote : List.of("http://es.example:9200", "http://127.0.0.1:9200,http://es2.example:9200",
                "http://10.0.0.5:9200")) {
            assertThat(Settings.load(Map.of("LUMBUNG_ES_URL", remote), Map.of()).bulkConcurrency()).as(remote)
                    .isEqualTo(2);
        }
        assertThat(Settings.load(Map.of("LUMBUNG_INDEX_BULK_CONCURRENCY", "3"), Map.of()).bulkConcurrency())
                .isEqualTo(3);
        assertThat(Settings.load(Map.of("LUMBUNG_ES_URL", "http://es.example:9200"),
                Map.of("lumbung.index.bulk-concurrency", "1")).bulkConcurrency()).isEqualTo(1);
        assertThatThrownBy(() -> Settings.load(Map.of(), Map.of("lumbung.index.bulk-concurrency", "0")))
                .hasMessageContaining("lumbung.index.bulk-concurrency").hasMessageContaining("'0'");
        assertThatThrownBy(() -> Settings.load(Map.of(), Map.of("lumbung.index.bulk-concurrency", "many")))
                .hasMessageContaining("lumbung.index.bulk-concurrency").hasMessageContaining("'many'");
    }

    @Test
    void parsesDurationsAndSizes() {
        Settings s = Settings.load(Map.of(), Map.of("lumbung.index.flush-interval", "250ms",
                "lumbung.index.bulk-bytes", "2mb"));
        assertThat(s.duration("lumbung.index.flush-interval")).isEqualTo(Duration.ofMillis(250));
        assertThat(s.bytes("lumbung.index.bulk-bytes")).isEqualTo(2L * 1024 * 1024);
    }

    @Test
    void aBadValueFailsAtStartNamingItsKeyAndVariable() {
        assertThatThrownBy(() -> Settings.load(Map.of("LUMBUNG_ES_HEAP", "lots"), Map.of()))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("lumbung.es.heap")
                .hasMessageContaining("LUMBUNG_ES_HEAP")
                .hasMessageContaining("'lots'");
        assertThatThrownBy(() -> Settings.load(Map.of(), Map.of("lumbung.es.url", "localhost:9200")))
                .hasMessageContaining("lumbung.es.url");
        assertThatThrownBy(() -> Settings.load(Map.of(), Map.of("lumbung.language.candidates", "id")))
                .hasMessageContaining("lumbung.language.candidates");
        assertThatThrownBy(() -> Settings.load(Map.of(), Map.of("lumbung.language.candidates", "id,en,qq")))
                .hasMessageContaining("lumbung.language.candidates").hasMessageContaining("'qq'");
    }

    @Test
    void secretsComeFromTheEnvironmentOrAFileNeverFromTheCommandLineAndNeverReachCamel() throws Exception {
        Settings env = Settings.load(Map.of("LUMBUNG_ES_API_KEY", "aWQ6a2V5", "LUMBUNG_ADMIN_TOKEN", "t0ken"), Map.of());
        assertThat(env.esCredentials().apiKey()).isEqualTo("aWQ6a2V5");
        assertThat(env.secret("lumbung.admin.token")).contains("t0ken");
        assertThat(env.asMap()).doesNotContainKeys("lumbung.es.api-key", "lumbung.admin.token")
                .doesNotContainValue("t0ken");

        java.nio.file.Path file = java.nio.file.Files.createTempFile("lumbung-password", ".txt");
        java.nio.file.Files.writeString(file, "s3cret\n");
        Settings fromFile = Settings.load(Map.of("LUMBUNG_ES_USERNAME", "lumbung"),
                Map.of("lumbung.es.password-file", file.toString()));
        assertThat(fromFile.esCredentials().password()).isEqualTo("s3cret");
        java.nio.file.Files.delete(file);

        assertThatThrownBy(() -> Settings.load(Map.of(), Map.of("lumbung.es.password", "s3cret")))
                .hasMessageContaining("lumbung.es.password").hasMessageContaining("never on the command line")
                .hasMessageNotContaining("s3cret");
        assertThatThrownBy(() -> Settings.load(Map.of("LUMBUNG_ES_PASSWORD", "s3cret"), Map.of()))
                .hasMessageContaining("go together");
    }

    @Test
    void anUnknownKeyStopsLumbungNamingTheNearestKnownOne() {
        assertThatThrownBy(() -> Settings.load(Map.of(), Map.of("lumbung.harvest.concurrancy", "8")))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("lumbung.harvest.concurrancy")
                .hasMessageContaining("unknown setting; did you mean lumbung.harvest.concurrency?");
        assertThatThrownBy(() -> Settings.load(Map.of(), Map.of("lumbung.index.bulk-operation", "10")))
                .hasMessageContaining("did you mean lumbung.index.bulk-operations?");
        assertThatThrownBy(() -> Settings.load(Map.of(), Map.of("lumbung.wholly.unlike.anything.known", "1")))
                .hasMessageEndingWith("unknown setting");
        // Keys outside Lumbung's namespace and unknown names in the environment are not Lumbung's to refuse.
        assertThat(Settings.load(Map.of("LUMBUNG_HARVEST_CONCURRANCY", "8"), Map.of("camel.main.name", "x"))
                .integer("lumbung.harvest.concurrency", 1, 10_000)).isEqualTo(64);
    }

    @Test
    void theNearestKeyIsFoundByEditDistance() {
        assertThat(Settings.editDistance("concurrancy", "concurrency")).isEqualTo(1);
        assertThat(Settings.editDistance("", "abc")).isEqualTo(3);
        assertThat(Settings.editDistance("kitten", "sitting")).isEqualTo(3);
        assertThat(Settings.nearest("lumbung.es.hep", java.util.Set.of("lumbung.es.heap", "lumbung.es.port")))
                .contains("lumbung.es.heap");
    }
}
