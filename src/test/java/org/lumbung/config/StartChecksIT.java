package org.lumbung.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lumbung.testing.TestData;
import org.lumbung.testing.TestElasticsearch;
import org.slf4j.LoggerFactory;

/**
 * What {@code run} checks before it serves: a data folder it cannot write stops it, naming the setting and the
 * folder (Camel's file consumer used to leave the inbox off without a word), and the placeholder adminEmail is
 * warned of.
 */
class StartChecksIT {

    private static Settings settings(Path data, Map<String, String> more) throws Exception {
        Path seeds = Files.writeString(TestData.newDataDir("start-checks-seeds").resolve("sources.yaml"), "sources: []\n");
        Map<String, String> overrides = new HashMap<>(Map.of(
                "lumbung.es.url", TestElasticsearch.url().toString(),
                "lumbung.index.prefix", TestElasticsearch.freshPrefix(StartChecksIT.class),
                "lumbung.data", data.toString(),
                "lumbung.seeds", seeds.toString(),
                "lumbung.harvest.at-start", "false"));
        overrides.putAll(more);
        return Settings.load(Map.of(), overrides);
    }

    /**
     * A folder under a regular file can be made by nobody, root included (tests may run as root, for whom
     * permissions stop no write).
     */
    @Test
    void aDataFolderLumbungCannotWriteStopsTheStartNamingTheFolder() throws Exception {
        Path file = Files.writeString(TestData.newDataDir("start-checks").resolve("a-file"), "not a folder\n");
        Path data = file.resolve("data");
        try (Lumbung lumbung = Lumbung.start(settings(data, Map.of()))) {
            assertThatThrownBy(() -> lumbung.camel(true)).isInstanceOf(SettingsException.class)
                    .hasMessageContaining("lumbung.data")
                    .hasMessageContaining(data.resolve("inbox").toString())
                    .hasMessageContaining("give the folder to the user Lumbung runs as");
        }
        Path inbox = file.resolve("inbox");
        try (Lumbung lumbung = Lumbung.start(settings(TestData.newDataDir("start-checks"),
                Map.of("lumbung.inbox", inbox.toString())))) {
            assertThatThrownBy(() -> lumbung.camel(true)).isInstanceOf(SettingsException.class)
                    .hasMessageContaining("lumbung.inbox").hasMessageContaining(inbox.toString());
        }
    }

    @Test
    void aWritableDataFolderGetsItsInboxAndThePlaceholderAdminEmailIsWarnedOf() throws Exception {
        Logger oai = (Logger) LoggerFactory.getLogger("lumbung.oai");
        ListAppender<ILoggingEvent> warnings = new ListAppender<>();
        warnings.start();
        oai.addAppender(warnings);
        Path data = TestData.newDataDir("start-checks");
        try (Lumbung lumbung = Lumbung.start(settings(data, Map.of()))) {
            lumbung.camel(true);
            assertThat(data.resolve("inbox")).isDirectory();
            assertThat(warnings.list).extracting(ILoggingEvent::getFormattedMessage).singleElement().asString()
                    .contains("admin@lumbung.invalid", "lumbung.oai.admin-email", "LUMBUNG_OAI_ADMIN_EMAIL");
            warnings.list.clear();
        }
        try (Lumbung lumbung = Lumbung.start(settings(data, Map.of("lumbung.oai.admin-email", "oai@journal.example.ac.id")))) {
            lumbung.camel(true);
            assertThat(warnings.list).isEmpty();
        } finally {
            oai.detachAppender(warnings);
        }
    }
}
