package org.lumbung.landing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lumbung.testing.Cli;
import org.lumbung.testing.Golden;
import org.lumbung.testing.TestElasticsearch;

/** The ingest and search commands, through the real routes, on a real Elasticsearch. */
class IngestIT {

    private static String prefix;

    @BeforeAll
    static void index() {
        prefix = TestElasticsearch.freshPrefix(IngestIT.class);
    }


    @Test
    @SuppressWarnings("rawtypes")
    void theSeedPageBecomesTheGoldenDocumentAndSearchFindsIt() throws Exception {
        Cli.Result ingest = Cli.onTestEs(prefix, "ingest", SeedPageTest.SEED.toString(), "--url", SeedPageTest.SEED_URL,
                "--source", "undip-jihi-pages");
        assertThat(ingest.status()).isZero();
        assertThat(ingest.out()).contains("ingest: 1 documents read, 1 records indexed, 0 deleted, 0 failed");

        Map<String, Map> docs = TestElasticsearch.documents(prefix + "-records");
        assertThat(docs).containsOnlyKeys(SeedPageTest.SEED_URL);
        Golden.assertMatches("seed.expected.json", docs.get(SeedPageTest.SEED_URL));

        Cli.Result search = Cli.onTestEs(prefix, "search", "Karabakh");
        assertThat(search.status()).isZero();
        assertThat(search.out()).contains("1. Kebijakan Luar Negeri Turki",
                "Falentinoris Yubilio Wiku; Ika Riswanti Putranti; Marten Hanura (n.d.)",
                "source undip-jihi-pages, id " + SeedPageTest.SEED_URL, "1 of 1 records match 'Karabakh'");

        Cli.Result json = Cli.onTestEs(prefix, "search", "Erdoğan", "--json");
        assertThat(json.out()).contains("\"total\" : 1", "\"id\" : \"" + SeedPageTest.SEED_URL + "\"");
    }

    @Test
    void ingestingTheSamePageAgainKeepsOneDocument() throws Exception {
        for (int i = 0; i < 2; i++) {
            assertThat(Cli.onTestEs(prefix, "ingest", SeedPageTest.SEED.toString(), "--url", SeedPageTest.SEED_URL,
                    "--source", "undip-jihi-pages").status()).isZero();
        }
        assertThat(TestElasticsearch.documents(prefix + "-records")).hasSize(1);
    }

    @Test
    @SuppressWarnings("rawtypes")
    void aSavedOaiResponseIsIndexedUnderTheSourceItsRequestNames() throws Exception {
        String savedPrefix = prefix + "-saved";
        java.nio.file.Path saved = java.nio.file.Path.of("src/test/resources/fixtures/oai/ojs-listrecords-page2.xml");
        Cli.Result result = Cli.run("ingest", saved.toString(), "--es", TestElasticsearch.url().toString(),
                "--index-prefix", savedPrefix);
        assertThat(result.status()).isZero();
        assertThat(result.out()).contains("1 documents read, 1 records indexed, 1 deleted, 0 failed");
        // The same ids a live harvest of https://jurnal.example.ac.id/index.php/jhi/oai would give.
        Map<String, Map> docs = TestElasticsearch.documents(savedPrefix + "-records");
        assertThat(docs).containsOnlyKeys("jurnal-example-ac-id-jhi:oai:jurnal.example.ac.id:article/104",
                "jurnal-example-ac-id-jhi:oai:jurnal.example.ac.id:article/105");
        assertThat(docs.get("jurnal-example-ac-id-jhi:oai:jurnal.example.ac.id:article/105").get("deleted"))
                .isEqualTo(true);
    }

    @Test
    void anUnreadableFileIsReportedAndTheOthersGoOn() throws Exception {
        Cli.Result result = Cli.run("ingest", "no/such/page.html", SeedPageTest.SEED.toString(), "--source",
                "undip-jihi-pages", "--es", TestElasticsearch.url().toString(), "--index-prefix", prefix + "-unreadable");
        assertThat(result.status()).isEqualTo(1);
        assertThat(result.out()).contains("1 documents read, 1 records indexed, 0 deleted, 1 failed");
    }
}
