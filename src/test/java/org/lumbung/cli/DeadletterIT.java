package org.lumbung.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lumbung.index.DeadLetterStore;
import org.lumbung.index.IndexLayout;
import org.lumbung.index.IndexSetup;
import org.lumbung.pipeline.RecordFailure;
import org.lumbung.testing.Cli;
import org.lumbung.testing.Harvests;
import org.lumbung.testing.TestElasticsearch;

/** Dead letters listed and replayed: what can now be read is indexed and leaves the store, the rest stays. */
class DeadletterIT {

    private static String prefix;

    @BeforeAll
    static void letters() throws Exception {
        prefix = TestElasticsearch.freshPrefix(DeadletterIT.class);
        IndexLayout layout = new IndexLayout(prefix, 0);
        new IndexSetup(TestElasticsearch.client(), layout).ensure();
        DeadLetterStore store = new DeadLetterStore(TestElasticsearch.client(), layout);
        // Refused by an older crosswalk; readable now.
        store.add(new RecordFailure("repo", "oai:repo:1", RecordFailure.Stage.CROSSWALK, 0,
                "no crosswalk for metadataPrefix 'oai_dc'",
                "<record xmlns=\"http://www.openarchives.org/OAI/2.0/\"><header><identifier>oai:repo:1</identifier>"
                        + "<datestamp>2026-01-01</datestamp></header><metadata><oai_dc:dc"
                        + " xmlns:oai_dc=\"http://www.openarchives.org/OAI/2.0/oai_dc/\""
                        + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>Recovered at last</dc:title>"
                        + "</oai_dc:dc></metadata></record>", false), "oai_dc");
        // Never readable: the repository sent broken XML.
        store.add("repo", "oai:repo:2", "http://repo.example/oai", "unparseable record: malformed XML",
                "<record><header><identifier>oai:repo:2</identifier></header><metadata>Broken < title</metadata></record>");
    }

    private static Cli.Result lumbung(String... args) {
        return Cli.onTestEs(prefix, args);
    }

    @Test
    @SuppressWarnings("rawtypes")
    void replayIndexesWhatCanNowBeReadAndKeepsTheRest() throws Exception {
        Cli.Result listed = lumbung("deadletter", "list", "--source", "repo");
        assertThat(listed.out()).contains("repo  oai:repo:1  [crosswalk]", "repo  oai:repo:2  [harvest]", "2 dead letters");

        Cli.Result replay = lumbung("deadletter", "replay");
        assertThat(replay.status()).isEqualTo(1);
        assertThat(replay.out()).contains("replayed 2 dead letters: 1 indexed and removed, 1 still failing");
        Map<String, Map> docs = Harvests.records(prefix);
        assertThat(((Map) docs.get("repo:oai:repo:1").get("dc")).get("title")).isEqualTo(List.of("Recovered at last"));
        assertThat(TestElasticsearch.documents(prefix + "-deadletter")).containsOnlyKeys("repo:oai:repo:2");
    }
}
