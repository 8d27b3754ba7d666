package org.lumbung.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lumbung.testing.Cli;
import org.lumbung.testing.Golden;
import org.lumbung.testing.SeedPage;
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
        Cli.Result ingest = Cli.onTestEs(prefix, "ingest", SeedPage.FILE.toString(), "--url", SeedPage.URL,
                "--source", "undip-jihi-pages");
        assertThat(ingest.status()).as(ingest.said()).isZero();
        assertThat(ingest.out()).contains("ingest: 1 documents read, 1 records indexed, 0 deleted, 0 failed");

        Map<String, Map> docs = TestElasticsearch.documents(prefix + "-records");
        assertThat(docs).containsOnlyKeys(SeedPage.URL);
        Golden.assertMatches("seed.expected.json", docs.get(SeedPage.URL));

        Cli.Result search = Cli.onTestEs(prefix, "search", "Karabakh");
        assertThat(search.status()).as(search.said()).isZero();
        assertThat(search.out()).contains("1. Kebijakan Luar Negeri Turki",
                "Falentinoris Yubilio Wiku; Ika Riswanti Putranti; Marten Hanura (n.d.)",
                "source undip-jihi-pages, id " + SeedPage.URL, "1 of 1 records match 'Karabakh'");

        Cli.Result json = Cli.onTestEs(prefix, "search", "Erdoğan", "--json");
        assertThat(json.out()).contains("\"total\" : 1", "\"id\" : \"" + SeedPage.URL + "\"");
    }

    @Test
    @SuppressWarnings("rawtypes")
    void ingestingTheSamePageAgainKeepsOneDocumentAndLeavesItAsItWas() throws Exception {
        String againPrefix = prefix + "-again";
        Cli.Result first = Cli.onTestEs(againPrefix, "ingest", SeedPage.FILE.toString(), "--url", SeedPage.URL,
                "--source", "undip-jihi-pages");
        assertThat(first.out()).as(first.said()).contains("1 documents read, 1 records indexed, 0 deleted, 0 failed");
        Map<String, Map> stored = TestElasticsearch.documents(againPrefix + "-records");

        Cli.Result again = Cli.onTestEs(againPrefix, "ingest", SeedPage.FILE.toString(), "--url", SeedPage.URL,
                "--source", "undip-jihi-pages");
        assertThat(again.status()).as(again.said()).isZero();
        assertThat(again.out()).contains(
                "1 documents read, 1 records indexed (1 unchanged, not written again), 0 deleted, 0 failed");
        assertThat(TestElasticsearch.documents(againPrefix + "-records"))
                .as("the same document, its indexedAt included").isEqualTo(stored);
    }

    @Test
    @SuppressWarnings("rawtypes")
    void aSavedOaiResponseIsIndexedUnderTheSourceItsRequestNames() throws Exception {
        String savedPrefix = prefix + "-saved";
        java.nio.file.Path saved = java.nio.file.Path.of("src/test/resources/fixtures/oai/ojs-listrecords-page2.xml");
        Cli.Result result = Cli.run("ingest", saved.toString(), "--es", TestElasticsearch.url().toString(),
                "--index-prefix", savedPrefix);
        assertThat(result.status()).as(result.said()).isZero();
        assertThat(result.out()).contains("1 documents read, 1 records indexed, 1 deleted, 0 failed");
        // The same ids a live harvest of https://jurnal.example.ac.id/index.php/jhi/oai would give.
        Map<String, Map> docs = TestElasticsearch.documents(savedPrefix + "-records");
        assertThat(docs).containsOnlyKeys("jurnal-example-ac-id-jhi:oai:jurnal.example.ac.id:article/104",
                "jurnal-example-ac-id-jhi:oai:jurnal.example.ac.id:article/105");
        assertThat(docs.get("jurnal-example-ac-id-jhi:oai:jurnal.example.ac.id:article/105").get("deleted"))
                .isEqualTo(true);
    }

    @Test
    @SuppressWarnings("rawtypes")
    void ingestsAJournalsPagesThroughItsSitemapAndReVisitsThemConditionally() throws Exception {
        String sitePrefix = prefix + "-sitemap";
        try (org.lumbung.testing.WebSite site = new org.lumbung.testing.WebSite()) {
            site.page("/sitemap.xml", org.lumbung.testing.WebSite.Page.of(200, "application/xml",
                    "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><url><loc>" + site.url("/article/view/1")
                            + "</loc></url><url><loc>" + site.url("/article/view/2") + "</loc></url></urlset>"));
            for (int i = 1; i <= 2; i++) {
                site.page("/article/view/" + i, new org.lumbung.testing.WebSite.Page(200,
                        Map.of("Content-Type", "text/html; charset=ISO-8859-1", "ETag", "\"a" + i + "\""),
                        ("<html><head><meta name=\"citation_title\" content=\"Peta Situs " + i + " \u00e9\"></head></html>")
                                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), 0));
            }
            Cli.Result first = Cli.onTestEs(sitePrefix, "ingest", site.url("/sitemap.xml"), "--source", "site");
            assertThat(first.out()).contains("2 documents read, 2 records indexed");
            Map<String, Map> docs = TestElasticsearch.documents(sitePrefix + "-records");
            assertThat(docs).containsOnlyKeys(site.url("/article/view/1"), site.url("/article/view/2"));
            assertThat(((Map) docs.get(site.url("/article/view/1")).get("dc")).get("title"))
                    .as("the page's charset is the server's").isEqualTo(java.util.List.of("Peta Situs 1 \u00e9"));
            Cli.Result again = Cli.onTestEs(sitePrefix, "ingest", site.url("/sitemap.xml"), "--source", "site");
            assertThat(again.out()).contains("0 documents read", "(2 pages unchanged since the last visit)");
        }
    }

    @Test
    void anUnreadableFileIsReportedAndTheOthersGoOn() throws Exception {
        // (a file that does not exist at all is a usage error, said before Elasticsearch starts: CommandLineMessagesIT)
        java.nio.file.Path empty = java.nio.file.Files.createTempFile("lumbung-empty-", ".html");
        empty.toFile().deleteOnExit();
        Cli.Result result = Cli.run("ingest", empty.toString(), SeedPage.FILE.toString(), "--source",
                "undip-jihi-pages", "--es", TestElasticsearch.url().toString(), "--index-prefix", prefix + "-unreadable");
        assertThat(result.status()).isEqualTo(1);
        assertThat(result.out()).contains("2 documents read, 1 records indexed, 0 deleted, 1 failed",
                "failed: " + empty + ": empty: nothing to read");
    }
}
