package org.lumbung.testing;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lumbung.dc.DcElement;
import org.lumbung.dc.DcRecord;
import org.lumbung.dc.DcRecordBuilder;
import org.lumbung.dc.OaiInfo;
import org.lumbung.dc.Provenance;
import org.lumbung.index.DocumentMapper;
import org.lumbung.index.IndexDocument;
import org.lumbung.source.Source;

/**
 * Five records the search, page and OAI-PMH tests know by heart: two from an Indonesian journal (journal-a), two from
 * a university repository (repo-b), and one whose every value is an attempt to inject markup or script, written to
 * the index as it is (no crosswalk cleans it), as a hostile or broken source might leave it.
 */
public final class KnownRecords {

    public static final String HOSTILE_ID = "repo-b:oai:repo-b:666";
    /** What the hostile record's title says: an image whose error handler would mark the page as taken over. */
    public static final String HOSTILE_TITLE = "<img src=x onerror=\"document.body.dataset.pwned='title'\">"
            + "<script>document.body.dataset.pwned='script'</script> Diplomasi";

    private KnownRecords() {
    }

    /** The two sources as the source list names them (never run: scheduled for 2099). */
    public static List<Source> sources() {
        return List.of(
                Source.oai("journal-a", "Jurnal Hubungan Internasional A", "https://journal-a.example/oai", "oai_dc",
                        List.of(), "0 0 3 1 1 ? 2099", "ojs"),
                Source.oai("repo-b", "Repositori Universitas B", "https://repo-b.example/oai", "oai_dc", List.of(),
                        "0 0 3 1 1 ? 2099", "dspace"));
    }

    public static List<DcRecord> records() {
        return List.of(
                oai("journal-a", "oai:journal-a:1", "2021-03-01T00:00:00Z")
                        .add(DcElement.TITLE, "Kebijakan luar negeri Indonesia terhadap Turki", "id")
                        .add(DcElement.CREATOR, "Santoso, Budi")
                        .add(DcElement.SUBJECT, "diplomasi", "id")
                        .add(DcElement.DESCRIPTION, "Hubungan dengan Presiden Recep Tayyip Erdoğan dan diplomasi"
                                + " ekonomi kedua negara.", "id")
                        .add(DcElement.DATE, "2021-03-15")
                        .add(DcElement.TYPE, "info:eu-repo/semantics/article")
                        .add(DcElement.LANGUAGE, "ind")
                        .add(DcElement.RIGHTS, "info:eu-repo/semantics/openAccess")
                        .add(DcElement.IDENTIFIER, "https://journal-a.example/index.php/j/article/view/1")
                        .build(null),
                oai("journal-a", "oai:journal-a:2", "2019-06-01T00:00:00Z")
                        .add(DcElement.TITLE, "Climate diplomacy of small island states", "en")
                        .add(DcElement.CREATOR, "Martin, Claire")
                        .add(DcElement.SUBJECT, "diplomasi", "id")
                        .add(DcElement.DATE, "2019")
                        .add(DcElement.TYPE, "info:eu-repo/semantics/article")
                        .add(DcElement.LANGUAGE, "eng")
                        .add(DcElement.RIGHTS, "info:eu-repo/semantics/openAccess")
                        .build(null),
                oai("repo-b", "oai:repo-b:10", "2022-01-01T00:00:00Z")
                        .add(DcElement.TITLE, "Sejarah perpustakaan di Jawa", "id")
                        .add(DcElement.CREATOR, "Wibowo, Sri")
                        .add(DcElement.SUBJECT, "perpustakaan", "id")
                        .add(DcElement.DATE, "2021")
                        .add(DcElement.TYPE, "Skripsi")
                        .add(DcElement.LANGUAGE, "ind")
                        .add(DcElement.RIGHTS, "info:eu-repo/semantics/restrictedAccess")
                        .build(null),
                oai("repo-b", "oai:repo-b:11", "2022-01-02T00:00:00Z")
                        .add(DcElement.TITLE, "Diplomasi maritim Indonesia", "id")
                        .add(DcElement.CREATOR, "Wibowo, Sri")
                        .add(DcElement.SUBJECT, "diplomasi", "id")
                        .add(DcElement.DATE, "2020-05")
                        .add(DcElement.TYPE, "info:eu-repo/semantics/article")
                        .add(DcElement.LANGUAGE, "ind")
                        .build(null));
    }

    private static DcRecordBuilder oai(String source, String identifier, String datestamp) {
        return new DcRecordBuilder(source + ":" + identifier, source)
                .oai(new OaiInfo(identifier, datestamp, List.of(), "oai_dc"))
                .provenance(new Provenance(source, identifier, null, datestamp, "oai_dc"));
    }

    /** The hostile record as a document: markup and script in every text, a javascript: link as its address. */
    public static Map<String, Object> hostileDocument(Instant indexedAt) {
        Map<String, Object> dc = new LinkedHashMap<>();
        dc.put("title", List.of(HOSTILE_TITLE));
        dc.put("creator", List.of("<b onmouseover=\"document.body.dataset.pwned='creator'\">Mallory</b>"));
        dc.put("description", List.of("Diplomasi </p><script>document.body.dataset.pwned='description'</script>"));
        dc.put("identifier", List.of("javascript:document.body.dataset.pwned='link'"));
        dc.put("subject", List.of("<i>diplomasi</i>"));
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("dc", dc);
        doc.put("lang", Map.of("title", List.of("und")));
        doc.put("search", Map.of("all", List.of(HOSTILE_TITLE, "Diplomasi"), "title", Map.of("other", List.of(HOSTILE_TITLE))));
        doc.put("facet", Map.of("subject", List.of("<i>diplomasi</i>")));
        doc.put("source", Map.of("id", "repo-b"));
        doc.put("oai", Map.of("identifier", "oai:repo-b:666", "datestamp", "2022-02-02T00:00:00Z"));
        doc.put("provenance", List.of(Map.of("sourceId", "repo-b", "oaiIdentifier", "oai:repo-b:666",
                "url", "javascript:document.body.dataset.pwned='provenance'", "format", "oai_dc")));
        doc.put("work", Map.of("key", "id:" + HOSTILE_ID));
        doc.put("indexedAt", indexedAt.toString());
        doc.put("deleted", false);
        return doc;
    }

    /** Indexes the five records behind the prefix's alias and refreshes it. */
    public static void index(String alias) throws Exception {
        Instant now = Instant.now();
        for (DcRecord record : records()) {
            IndexDocument doc = DocumentMapper.toDocument(record, now);
            TestElasticsearch.client().index(i -> i.index(alias).id(record.id()).document(doc));
        }
        Map<String, Object> hostile = hostileDocument(now);
        TestElasticsearch.client().index(i -> i.index(alias).id(HOSTILE_ID).document(hostile));
        TestElasticsearch.client().indices().refresh(r -> r.index(alias));
    }
}
