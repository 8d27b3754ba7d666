package org.lumbung.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lumbung.dc.DcElement;
import org.lumbung.dc.DcRecord;
import org.lumbung.dc.DcRecordBuilder;
import org.lumbung.dc.OaiInfo;
import org.lumbung.dc.Provenance;
import org.lumbung.index.DocumentMapper;
import org.lumbung.index.IndexDocument;
import org.lumbung.testing.LumbungServer;
import org.lumbung.testing.TestElasticsearch;

/**
 * The records like a record, as its page asks for them from a serving Lumbung: twelve records on three topics
 * (diplomacy and peace agreements, libraries, fisheries), in Indonesian and English, and a tombstone that reads like
 * the first. Likeness follows the topic, through Indonesian stems ({@code Kesepakatan} and {@code sepakat}); the record
 * itself and the tombstone are never offered.
 */
class SimilarRecordsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static LumbungServer server;

    @BeforeAll
    static void start() throws Exception {
        String prefix = TestElasticsearch.freshPrefix(SimilarRecordsIT.class);
        server = LumbungServer.start(prefix);
        String alias = prefix + "-records";
        List<DcRecord> records = List.of(
                record("d1", "Kesepakatan damai Turki dan Rusia pasca konflik Nagorno-Karabakh", "id",
                        "Diplomasi Turki dalam kesepakatan gencatan senjata dan pusat pemantauan bersama.",
                        "diplomasi", "konflik"),
                record("d2", "Sepakat berdamai: diplomasi Rusia di Kaukasus Selatan", "id",
                        "Peran Rusia dalam perjanjian damai dan gencatan senjata di Kaukasus.", "diplomasi",
                        "Kaukasus"),
                record("d3", "Diplomasi Indonesia dalam penyelesaian konflik regional", "id",
                        "Mediasi dan kesepakatan damai yang difasilitasi Indonesia.", "diplomasi", "mediasi"),
                record("d4", "Peace agreements and ceasefire monitoring in the South Caucasus", "en",
                        "How Turkey and Russia negotiated the ceasefire and the joint monitoring centre.",
                        "diplomacy", "ceasefire"),
                record("l1", "Perpustakaan sekolah dan minat baca siswa", "id",
                        "Koleksi perpustakaan sekolah dan program literasi.", "perpustakaan", "literasi"),
                record("l2", "Digitalisasi koleksi perpustakaan perguruan tinggi", "id",
                        "Layanan perpustakaan digital dan koleksi naskah.", "perpustakaan", "digitalisasi"),
                record("l3", "Pustakawan dan layanan perpustakaan umum di Jawa", "id",
                        "Peran pustakawan dalam layanan koleksi perpustakaan umum.", "perpustakaan", "layanan"),
                record("l4", "Academic libraries and digital collections", "en",
                        "Digitising library collections in university libraries.", "libraries", "digitisation"),
                record("f1", "Produksi perikanan tangkap nelayan tradisional", "id",
                        "Hasil tangkapan ikan dan pendapatan nelayan pesisir.", "perikanan", "nelayan"),
                record("f2", "Budidaya ikan nila dan pendapatan nelayan", "id",
                        "Perikanan budidaya di kolam dan pendapatan petani ikan.", "perikanan", "budidaya"),
                record("f3", "Pengelolaan perikanan pesisir berkelanjutan", "id",
                        "Nelayan pesisir dan pengelolaan sumber daya ikan.", "perikanan", "pesisir"),
                record("f4", "Small-scale fisheries and coastal livelihoods", "en",
                        "Fishers' income from small-scale coastal fisheries.", "fisheries", "livelihoods"));
        Instant now = Instant.now();
        for (DcRecord r : records) {
            IndexDocument doc = DocumentMapper.toDocument(r, now);
            TestElasticsearch.client().index(i -> i.index(alias).id(r.id()).document(doc));
        }
        DcRecord gone = record("d9", "Kesepakatan damai Turki dan Rusia di Nagorno-Karabakh", "id",
                "Diplomasi Turki dan kesepakatan gencatan senjata.", "diplomasi", "konflik");
        IndexDocument tombstone = DocumentMapper.toDocument(gone, now);
        // A tombstone that still holds a full text (as a document mid-way through removal might): never offered.
        IndexDocument deleted = new IndexDocument(tombstone.dc(), tombstone.lang(), tombstone.creators(),
                tombstone.derived(), tombstone.quality(), tombstone.search(), tombstone.facet(), tombstone.source(),
                tombstone.oai(), tombstone.provenance(), tombstone.keys(), tombstone.work(), tombstone.indexedAt(), true);
        TestElasticsearch.client().index(i -> i.index(alias).id(gone.id()).document(deleted));
        TestElasticsearch.client().indices().refresh(r -> r.index(alias));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static DcRecord record(String n, String title, String lang, String description, String... subjects) {
        String identifier = "oai:topics:" + n;
        DcRecordBuilder b = new DcRecordBuilder("topics:" + identifier, "topics")
                .oai(new OaiInfo(identifier, "2024-01-01T00:00:00Z", List.of(), "oai_dc"))
                .provenance(new Provenance("topics", identifier, null, "2024-01-01T00:00:00Z", "oai_dc"))
                .add(DcElement.TITLE, title, lang)
                .add(DcElement.DESCRIPTION, description, lang)
                .add(DcElement.LANGUAGE, lang.equals("id") ? "ind" : "eng")
                .add(DcElement.DATE, "2023");
        for (String s : subjects) {
            b.add(DcElement.SUBJECT, s, lang);
        }
        return b.build(null);
    }

    private static List<String> similar(String n, String size) throws Exception {
        HttpResponse<String> response = server.get("/api/record/similar?id=topics:oai:topics:" + n
                + (size == null ? "" : "&size=" + size));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("id").asText()).isEqualTo("topics:oai:topics:" + n);
        List<String> ids = new ArrayList<>();
        body.get("hits").forEach(h -> ids.add(h.get("id").asText().replace("topics:oai:topics:", "")));
        return ids;
    }

    @Test
    void likenessFollowsTheTopicThroughIndonesianStems() throws Exception {
        List<String> peace = similar("d1", null);
        assertThat(peace).as("the record itself and the tombstone are never offered").doesNotContain("d1", "d9");
        assertThat(peace).isNotEmpty().allMatch(id -> id.startsWith("d"));
        assertThat(peace.get(0)).as("'Kesepakatan damai' and 'Sepakat berdamai' share their stems").isIn("d2", "d3");
        List<String> libraries = similar("l2", null);
        assertThat(libraries).isNotEmpty().allMatch(id -> id.startsWith("l")).doesNotContain("l2");
        List<String> fish = similar("f1", "2");
        assertThat(fish).hasSize(2).allMatch(id -> id.startsWith("f"));
    }

    @Test
    void aTombstoneHasNoneAndAnUnknownIdOrBadSizeIsRefused() throws Exception {
        HttpResponse<String> tombstone = server.get("/api/record/similar?id=topics:oai:topics:d9");
        assertThat(tombstone.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(tombstone.body()).get("hits")).isEmpty();
        assertThat(server.get("/api/record/similar?id=nothing-here").statusCode()).isEqualTo(404);
        assertThat(server.get("/api/record/similar?id=topics:oai:topics:d1&size=0").statusCode()).isEqualTo(400);
        assertThat(server.get("/api/record/similar?id=topics:oai:topics:d1&size=21").statusCode()).isEqualTo(400);
        assertThat(server.get("/api/record/similar").statusCode()).isEqualTo(400);
    }
}
