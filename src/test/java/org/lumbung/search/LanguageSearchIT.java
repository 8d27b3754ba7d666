package org.lumbung.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lumbung.dc.DcElement;
import org.lumbung.dc.DcRecord;
import org.lumbung.dc.DcRecordBuilder;
import org.lumbung.dc.Provenance;
import org.lumbung.index.DocumentMapper;
import org.lumbung.index.IndexDocument;
import org.lumbung.index.IndexLayout;
import org.lumbung.index.IndexSetup;
import org.lumbung.testing.TestElasticsearch;

/**
 * Search that finds what readers type: accents folded, Indonesian and English stemmed, each value in the field of its
 * language. On the embedded node this runs on Lumbung's analysis plugin; with LUMBUNG_TEST_ES=docker on the stock
 * image's built-in filters, with the same results.
 */
class LanguageSearchIT {

    private static RecordSearcher searcher;

    @BeforeAll
    static void records() throws Exception {
        String prefix = TestElasticsearch.freshPrefix(LanguageSearchIT.class);
        IndexLayout layout = new IndexLayout(prefix, 0);
        new IndexSetup(TestElasticsearch.client(), layout).ensure();
        index(layout, record("r1", "Kebijakannya terhadap Turki", "id", "Turkish President Recep Tayyip Erdoğan", "en"));
        index(layout, record("r2", "The policy of small island states", "en", "Diplomasi iklim negara kepulauan", "id"));
        index(layout, record("r3", "Sejarah Perpustakaan", "id", "Koleksi naskah kuno", "id"));
        TestElasticsearch.client().indices().refresh(r -> r.index(layout.recordsAlias()));
        searcher = new RecordSearcher(TestElasticsearch.client(), layout);
    }

    private static DcRecord record(String id, String title, String titleLang, String description, String descLang) {
        return new DcRecordBuilder(id, "test").add(DcElement.TITLE, title, titleLang)
                .add(DcElement.DESCRIPTION, description, descLang)
                .provenance(new Provenance("test", null, "https://example.org/" + id, null, "html")).build(null);
    }

    private static void index(IndexLayout layout, DcRecord record) throws Exception {
        IndexDocument doc = DocumentMapper.toDocument(record, Instant.now());
        TestElasticsearch.client().index(i -> i.index(layout.recordsAlias()).id(record.id()).document(doc));
    }

    private static List<String> ids(String query) throws Exception {
        return searcher.search(query, 10).hits().stream().map(SearchHit::id).toList();
    }

    @Test
    void foldsAccentsSoErdoganFindsErdogan() throws Exception {
        assertThat(ids("erdogan")).containsExactly("r1");
        assertThat(ids("Erdoğan")).containsExactly("r1");
    }

    @Test
    void stemsIndonesianSoKebijakanFindsKebijakannya() throws Exception {
        assertThat(ids("kebijakan")).containsExactly("r1");
        assertThat(ids("pustaka")).as("perpustakaan stems to pustaka").containsExactly("r3");
    }

    @Test
    void stemsEnglishSoPoliciesFindsPolicy() throws Exception {
        assertThat(ids("policies")).containsExactly("r2");
    }

    @Test
    void searchesEachValueInTheFieldOfItsLanguage() throws Exception {
        // "kepulauan" is an Indonesian description: found through the Indonesian field, stemmed there.
        assertThat(ids("pulau")).containsExactly("r2");
    }
}
