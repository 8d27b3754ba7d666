package org.lumbung.harvest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lumbung.testing.Cli;
import org.lumbung.testing.OaiTestServer;
import org.lumbung.testing.TestElasticsearch;

/** The harvest command, through the real routes, against a real OAI-PMH server and a real Elasticsearch. */
class HarvestIT {

    private static final String ID = "jhi:oai:jurnal.example.ac.id:article/";
    private static String prefix;
    private static OaiTestServer server;

    @BeforeAll
    static void repository() {
        prefix = TestElasticsearch.freshPrefix(HarvestIT.class);
        server = OaiTestServer.ojsThreePages();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Cli.Result harvest() {
        return Cli.run("harvest", server.baseUrl(), "--source", "jhi", "--es", TestElasticsearch.url().toString(),
                "--index-prefix", prefix);
    }

    @Test
    @SuppressWarnings({"rawtypes", "unchecked"})
    void followsResumptionTokensAcrossThreePagesIntoExactlyTheseDocuments() throws Exception {
        Cli.Result result = harvest();

        assertThat(result.status()).as(result.said()).isZero();
        assertThat(result.out()).contains("harvest jhi complete: 3 pages, 6 records indexed, 1 deleted, 0 failed");
        Map<String, Map> docs = TestElasticsearch.documents(prefix + "-records");
        assertThat(docs.keySet()).containsExactlyInAnyOrder(ID + "101", ID + "102", ID + "103", ID + "104",
                ID + "105", ID + "106", ID + "107");

        Map first = docs.get(ID + "101");
        Map dc = (Map) first.get("dc");
        assertThat(dc.get("title")).isEqualTo(List.of("Diplomasi Ekonomi Indonesia di Kawasan Asia Tenggara"));
        assertThat(dc.get("creator")).isEqualTo(List.of("Santoso, Budi", "Wulandari, Sri"));
        assertThat(dc.get("date")).isEqualTo(List.of("2026-03-15"));
        assertThat(((Map) first.get("lang")).get("title")).isEqualTo(List.of("id-id"));
        assertThat(first.get("source")).isEqualTo(Map.of("id", "jhi"));
        assertThat(first.get("oai")).isEqualTo(Map.of("identifier", "oai:jurnal.example.ac.id:article/101",
                "datestamp", "2026-03-15T04:12:09Z", "setSpec", List.of("jhi:ART"), "metadataPrefix", "oai_dc"));
        Map provenance = new java.util.HashMap<>((Map) ((List) first.get("provenance")).get(0));
        // the raw archive: the record as the repository sent it, to be read again by later crosswalks
        assertThat((String) provenance.remove("raw")).startsWith("<record")
                .contains("<identifier>oai:jurnal.example.ac.id:article/101</identifier>")
                .contains("Diplomasi Ekonomi Indonesia di Kawasan Asia Tenggara</dc:title>");
        assertThat(provenance).isEqualTo(Map.of("sourceId", "jhi", "key", "oai:jhi:oai:jurnal.example.ac.id:article/101",
                "oaiIdentifier", "oai:jurnal.example.ac.id:article/101", "datestamp", "2026-03-15T04:12:09Z",
                "format", "oai_dc"));
        assertThat(first.get("keys")).isEqualTo(Map.of("doi", List.of("10.14710/jhi.v12i1.101"),
                "url", List.of("jurnal.example.ac.id/index.php/jhi/article/view/101")));
        assertThat(first.get("deleted")).isEqualTo(false);
        assertThat(((List<Map>) first.get("creators"))).extracting(c -> c.get("name"))
                .containsExactly("Santoso, Budi", "Wulandari, Sri");

        Map tombstone = docs.get(ID + "105");
        assertThat(tombstone.get("deleted")).isEqualTo(true);
        assertThat(tombstone).doesNotContainKeys("dc", "lang", "creators");
        assertThat(((Map) tombstone.get("oai")).get("identifier")).isEqualTo("oai:jurnal.example.ac.id:article/105");

        Map detected = docs.get(ID + "103");
        assertThat(((Map) detected.get("lang")).get("title")).isEqualTo(List.of("id"));

        // The token went back percent-encoded, byte for byte, with the verb and nothing else.
        assertThat(server.queries()).containsExactly(
                "verb=Identify",
                "verb=ListRecords&metadataPrefix=oai_dc",
                "verb=ListRecords&resumptionToken=ojs%2Fpage%202%2Bx%3D1%21",
                "verb=ListRecords&resumptionToken=ojs%2Fpage%203%2Bx%3D2%21");
    }

    @Test
    void harvestingAgainLeavesOneDocumentPerRecord() throws Exception {
        harvest().exits(0);
        // The second time through routes read from a folder (-Dlumbung.routes), as an operator overriding them would.
        Cli.Result again = Cli.run("harvest", server.baseUrl(), "--source", "jhi", "--es",
                TestElasticsearch.url().toString(), "--index-prefix", prefix,
                "-Dlumbung.routes=" + java.nio.file.Path.of("camel-routes").toAbsolutePath());
        assertThat(again.status()).as(again.said()).isZero();
        // Nothing changed at the repository: every document, the tombstone's too, is left as it was.
        assertThat(again.out()).contains("3 pages, 6 records indexed (7 unchanged, not written again), 1 deleted, 0 failed");
        assertThat(TestElasticsearch.documents(prefix + "-records")).hasSize(7);
    }

    @Test
    void stopsWhenTheRepositorySendsTheSameTokenAgainKeepingWhatItRead() throws Exception {
        String loopPrefix = prefix + "-loop";
        try (OaiTestServer looping = new OaiTestServer().firstPage("oai/ojs-listrecords-page1.xml")
                .page("ojs/page 2+x=1!", "oai/ojs-listrecords-page1.xml")) {
            Cli.Result result = Cli.run("harvest", looping.baseUrl(), "--source", "jhi", "--es",
                    TestElasticsearch.url().toString(), "--index-prefix", loopPrefix);
            assertThat(result.status()).isEqualTo(1);
            // Page 2 repeats page 1's records (same identifiers and datestamps): read again, not written again.
            assertThat(result.out()).contains("harvest jhi incomplete: 2 pages, 3 records indexed", "3 records read again",
                    "the repository sent resumption token 'ojs/page 2+x=1!' again (page 2): the list runs in a loop");
            assertThat(looping.queries()).hasSize(3);
        }
        assertThat(TestElasticsearch.documents(loopPrefix + "-records")).hasSize(3);
    }

    @Test
    void anUnreachableRepositoryEndsWithStatusOneAndTheReason() {
        Cli.Result result = Cli.run("harvest", "http://127.0.0.1:9/oai", "--source", "gone", "--es",
                TestElasticsearch.url().toString(), "--index-prefix", prefix);
        assertThat(result.status()).isEqualTo(1);
        assertThat(result.out()).contains("harvest gone unreachable: 0 pages", "cannot reach the repository");
    }

    @Test
    void aBadBaseUrlIsAUsageError() {
        assertThat(Cli.run("harvest", "not-a-url").status()).isEqualTo(2);
    }
}
