package org.lumbung.index;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.GetResponse;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * A record harvested again that would write its document as it is stored (the same bytes but the change time) is not
 * written: the document keeps its version and its change time, which is its datestamp in Lumbung's own OAI-PMH, so
 * downstream harvesters fetch only what changed. Whatever changed the document, a changed record, a work key moved in
 * place, a write of the same document still on its way, makes the next one written whole.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
class UnchangedDocumentsIT {

    private static final LanguageDetector DETECTOR = new LanguageDetector(List.of("id", "en"), 400);
    private static final OaiPageParser PARSER = new OaiPageParser();

    private final Crosswalks crosswalks = Crosswalks.standard(DETECTOR);
    private final RawArchive archive = new RawArchive(crosswalks, new PageRecords(DETECTOR));
    private final ElasticsearchClient client = TestElasticsearch.client();

    @Test
    void aListHarvestedAgainWritesOnlyTheRecordsThatChanged() throws Exception {
        IndexLayout layout = layout("again");
        List<DcRecord> first = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            first.add(record("journal", i, "Artikel nomor " + i, null, false));
        }
        first.add(record("journal", 20, null, null, true));
        try (RecordIndexer indexer = indexer(layout, Duration.ofMillis(20))) {
            Outcome outcome = indexer.index(new DcBatch("journal", first, List.of())).await();
            assertThat(outcome.indexed()).isEqualTo(20);
            assertThat(outcome.deleted()).isOne();
        }
        Map<String, Long> seqNos = seqNos(layout);
        Map<String, Map> before = TestElasticsearch.documents(layout.recordsAlias());
        assertThat(before.values()).allSatisfy(doc -> assertThat((String) doc.get("fingerprint")).hasSize(22));

