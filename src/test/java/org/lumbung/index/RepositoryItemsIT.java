package org.lumbung.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lumbung.index.JournalRecords.articles;
import static org.lumbung.index.JournalRecords.id;
import static org.lumbung.index.JournalRecords.mirrorOf;
import static org.lumbung.index.JournalRecords.title;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lumbung.dc.DcBatch;
import org.lumbung.dc.DcRecord;
import org.lumbung.dc.RecordMerger;
import org.lumbung.pipeline.Delivery;
import org.lumbung.pipeline.Outcome;
import org.lumbung.reindex.Reindexer;
import org.lumbung.testing.EsProxy;
import org.lumbung.testing.TestElasticsearch;

/**
 * One repository's two identifiers are two items (OAI-PMH 2.0, section 2.4), however many merge keys their records
 * share. Journals do share them: the journal's home page among every article's identifiers, or the issue's DOI in
 * every article of the issue. Merged by those keys, a whole journal became one document, its other articles gone from
 * search. Records of other repositories and pages still join by DOI and landing address ({@link MergeIT}).
 */
@SuppressWarnings("rawtypes")
class RepositoryItemsIT {

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
     * The issue's DOI is not a work: the first article placed alone keeps it (no other holds it then), and each one
     * placed where another holds it, or in a batch with another that holds it, is in its title's work (here a work of
     * its own); harvested again by a writer that knows nothing of the first harvest, still no two share one; after a
     * rebuild none keeps it.
     */
    @Test
    void aDoiEveryArticleOfTheIssueHoldsIsNoOnesWork() throws Exception {
        IndexLayout layout = layout("works");
        try (RecordIndexer indexer = indexer(layout, Duration.ofMillis(50))) {
            assertThat(indexer.index(new DcBatch("jhl", articles(0, 1), List.of())).await().indexed()).isEqualTo(1);
        }
        try (RecordIndexer indexer = indexer(layout, Duration.ofMillis(50))) {
            assertThat(indexer.index(new DcBatch("jhl", articles(1, 3), List.of())).await().indexed()).isEqualTo(2);
        }
        Map<String, Map> docs = assertThreeArticlesIn(layout);
        assertThat(((Map) docs.get(id(0)).get("work")).get("key")).isEqualTo("doi:10.1234/jhl.v1i1");
        assertThat(workKeys(docs)).containsOnlyOnce("doi:10.1234/jhl.v1i1");
        assertThat(((Map) docs.get(id(1)).get("derived")).get("doi")).as("the DOI is kept, only not as a work")
                .isEqualTo("10.1234/jhl.v1i1");
        try (RecordIndexer indexer = indexer(layout, Duration.ofMillis(50))) {
            for (int i = 2; i >= 0; i--) {
                assertThat(indexer.index(new DcBatch("jhl", articles(i, i + 1), List.of())).await().indexed())
                        .isEqualTo(1);
            }
        }
        assertThreeArticlesIn(layout);

        Reindexer.Result result = new Reindexer(TestElasticsearch.client(), layout, JournalRecords.ARCHIVE).reindex();
        assertThat(result.rebuilt()).isEqualTo(3);
        assertThat(workKeys(assertThreeArticlesIn(layout))).noneSatisfy(key -> assertThat(key).asString()
                .startsWith("doi:"));
    }

    /**
     * A repository that lists one article twice (a second item for a new version, a deposit made twice) gives two
     * documents, as OAI-PMH says they are two items; their DOI, which the article's other items share, is no one's
     * work, and both are one work by their title key, after a rebuild too.
     */
    @Test
    void anArticleTheRepositoryListsTwiceIsTwoDocumentsOfOneWork() throws Exception {
        IndexLayout layout = layout("twice");
        List<DcRecord> records = new ArrayList<>(articles(0, 3));
        records.add(JournalRecords.duplicateOf(1));
        try (RecordIndexer indexer = indexer(layout, Duration.ofMillis(50))) {
            assertThat(indexer.index(new DcBatch("jhl", records, List.of())).await().indexed()).isEqualTo(4);
        }
        String copy = id(1) + "-copy";
        for (int pass = 0; pass < 2; pass++) {
            Map<String, Map> docs = TestElasticsearch.documents(layout.recordsAlias());
            assertThat(docs).containsOnlyKeys(id(0), id(1), id(2), copy);
            Object work = ((Map) docs.get(id(1)).get("work")).get("key");
            assertThat(((Map) docs.get(copy).get("work")).get("key")).as("pass %d", pass).isEqualTo(work);
            assertThat(Set.copyOf(workKeys(docs))).as("pass %d: three works of four documents", pass).hasSize(3);
            if (pass == 0) {
                new Reindexer(TestElasticsearch.client(), layout, JournalRecords.ARCHIVE).reindex();
            }
        }
    }

    /**
     * A repository that renames its items (a new OAI identifier scheme after a software upgrade) lists each article
     * again under a new identifier: two items of one repository with every key in common, so two documents of one
     * work, and nothing lost. The landing page of such an article, indexed after, shares its keys with two items of
     * one repository, so they place nothing: it is a document of its own in the article's work, by this writer or by
     * one that has never seen the journal.
     */
    @Test
    void aRepositoryThatRenamesItsItemsLosesNoRecordAndItsPagesJoinTheWork() throws Exception {
        IndexLayout layout = layout("renamed");
        List<DcRecord> renamed = new ArrayList<>();
        for (int n = 0; n < 3; n++) {
            renamed.add(JournalRecords.renamedOf(n));
        }
        try (RecordIndexer indexer = indexer(layout, Duration.ofMillis(50))) {
            assertThat(indexer.index(new DcBatch("jhl", articles(0, 3), List.of())).await().indexed()).isEqualTo(3);
            assertThat(indexer.index(new DcBatch("jhl", renamed, List.of())).await().indexed()).isEqualTo(3);
            assertThat(indexer.index(new DcBatch("pages", List.of(JournalRecords.pageOf(0)), List.of())).await()
                    .indexed()).isEqualTo(1);
        }
        // and the page of another article by a writer that has never seen the journal (a restart)
        try (RecordIndexer indexer = indexer(layout, Duration.ofMillis(50))) {
            assertThat(indexer.index(new DcBatch("pages", List.of(JournalRecords.pageOf(1)), List.of())).await()
                    .indexed()).isEqualTo(1);
        }
        Map<String, Map> docs = TestElasticsearch.documents(layout.recordsAlias());
        List<Object> contributions = new ArrayList<>();
        docs.values().forEach(doc -> contributions.addAll(contributionKeys(doc)));
        assertThat(contributions).as("every record in exactly one document").hasSize(8).doesNotHaveDuplicates();
        assertThat(docs).as("each page a document of its own, beside the article's two").hasSize(8);
        for (int n = 0; n < 3; n++) {
            String item = "oai:jhl:oai:jurnal.example.ac.id:item/" + n;
            String title = title(n);
            Map<String, Map> article = new HashMap<>();
            docs.forEach((id, doc) -> {
                if (((List<?>) ((Map) doc.get("dc")).get("title")).contains(title)) {
                    article.put(id, doc);
                }
            });
            assertThat(article).as("article %d", n).containsKey(id(n));
            assertThat(article.values().stream().filter(doc -> contributionKeys(doc).contains(item)).count())
                    .as("article %d renamed", n).isEqualTo(1);
            assertThat(Set.copyOf(workKeys(article))).as("article %d: one work", n).hasSize(1);
        }
    }

    /**
     * The look-up by keys returns a few hits per record, best first. An article that joined a document other than
     * its own (its landing page's, indexed first) before its repository put the journal's keys in every record
     * matches that document by its contribution and its own address only; its siblings match it as well, by the
     * issue's DOI and the journal's address. The document holding it must still be found, else it would be placed in
     * a document of its own while the old one keeps it.
     */
    @Test
    void aRecordFindsTheDocumentHoldingItAmongSiblingsThatShareAsManyKeys() throws Exception {
        IndexLayout layout = layout("siblings");
        try (RecordIndexer indexer = indexer(layout, Duration.ofMillis(50))) {
            assertThat(indexer.index(new DcBatch("jhl", articles(10, 16), List.of())).await().indexed()).isEqualTo(6);
        }
        String joined = "page-of-article-0";
        IndexDocument earlier = DocumentMapper.toDocument(RecordMerger.merge(joined,
                List.of(JournalRecords.earlierOf(0)), List.of()), Instant.parse("2025-06-01T00:00:00Z"));
        TestElasticsearch.client().index(i -> i.index(layout.recordsAlias()).id(joined).document(earlier)
                .refresh(Refresh.True));

        try (RecordIndexer indexer = indexer(layout, Duration.ofMillis(50))) {
            assertThat(indexer.index(new DcBatch("jhl", articles(0, 1), List.of())).await().indexed()).isEqualTo(1);
        }
        Map<String, Map> docs = TestElasticsearch.documents(layout.recordsAlias());
        assertThat(docs).hasSize(7).containsKey(joined).doesNotContainKey(id(0));
        assertThat(contributionKeys(docs.get(joined))).containsExactly("oai:jhl:oai:jurnal.example.ac.id:article/0");
    }

    /**
     * A key two items of one repository share places nothing, for a record of any repository: a mirror's record of
     * the second article goes with that article, by its own address, not with whichever article the issue's DOI (the
     * first key it is looked up by) was found in first (the last one written, here). The rebuild places it so too
     * ({@link #reindexPartsADocumentAnEarlierBuildMadeOfAWholeJournal}).
     */
    @Test
    void aMirrorsRecordJoinsItsOwnArticleNotTheOneTheSharedKeysFindFirst() throws Exception {
        IndexLayout layout = layout("mirror");
        try (RecordIndexer indexer = indexer(layout, Duration.ofMillis(50))) {
            assertThat(indexer.index(new DcBatch("jhl", articles(0, 3), List.of())).await().indexed()).isEqualTo(3);
            assertThat(indexer.index(new DcBatch("mirror", List.of(mirrorOf(1)), List.of())).await().indexed())
                    .isEqualTo(1);
        }
        Map<String, Map> docs = assertThreeArticlesIn(layout);
        assertThat(contributionKeys(docs.get(id(1)))).containsExactly("oai:jhl:oai:jurnal.example.ac.id:article/1",
                "oai:mirror:oai:mirror.example.org:jhl-1");
        assertThat(contributionKeys(docs.get(id(0)))).hasSize(1);
        assertThat(contributionKeys(docs.get(id(2)))).hasSize(1);
        assertThat(workKeys(docs)).as("found shared within the first batch, the DOI is no one's work")
                .noneSatisfy(key -> assertThat(key).asString().startsWith("doi:"));
    }

    /**
     * An article's landing page, indexed before its record, shares only the article's own address with it; more of
     * its siblings than the look-up returns hits for share two keys with it (the issue's DOI, the journal's address).
     * A writer that has never seen the journal (a restart) must still find the page, not start a second document for
     * the article beside it.
     */
    @Test
    void aRecordFindsItsLandingPageAmongMoreSiblingsThanTheLookUpReturns() throws Exception {
        IndexLayout layout = layout("page");
        try (RecordIndexer indexer = indexer(layout, Duration.ofMillis(50))) {
            assertThat(indexer.index(new DcBatch("pages", List.of(JournalRecords.pageOf(0)), List.of())).await()
                    .indexed()).isEqualTo(1);
            assertThat(indexer.index(new DcBatch("jhl", articles(10, 16), List.of())).await().indexed()).isEqualTo(6);
        }
        String page = TestElasticsearch.documents(layout.recordsAlias()).entrySet().stream()
                .filter(e -> contributionKeys(e.getValue()).toString().contains("page:")).findFirst().orElseThrow()
                .getKey();

        try (RecordIndexer indexer = indexer(layout, Duration.ofMillis(50))) {
            assertThat(indexer.index(new DcBatch("jhl", articles(0, 1), List.of())).await().indexed()).isEqualTo(1);
        }
        Map<String, Map> docs = TestElasticsearch.documents(layout.recordsAlias());
        assertThat(docs).as("the six siblings and the article with its page").hasSize(7).containsKey(page);
        assertThat(contributionKeys(docs.get(page))).hasSize(2)
                .contains("oai:jhl:oai:jurnal.example.ac.id:article/0");
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

    /**
     * What an earlier build made of such a journal, one document holding every article (and a mirror's record of one
     * of them), is parted by {@code reindex}: each article its own document again under its own id, the mirror's
     * record with the article whose own address it has, not with the one the shared keys would give.
     */
    @Test
    void reindexPartsADocumentAnEarlierBuildMadeOfAWholeJournal() throws Exception {
        IndexLayout layout = layout("earlier");
        ElasticsearchClient client = TestElasticsearch.client();
        List<DcRecord> contributions = new ArrayList<>(articles(0, 3));
        contributions.add(1, mirrorOf(2));
        wholeJournal(layout, contributions);
        Instant started = Instant.now();

        Reindexer.Result result = new Reindexer(client, layout, JournalRecords.ARCHIVE).reindex();

        assertThat(result.rebuilt()).isEqualTo(3);
        assertThat(result.parted()).isEqualTo(2);
        assertThat(result.toString()).contains("2 parted out of documents that held several items of one repository");
        Map<String, Map> docs = assertThreeArticlesIn(layout);
        assertThat(contributionKeys(docs.get(id(0)))).containsExactly("oai:jhl:oai:jurnal.example.ac.id:article/0");
        assertThat(contributionKeys(docs.get(id(1)))).containsExactly("oai:jhl:oai:jurnal.example.ac.id:article/1");
        assertThat(contributionKeys(docs.get(id(2)))).containsExactlyInAnyOrder(
                "oai:jhl:oai:jurnal.example.ac.id:article/2", "oai:mirror:oai:mirror.example.org:jhl-2");
        // What Lumbung's own OAI-PMH answers to a harvester asking for changes since its last visit.
        docs.forEach((id, doc) -> assertThat(Instant.parse((String) doc.get("indexedAt"))).as(id)
                .isAfterOrEqualTo(started));

        // Harvested again, each article and the mirror's record find the document they are in now.
        try (RecordIndexer indexer = indexer(layout, Duration.ofMillis(50))) {
            List<DcRecord> again = new ArrayList<>(articles(0, 3));
            again.add(mirrorOf(2));
            assertThat(indexer.index(new DcBatch("jhl", again, List.of())).await().indexed()).isEqualTo(4);
        }
        assertThat(contributionKeys(assertThreeArticlesIn(layout).get(id(2)))).hasSize(2);
    }

    /**
     * A harvest that runs through the rebuild resolves against the old index, where the journal is still one
     * document, and writes it whole to both indices just before the copy reads it. The copy's parts must replace that
     * whole copy, not leave it beside them with every article in it twice.
     */
    @Test
    void aWholeJournalAWriterPutsInTheNewIndexBeforeTheCopyReadsItIsPartedToo() throws Exception {
        IndexLayout layout = layout("writer");
        wholeJournal(layout, articles(0, 3));
        Reindexer.Result result;
        try (RecordIndexer writer = indexer(layout, Duration.ofMillis(50));
             EsProxy proxy = new EsProxy(TestElasticsearch.url()).beforeRequest(path -> path.endsWith("/_pit"),
                     () -> rewrite(writer, layout));
             EsConnection es = EsConnection.open(URI.create(proxy.url()))) {
            result = new Reindexer(es.client(), layout, JournalRecords.ARCHIVE).reindex();
        }
        assertThat(result.parted()).isEqualTo(2);
        Map<String, Map> docs = assertThreeArticlesIn(layout);
        for (int n = 0; n < 3; n++) {
            assertThat(contributionKeys(docs.get(id(n)))).as(id(n))
                    .containsExactly("oai:jhl:oai:jurnal.example.ac.id:article/" + n);
        }
    }

    /**
     * Article 1 harvested again, written whole into both indices, and visible to the copy's point in time as a write
     * is to a copy that reaches its document a second or more later: the copy reads the writer's version, and the
     * catch-up has no reason to read it again.
     */
    private static void rewrite(RecordIndexer writer, IndexLayout layout) throws Exception {
        assertThat(writer.index(new DcBatch("jhl", articles(1, 2), List.of())).await().indexed()).isEqualTo(1);
        ElasticsearchClient client = TestElasticsearch.client();
        client.indices().refresh(r -> r.index(layout.recordsAlias()));
        assertThat(client.get(g -> g.index(layout.nextAlias()).id(id(0)), Map.class).found())
                .as("the writer put the whole journal in the new index too").isTrue();
    }

    /**
     * Parts make the new index bigger than the old, so that a count alone would let a copy short of other documents
     * through: two documents the copy never read (a page short of them without a word of why, as no Elasticsearch
     * should answer, but a proxy or a bug might) stop the rebuild even though the journal's parts make up the number.
     */
    @Test
    void partsNeverHideDocumentsTheCopyLeftOut() throws Exception {
        IndexLayout layout = layout("short");
        ElasticsearchClient client = TestElasticsearch.client();
        wholeJournal(layout, articles(0, 3));
        for (int n = 5; n < 7; n++) {
            // Written before the rebuild's window, so that only the copy, not the catch-up, reads them.
            DcRecord mirror = mirrorOf(n);
            IndexDocument alone = DocumentMapper.toDocument(mirror, Instant.parse("2025-06-01T00:00:00Z"));
            client.index(i -> i.index(layout.recordsAlias()).id(DocumentIds.safe(mirror.id())).document(alone)
                    .refresh(Refresh.True));
        }
        String before = client.indices().getAlias(g -> g.name(layout.recordsAlias())).result().keySet().iterator()
                .next();
        try (EsProxy proxy = new EsProxy(TestElasticsearch.url()).editAnswer(path -> path.equals("/_search"),
                     RepositoryItemsIT::withoutTheMirrors);
             EsConnection es = EsConnection.open(URI.create(proxy.url()))) {
            assertThatThrownBy(() -> new Reindexer(es.client(), layout, JournalRecords.ARCHIVE).reindex())
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("holds 2 documents fewer than " + before + " and the 2 parted out of its")
                    .hasMessageContaining("alias " + layout.recordsAlias() + " stays on " + before);
        }
        assertThat(client.indices().getAlias(g -> g.name(layout.recordsAlias())).result().keySet())
                .containsExactly(before);
    }

    private static ObjectNode withoutTheMirrors(ObjectNode answer) {
        ArrayNode hits = (ArrayNode) answer.path("hits").path("hits");
        for (int i = hits.size() - 1; i >= 0; i--) {
            if (hits.get(i).path("_id").asText().startsWith("mirror:")) {
                hits.remove(i);
            }
        }
        return answer;
    }

    /** One document holding all these contributions under the first one's id, as an earlier build merged them. */
    private static void wholeJournal(IndexLayout layout, List<DcRecord> contributions) throws Exception {
        IndexDocument whole = DocumentMapper.toDocument(RecordMerger.merge(id(0), contributions, List.of()),
                Instant.parse("2025-06-01T00:00:00Z"));
        TestElasticsearch.client().index(i -> i.index(layout.recordsAlias()).id(id(0)).document(whole)
                .refresh(Refresh.True));
        assertThat(TestElasticsearch.documents(layout.recordsAlias())).containsOnlyKeys(id(0));
    }

    /**
     * The three articles under their own ids, each with its own title only and in a work of its own: the issue's DOI
     * is each one's only DOI, and as their work it would show the whole issue as one hit of a search grouped by works
     * (the discovery page's default). The documents.
     */
    private static Map<String, Map> assertThreeArticlesIn(IndexLayout layout) throws Exception {
        Map<String, Map> docs = TestElasticsearch.documents(layout.recordsAlias());
        assertThat(docs).containsOnlyKeys(id(0), id(1), id(2));
        for (int n = 0; n < 3; n++) {
            assertThat(((Map) docs.get(id(n)).get("dc")).get("title")).as(id(n)).isEqualTo(List.of(title(n)));
        }
        assertThat(workKeys(docs)).as("each article a work of its own").doesNotHaveDuplicates();
        return docs;
    }

    private static List<Object> workKeys(Map<String, Map> docs) {
        List<Object> keys = new ArrayList<>();
        docs.values().forEach(doc -> keys.add(((Map) doc.get("work")).get("key")));
        return keys;
    }

    private static List<Object> contributionKeys(Map doc) {
        List<Object> keys = new ArrayList<>();
        for (Object stamp : (List<?>) doc.get("provenance")) {
            keys.add(((Map<?, ?>) stamp).get("key"));
        }
        return keys;
    }

    private static void assertThreeArticles(IndexLayout layout) throws Exception {
        assertThreeArticlesIn(layout).forEach((id, doc) -> assertThat((List<?>) doc.get("provenance")).as(id)
                .hasSize(1));
    }

    private static IndexLayout layout(String name) throws Exception {
        IndexLayout layout = new IndexLayout(TestElasticsearch.freshPrefix(RepositoryItemsIT.class) + "-" + name, 0);
        new IndexSetup(TestElasticsearch.client(), layout).ensure();
        return layout;
    }

    private static RecordIndexer indexer(IndexLayout layout, Duration flushInterval) {
        ElasticsearchClient client = TestElasticsearch.client();
        return new RecordIndexer(client, layout, new RecordIndexer.BulkOptions(200, 5L << 20, 1, flushInterval),
                new DeadLetterStore(client, layout), JournalRecords.ARCHIVE);
    }
}
