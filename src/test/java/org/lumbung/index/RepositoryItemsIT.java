package org.lumbung.index;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lumbung.crosswalk.Crosswalks;
import org.lumbung.dc.DcBatch;
import org.lumbung.dc.DcRecord;
import org.lumbung.harvest.OaiPageParser;
import org.lumbung.landing.PageRecords;
import org.lumbung.language.LanguageDetector;
import org.lumbung.pipeline.Delivery;
import org.lumbung.pipeline.Outcome;
import org.lumbung.testing.TestElasticsearch;

/**
 * One repository's two identifiers are two items (OAI-PMH 2.0, section 2.4), however many merge keys their records
 * share. Journals do share them: the journal's home page among every article's identifiers, or the issue's DOI in
 * every article of the issue. Merged by those keys, a whole journal became one document, its other articles gone from
 * search. Records of other repositories and pages still join by DOI and landing address ({@link MergeIT}).
 */
@SuppressWarnings("rawtypes")
class RepositoryItemsIT {

    private static final LanguageDetector DETECTOR = new LanguageDetector(List.of("id", "en"), 400);
    private static final Crosswalks CROSSWALKS = Crosswalks.standard(DETECTOR);
    private static final RawArchive ARCHIVE = new RawArchive(CROSSWALKS, new PageRecords(DETECTOR));
    private static final String SHARED = "<dc:identifier>https://jurnal.example.ac.id/index.php/jhl</dc:identifier>"
            + "<dc:identifier>10.1234/jhl.v1i1</dc:identifier>";

    @Test
    void articlesOfOneJournalSharingItsAddressAndTheIssuesDoiStayThreeDocuments() throws Exception {
        IndexLayout layout = layout("one-batch");
        try (RecordIndexer indexer = indexer(layout, Duration.ofMillis(50))) {
            Outcome outcome = indexer.index(new DcBatch("jhl", articles(0, 3), List.of())).await();
            assertThat(outcome.indexed()).isEqualTo(3);
        }
        assertThreeArticles(layout);
        // Harvested again, each record finds its own document.
        try (RecordIndexer indexer = indexer(layout, Duration.ofMillis(50))) {
            assertThat(indexer.index(new DcBatch("jhl", articles(0, 3), List.of())).await().indexed()).isEqualTo(3);
        }
        assertThreeArticles(layout);
    }

    /**
     * Pages apart, each article's write still queued when the next is placed: no search nor get sees it, only the
     * resolver's memory of recent writes, which knows the document by the shared keys. The second create of it is
     * refused, and the article placed again once the first is stored.
     */
    @Test
    void articlesInBatchesWhoseWritesAreStillQueuedStayApartToo() throws Exception {
        IndexLayout layout = layout("queued");
        try (RecordIndexer indexer = indexer(layout, Duration.ofSeconds(30))) {
            List<Delivery> deliveries = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                deliveries.add(indexer.index(new DcBatch("jhl", articles(i, i + 1), List.of())));
            }
            indexer.flush();
            for (Delivery delivery : deliveries) {
                assertThat(delivery.await().indexed()).isEqualTo(1);
            }
        }
        assertThreeArticles(layout);
    }

    private static void assertThreeArticles(IndexLayout layout) throws Exception {
        Map<String, Map> docs = TestElasticsearch.documents(layout.recordsAlias());
        assertThat(docs).containsOnlyKeys("jhl:oai:jurnal.example.ac.id:article/0",
                "jhl:oai:jurnal.example.ac.id:article/1", "jhl:oai:jurnal.example.ac.id:article/2");
        docs.forEach((id, doc) -> {
            String n = id.substring(id.length() - 1);
            assertThat(((Map) doc.get("dc")).get("title")).as(id)
                    .isEqualTo(List.of("Artikel nomor " + n + " tentang hukum laut"));
            assertThat((List<?>) doc.get("provenance")).as(id).hasSize(1);
        });
    }

    private static IndexLayout layout(String name) throws Exception {
        IndexLayout layout = new IndexLayout(TestElasticsearch.freshPrefix(RepositoryItemsIT.class) + "-" + name, 0);
        new IndexSetup(TestElasticsearch.client(), layout).ensure();
        return layout;
    }

    private static RecordIndexer indexer(IndexLayout layout, Duration flushInterval) {
        ElasticsearchClient client = TestElasticsearch.client();
        return new RecordIndexer(client, layout, new RecordIndexer.BulkOptions(200, 5L << 20, 1, flushInterval),
                new DeadLetterStore(client, layout), ARCHIVE);
    }

    private static List<DcRecord> articles(int from, int to) throws Exception {
        OaiPageParser parser = new OaiPageParser();
        List<DcRecord> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            String xml = "<record xmlns=\"http://www.openarchives.org/OAI/2.0/\"><header><identifier>"
                    + "oai:jurnal.example.ac.id:article/" + i + "</identifier><datestamp>2026-01-01T00:00:00Z"
                    + "</datestamp></header><metadata><oai_dc:dc xmlns:oai_dc=\"http://www.openarchives.org/OAI/2.0/"
                    + "oai_dc/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>Artikel nomor " + i
                    + " tentang hukum laut</dc:title><dc:creator>Penulis " + i + ", Budi</dc:creator>"
                    + "<dc:identifier>https://jurnal.example.ac.id/index.php/jhl/article/view/" + (100 + i)
                    + "</dc:identifier>" + SHARED + "</oai_dc:dc></metadata></record>";
            out.add(CROSSWALKS.toDc("jhl", parser.parseRecord(xml, "jhl", "oai_dc")));
        }
        return out;
    }
}