        List<DcRecord> again = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            again.add(record("journal", i, i == 7 ? "Artikel nomor tujuh" : "Artikel nomor " + i, null, false));
        }
        again.add(record("journal", 20, null, null, true));
        Outcome outcome;
        try (RecordIndexer indexer = indexer(layout, Duration.ofMillis(20))) {
            outcome = indexer.index(new DcBatch("journal", again, List.of())).await();
        }
        assertThat(outcome.failures()).isEmpty();
        assertThat(outcome.indexed()).as("every record counts as indexed").isEqualTo(20);
        assertThat(outcome.deleted()).isOne();
        assertThat(outcome.unchanged()).as("19 records and the tombstone").isEqualTo(20);

        Map<String, Long> seqNosAfter = seqNos(layout);
        Map<String, Map> after = TestElasticsearch.documents(layout.recordsAlias());
        assertThat(after).hasSize(21);
        String changed = "journal:oai:journal:article/7";
        for (String id : after.keySet()) {
            if (id.equals(changed)) {
                assertThat(seqNosAfter.get(id)).isGreaterThan(seqNos.get(id));
                assertThat((String) after.get(id).get("indexedAt")).isGreaterThan((String) before.get(id).get("indexedAt"));
                assertThat((List<String>) ((Map) after.get(id).get("dc")).get("title"))
                        .containsExactly("Artikel nomor tujuh");
                assertThat(after.get(id).get("fingerprint")).isNotEqualTo(before.get(id).get("fingerprint"));
            } else {
                assertThat(seqNosAfter.get(id)).as(id).isEqualTo(seqNos.get(id));
                assertThat(after.get(id)).as(id).isEqualTo(before.get(id));
            }
        }
    }

    /**
     * A copy without a DOI moved into the work of a DOI that came after it has its work key changed in place: its
     * fingerprint is cleared with it, so the copy's next harvest writes it whole (into the same work), and the one
     * after that finds it unchanged again.
     */
    @Test
    void aDocumentMovedToAnotherWorkIsWrittenWholeWhenNextHarvested() throws Exception {
        IndexLayout layout = layout("moved");
        DcRecord copy = record("repository", 1, "Kebijakan luar negeri", null, false);
        DcRecord withDoi = record("journal", 2, "Kebijakan luar negeri", "10.1234/jihi.2", false);
        String copyId = "repository:oai:journal:article/1";
        try (RecordIndexer indexer = indexer(layout, Duration.ofMillis(20))) {
            assertThat(indexer.index(new DcBatch("repository", List.of(copy), List.of())).await().indexed()).isOne();
            client.indices().refresh(r -> r.index(layout.recordsAlias()));
            assertThat(indexer.index(new DcBatch("journal", List.of(withDoi), List.of())).await().indexed()).isOne();
        }
        Map moved = TestElasticsearch.documents(layout.recordsAlias()).get(copyId);
        assertThat(((Map) moved.get("work")).get("key")).isEqualTo("doi:10.1234/jihi.2");
        assertThat(moved.get("fingerprint")).as("cleared by the move").isNull();
        long movedAt = seqNos(layout).get(copyId);

        try (RecordIndexer indexer = indexer(layout, Duration.ofMillis(20))) {
            Outcome outcome = indexer.index(new DcBatch("repository", List.of(copy), List.of())).await();
            assertThat(outcome.indexed()).isOne();
            assertThat(outcome.unchanged()).isZero();
        }
        Map written = TestElasticsearch.documents(layout.recordsAlias()).get(copyId);
        assertThat(seqNos(layout).get(copyId)).isGreaterThan(movedAt);
        assertThat(((Map) written.get("work")).get("key")).isEqualTo("doi:10.1234/jihi.2");
        assertThat((String) written.get("fingerprint")).hasSize(22);

        try (RecordIndexer indexer = indexer(layout, Duration.ofMillis(20))) {
            Outcome outcome = indexer.index(new DcBatch("repository", List.of(copy), List.of())).await();
            assertThat(outcome.indexed()).isOne();
            assertThat(outcome.unchanged()).isOne();
        }
        assertThat(TestElasticsearch.documents(layout.recordsAlias()).get(copyId)).isEqualTo(written);
    }

    /**
     * Two DOIs of one title and a copy without a DOI, written before any search can see them: the copy goes to its
     * title's own work, not to either DOI's, because the resolver remembers both DOIs it wrote for the title (a title
     * remembered with one DOI keeps a set of one until a second comes).
     */
    @Test
    void aCopyOfATitleTwoNewDoisShareStaysInTheTitlesOwnWork() throws Exception {
        IndexLayout layout = layout("twodois");
        List<DcRecord> records = List.of(record("journal", 1, "Diplomasi energi", "10.1234/jihi.1", false),
                record("journal", 2, "Diplomasi energi", "10.1234/jihi.2", false),
                record("repository", 3, "Diplomasi energi", null, false));
        try (RecordIndexer indexer = indexer(layout, Duration.ofMillis(20))) {
            assertThat(indexer.index(new DcBatch("journal", records, List.of())).await().indexed()).isEqualTo(3);
        }
        Map<String, Map> docs = TestElasticsearch.documents(layout.recordsAlias());
        assertThat(((Map) docs.get("journal:oai:journal:article/1").get("work")).get("key"))
                .isEqualTo("doi:10.1234/jihi.1");
        assertThat(((Map) docs.get("journal:oai:journal:article/2").get("work")).get("key"))
                .isEqualTo("doi:10.1234/jihi.2");
        assertThat((String) ((Map) docs.get("repository:oai:journal:article/3").get("work")).get("key"))
                .startsWith(Works.TITLE);
    }

    /**
     * A list that holds a record twice, changed and then as stored (a repository that listed it while it was being
     * edited and back), both within one flush: the second is found unchanged against the stored version, but the
     * first is still on its way, so the second is written after it and the document ends as the list's last word.
     */
    @Test
    void aRecordListedTwiceIsWrittenAfterItsFirstWriteStillOnItsWay() throws Exception {
        IndexLayout layout = layout("twice");
        DcRecord stored = record("journal", 5, "Artikel nomor lima", null, false);
        try (RecordIndexer indexer = indexer(layout, Duration.ofMillis(20))) {
            assertThat(indexer.index(new DcBatch("journal", List.of(stored), List.of())).await().indexed()).isOne();
        }
        client.indices().refresh(r -> r.index(layout.recordsAlias()));
        Outcome outcome = Outcome.NONE;
        // Held in the ingester until close: both writes are on their way when the second record is looked up.
        try (RecordIndexer indexer = indexer(layout, Duration.ofMinutes(1))) {
            List<Delivery> deliveries = List.of(
                    indexer.index(new DcBatch("journal", List.of(record("journal", 5, "Artikel nomor 5 (sunting)",
                            null, false)), List.of())),
                    indexer.index(new DcBatch("journal", List.of(record("journal", 5, "Artikel nomor lima", null,
                            false)), List.of())));
            indexer.flush();
            for (Delivery delivery : deliveries) {
                outcome = outcome.plus(delivery.await());
            }
        }
        assertThat(outcome.failures()).isEmpty();
        assertThat(outcome.indexed()).isEqualTo(2);
        Map doc = TestElasticsearch.documents(layout.recordsAlias()).get("journal:oai:journal:article/5");
        assertThat((List<String>) ((Map) doc.get("dc")).get("title")).containsExactly("Artikel nomor lima");
        assertThat(outcome.unchanged()).isZero();
    }

    /**
     * A records index of this template version made before documents carried a fingerprint gets the field in place
     * when Lumbung starts (its mapping is strict: without it every write would be refused), and no rebuild.
     */
    @Test
    void anIndexMadeBeforeFingerprintsGetsTheFieldInPlace() throws Exception {
        IndexLayout layout = new IndexLayout(TestElasticsearch.freshPrefix(UnchangedDocumentsIT.class) + "-old", 0);
        IndexSetup setup = new IndexSetup(client, layout);
        setup.ensure();
        client.indices().delete(d -> d.index(layout.recordsIndex()));
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode template = (com.fasterxml.jackson.databind.node.ObjectNode)
                json.readTree(IndexSetup.renderTemplate(layout));
        ((com.fasterxml.jackson.databind.node.ObjectNode) template.path("template").path("mappings")
                .path("properties")).remove(JsonBytes.FINGERPRINT);
        String older = json.writeValueAsString(template);
        client.indices().putIndexTemplate(t -> t.name(layout.recordsTemplate()).withJson(new StringReader(older)));
        client.indices().create(c -> c.index(layout.recordsIndex()).aliases(layout.recordsAlias(), a -> a));
        assertThat(properties(layout)).doesNotContainKey(JsonBytes.FINGERPRINT);

        assertThat(setup.ensure()).as("no rebuild").isEmpty();

        assertThat(properties(layout)).containsKey(JsonBytes.FINGERPRINT);
        try (RecordIndexer indexer = indexer(layout, Duration.ofMillis(20))) {
            Outcome outcome = indexer.index(new DcBatch("journal", List.of(record("journal", 1, "Artikel", null,
                    false)), List.of())).await();
            assertThat(outcome.failures()).isEmpty();
            assertThat(outcome.indexed()).isOne();
        }
        assertThat(TestElasticsearch.documents(layout.recordsAlias()).values())
                .allSatisfy(doc -> assertThat((String) doc.get("fingerprint")).hasSize(22));
    }

    /**
     * While a rebuild runs (the next alias exists), a record harvested again is written whatever its fingerprint
     * says: into the live index and into the one being rebuilt, as every write is then. The rebuild's own copy would
     * bring it there too, but a harvest does not count on it.
     */
    @Test
    void whileARebuildRunsEveryRecordIsWrittenIntoBothIndices() throws Exception {
        IndexLayout layout = layout("rebuild");
        List<DcRecord> records = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            records.add(record("journal", i, "Artikel nomor " + i, null, false));
        }
        try (RecordIndexer indexer = indexer(layout, Duration.ofMillis(20))) {
            assertThat(indexer.index(new DcBatch("journal", records, List.of())).await().indexed()).isEqualTo(5);
        }
        Map<String, Map> before = TestElasticsearch.documents(layout.recordsAlias());
        String next = layout.rebuildIndex(System.currentTimeMillis());
        client.indices().create(c -> c.index(next).aliases(layout.nextAlias(), a -> a));

        Outcome outcome;
        try (RecordIndexer indexer = indexer(layout, Duration.ofMillis(20))) {
            outcome = indexer.index(new DcBatch("journal", records, List.of())).await();
        }
        assertThat(outcome.failures()).isEmpty();
        assertThat(outcome.indexed()).isEqualTo(5);
        assertThat(outcome.unchanged()).as("none left out while a rebuild runs").isZero();
        Map<String, Map> rebuilt = TestElasticsearch.documents(next);
        assertThat(rebuilt).containsOnlyKeys(before.keySet());
        for (String id : before.keySet()) {
            assertThat(rebuilt.get(id).get("dc")).as(id).isEqualTo(before.get(id).get("dc"));
            assertThat(rebuilt.get(id).get("fingerprint")).as(id).isEqualTo(before.get(id).get("fingerprint"));
        }
    }

    private Map<String, ?> properties(IndexLayout layout) throws Exception {
        return client.indices().getMapping(m -> m.index(layout.recordsIndex())).result().get(layout.recordsIndex())
                .mappings().properties();
    }

    private Map<String, Long> seqNos(IndexLayout layout) throws Exception {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String id : TestElasticsearch.documents(layout.recordsAlias()).keySet()) {
            GetResponse<Map> got = client.get(g -> g.index(layout.recordsAlias()).id(id), Map.class);
            out.put(id, got.seqNo());
        }
        return out;
    }

    private static IndexLayout layout(String name) throws Exception {
        IndexLayout layout = new IndexLayout(TestElasticsearch.freshPrefix(UnchangedDocumentsIT.class) + "-" + name, 0);
        new IndexSetup(TestElasticsearch.client(), layout).ensure();
        return layout;
    }

    private RecordIndexer indexer(IndexLayout layout, Duration flush) {
        return new RecordIndexer(client, layout, new RecordIndexer.BulkOptions(100, 5L << 20, 1, flush),
                new DeadLetterStore(client, layout), archive);
    }

    /** Article {@code i} of a source as an oai_dc record, a tombstone when deleted. */
    private DcRecord record(String source, int i, String title, String doi, boolean deleted) throws Exception {
        String header = "<header" + (deleted ? " status=\"deleted\"" : "") + "><identifier>oai:journal:article/" + i
                + "</identifier><datestamp>2026-01-01T00:00:00Z</datestamp></header>";
        String metadata = deleted ? "" : "<metadata><oai_dc:dc xmlns:oai_dc=\"http://www.openarchives.org/OAI/2.0/oai_dc/\""
                + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>" + title + "</dc:title>"
                + "<dc:creator>Santoso, Budi</dc:creator><dc:date>2026-01-01</dc:date>"
                + "<dc:identifier>https://" + source + ".example.ac.id/article/view/" + i + "</dc:identifier>"
                + (doi == null ? "" : "<dc:identifier>https://doi.org/" + doi + "</dc:identifier>")
                + "</oai_dc:dc></metadata>";
        return crosswalks.toDc(source, PARSER.parseRecord("<record xmlns=\"http://www.openarchives.org/OAI/2.0/\">"
                + header + metadata + "</record>", source, "oai_dc"));
    }
}
