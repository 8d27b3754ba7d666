package org.lumbung.camel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.lumbung.config.Settings;

/**
 * The index sink Kamelet's parts are Lumbung's own, built from its settings: a property given overrides the setting,
 * one left empty keeps application.properties' (or the environment's) value; none is the sink's own.
 */
class DcIndexSinkTest {

    private static final String[] BULK = {"lumbung.index.bulk-operations", "lumbung.index.bulk-bytes",
        "lumbung.index.bulk-concurrency", "lumbung.index.flush-interval"};

    @Test
    void bulkSettingsLeftEmptyAreLumbungsOwn() {
        DcIndexSink sink = new DcIndexSink();
        sink.setBulkOperations("");
        sink.setBulkBytes(" ");
        sink.setBulkConcurrency("");
        sink.setFlushInterval("");
        Settings settings = sink.settings();
        Settings lumbung = Settings.load(System.getenv(), java.util.Map.of());
        for (String key : BULK) {
            assertThat(settings.get(key)).as(key).isEqualTo(lumbung.get(key));
        }
        assertThat(settings.indexPrefix()).isEqualTo(lumbung.indexPrefix());
        assertThat(settings.languageCandidates()).isEqualTo(lumbung.languageCandidates());
    }

    @Test
    void bulkSettingsGivenAsPropertiesOverrideThem() {
        DcIndexSink sink = new DcIndexSink();
        sink.setBulkOperations("250");
        sink.setBulkBytes("2mb");
        sink.setBulkConcurrency("3");
        sink.setFlushInterval("5s");
        sink.setIndexPrefix("plugin");
        sink.setLanguages("en,fr");
        Settings settings = sink.settings();
        assertThat(settings.integer("lumbung.index.bulk-operations", 1, 100_000)).isEqualTo(250);
        assertThat(settings.bytes("lumbung.index.bulk-bytes")).isEqualTo(2L << 20);
        assertThat(settings.integer("lumbung.index.bulk-concurrency", 1, 64)).isEqualTo(3);
        assertThat(settings.duration("lumbung.index.flush-interval")).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.indexPrefix()).isEqualTo("plugin");
        assertThat(settings.languageCandidates()).containsExactly("en", "fr");
    }

    @Test
    void withoutAUrlAnywhereTheSinkWritesToTheLocalNode() {
        DcIndexSink sink = new DcIndexSink();
        sink.setElasticsearchUrl("");
        Settings settings = sink.settings();
        String expected = System.getenv().getOrDefault("LUMBUNG_ES_URL", "");
        assertThat(settings.get("lumbung.es.url")).isEqualTo(
                expected.isEmpty() ? "http://127.0.0.1:" + settings.esPort() : expected);
    }
}
