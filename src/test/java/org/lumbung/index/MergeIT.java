package org.lumbung.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumbung.testing.Cli;
import org.lumbung.testing.TestElasticsearch;

/**
 * An article seen through its OAI-PMH record and its landing page is one document, whichever comes first; a deleted
 * contribution takes only itself away.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
class MergeIT {

    private static final String SEED = "seeds/000_ffdeb9f15db1918e.txt";
    private static final String SEED_URL = "https://ejournal3.undip.ac.id/index.php/jihi/article/view/34353/0";
    private static final String OAI = "src/test/resources/fixtures/oai/ojs-jihi-34353.xml";
    private static final String OAI_DELETED = "src/test/resources/fixtures/oai/ojs-jihi-34353-deleted.xml";
    private static final String OAI_SOURCE = "ejournal3-undip-ac-id-jihi";
    private static final String OAI_ID = OAI_SOURCE + ":oai:ojs.pkp.sfu.ca:article/34353";
    private static final String PAGE_KEY = "page:" + SEED_URL;
    private static final String OAI_KEY = "oai:" + OAI_SOURCE + ":oai:ojs.pkp.sfu.ca:article/34353";

    @Test
    void thePageFirstThenItsOaiRecordMakeOneDocument() throws Exception {
        String prefix = TestElasticsearch.freshPrefix(MergeIT.class) + "-page-first";
        ingestPage(prefix);
        ingest(prefix, OAI);

        Map<String, Map> docs = TestElasticsearch.documents(prefix + "-records");
        assertThat(docs).containsOnlyKeys(SEED_URL);
        Map doc = docs.get(SEED_URL);
        assertThat(keys(doc)).containsExactly(PAGE_KEY, OAI_KEY);
        assertMerged(doc);

        Cli.Result search = Cli.onTestEs(prefix, "search", "Karabakh");
        assertThat(search.out()).contains("1 of 1 records match 'Karabakh'");

        // Harvested again: the contribution replaces itself, nothing is added twice.
        ingest(prefix, OAI);
        docs = TestElasticsearch.documents(prefix + "-records");
        assertThat(docs).containsOnlyKeys(SEED_URL);
        assertThat(keys(docs.get(SEED_URL))).containsExactly(PAGE_KEY, OAI_KEY);
        assertMerged(docs.get(SEED_URL));

        // The journal withdraws its OAI record: the page's contribution stays, and only what the page says.
        Cli.Result deleted = Cli.onTestEs(prefix, "ingest", OAI_DELETED);
        assertThat(deleted.out()).contains("0 records indexed, 1 deleted, 0 failed");
        docs = TestElasticsearch.documents(prefix + "-records");
        assertThat(docs).containsOnlyKeys(SEED_URL);
        Map left = docs.get(SEED_URL);
        assertThat(left.get("deleted")).isEqualTo(false);
        assertThat(keys(left)).containsExactly(PAGE_KEY);
        Map dc = (Map) left.get("dc");
        assertThat(dc).doesNotContainKey("date");
        assertThat((List<String>) dc.get("identifier")).containsExactly(SEED_URL);
        assertThat(((Map) left.get("source")).get("id")).isEqualTo("undip-jihi-pages");
    }

    @Test
    void theOaiRecordFirstThenItsPageMakeOneDocumentUnderTheRecordsId() throws Exception {
        String prefix = TestElasticsearch.freshPrefix(MergeIT.class) + "-oai-first";
        ingest(prefix, OAI);
        ingestPage(prefix);

        Map<String, Map> docs = TestElasticsearch.documents(prefix + "-records");
        assertThat(docs).containsOnlyKeys(OAI_ID);
        Map doc = docs.get(OAI_ID);
        assertThat(keys(doc)).containsExactly(OAI_KEY, PAGE_KEY);
        assertMerged(doc);
        assertThat(((Map) doc.get("oai")).get("identifier")).isEqualTo("oai:ojs.pkp.sfu.ca:article/34353");

        // The record withdrawn: the page keeps the document, which keeps the id it has.
        Cli.onTestEs(prefix, "ingest", OAI_DELETED);
        docs = TestElasticsearch.documents(prefix + "-records");
        assertThat(keys(docs.get(OAI_ID))).containsExactly(PAGE_KEY);
    }

    @Test
    void aPageElsewhereWithTheSameDoiJoinsTheRecord(@TempDir Path dir) throws Exception {
        String prefix = TestElasticsearch.freshPrefix(MergeIT.class) + "-doi";
        Path page = dir.resolve("portal.html");
        Files.writeString(page, """
                <html><head>
                <meta name="citation_title" content="Turkish foreign policy after Nagorno-Karabakh">
                <meta name="citation_author" content="Wiku, Falentinoris Yubilio">
                <meta name="citation_doi" content="https://doi.org/10.14710/JIHI.2022.34353">
                <meta name="citation_publication_date" content="2022/05/30">
                </head><body></body></html>
                """);
        ingest(prefix, OAI);
        assertThat(Cli.onTestEs(prefix, "ingest", page.toString(), "--url", "https://portal.example.org/record/77",
                "--source", "portal").status()).isZero();

        Map<String, Map> docs = TestElasticsearch.documents(prefix + "-records");
        assertThat(docs).containsOnlyKeys(OAI_ID);
        Map doc = docs.get(OAI_ID);
        assertThat(keys(doc)).containsExactly(OAI_KEY, "page:https://portal.example.org/record/77");
        assertThat((List<String>) ((Map) doc.get("dc")).get("title")).containsExactly(
                "Kebijakan Luar Negeri Turki: Kesepakatan Turki kepada Rusia dalam Mendirikan Pusat Gabungan "
                        + "Turki-Rusia Pasca Konflik Nagorno-Karabakh",
                "Turkish foreign policy after Nagorno-Karabakh");
        assertThat((List<String>) ((Map) doc.get("keys")).get("doi")).containsExactly("10.14710/jihi.2022.34353");
        // one creator known to both, by the same name
        assertThat((List<Map>) doc.get("creators")).extracting(c -> c.get("name"))
                .containsExactly("Wiku, Falentinoris Yubilio", "Putranti, Ika Riswanti", "Hanura, Marten");
    }

    /** What both contributions bring: the page's affiliations, the record's date and DOI, each creator once. */
    private static void assertMerged(Map doc) {
        assertThat(doc.get("deleted")).isEqualTo(false);
        Map dc = (Map) doc.get("dc");
        assertThat((List<String>) dc.get("title")).containsExactly("Kebijakan Luar Negeri Turki: Kesepakatan Turki "
                + "kepada Rusia dalam Mendirikan Pusat Gabungan Turki-Rusia Pasca Konflik Nagorno-Karabakh");
        assertThat((List<String>) dc.get("date")).containsExactly("2022-05-30");
        assertThat((List<Map>) doc.get("creators")).hasSize(3).allSatisfy(c ->
                assertThat(c.get("affiliation")).isEqualTo("Department of International Relations, Indonesia"));
        assertThat((List<String>) ((Map) doc.get("keys")).get("doi")).containsExactly("10.14710/jihi.2022.34353");
        assertThat((List<String>) ((Map) doc.get("keys")).get("url"))
                .containsExactly("ejournal3.undip.ac.id/index.php/jihi/article/view/34353");
    }

    private static List<String> keys(Map doc) {
        return ((List<Map>) doc.get("provenance")).stream().map(p -> (String) p.get("key")).toList();
    }

    private static void ingestPage(String prefix) {
        Cli.Result result = Cli.onTestEs(prefix, "ingest", SEED, "--url", SEED_URL, "--source", "undip-jihi-pages");
        assertThat(result.status()).as(result.out()).isZero();
    }

    private static void ingest(String prefix, String file) {
        Cli.Result result = Cli.onTestEs(prefix, "ingest", file);
        assertThat(result.status()).as(result.out()).isZero();
        assertThat(result.out()).contains("1 records indexed, 0 deleted, 0 failed");
    }
}
