package org.lumbung.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {

    @Test
    void theEnvironmentOverridesTheDefaultsAndOptionsOverrideTheEnvironment() {
        Settings s = Settings.load(Map.of("LUMBUNG_ES_URL", "http://es.example:9200", "LUMBUNG_DATA", "/srv/lumbung"),
                Map.of("lumbung.data", "/tmp/other"));
        assertThat(s.esUrl()).hasValueSatisfying(u -> assertThat(u.toString()).isEqualTo("http://es.example:9200"));
        assertThat(s.dataDir().toString()).isEqualTo("/tmp/other");
        assertThat(Settings.defaults().esUrl()).isEmpty();
        assertThat(Settings.defaults().esHeap()).isEqualTo("512m");
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
}
