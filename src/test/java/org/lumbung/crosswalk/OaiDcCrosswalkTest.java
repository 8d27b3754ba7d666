package org.lumbung.crosswalk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lumbung.dc.Creator;
import org.lumbung.dc.DcBatch;
import org.lumbung.dc.DcElement;
import org.lumbung.dc.DcRecord;
import org.lumbung.dc.Provenance;
import org.lumbung.harvest.OaiPage;
import org.lumbung.harvest.OaiPageParser;
import org.lumbung.harvest.RecordBatch;
import org.lumbung.language.LanguageDetector;
import org.lumbung.testing.OaiTestServer;

class OaiDcCrosswalkTest {

    private final Crosswalks crosswalks = new Crosswalks(List.of(new OaiDcCrosswalk()),
            new LanguageDetector(List.of("id", "en", "ms"), 400));

    private DcBatch page(String fixture) throws Exception {
        OaiPage page = new OaiPageParser().parse(new ByteArrayInputStream(OaiTestServer.fixture(fixture)), "jhi",
                "http://x/oai", "oai_dc");
        return crosswalks.toDc(new RecordBatch("jhi", "http://x/oai", page.records()));
    }

    @Test
    void readsEveryElementWithItsLanguage() throws Exception {
        DcRecord r = page("oai/ojs-listrecords-page1.xml").records().get(0);
        assertThat(r.id()).isEqualTo("jhi:oai:jurnal.example.ac.id:article/101");
        assertThat(r.values(DcElement.TITLE)).containsExactly("Diplomasi Ekonomi Indonesia di Kawasan Asia Tenggara");
        assertThat(r.languages(DcElement.TITLE)).containsExactly("id-id");
        assertThat(r.values(DcElement.CREATOR)).containsExactly("Santoso, Budi", "Wulandari, Sri");
        assertThat(r.creators()).extracting(Creator::name).containsExactly("Santoso, Budi", "Wulandari, Sri");
        assertThat(r.values(DcElement.TYPE)).containsExactly("info:eu-repo/semantics/article",
                "info:eu-repo/semantics/publishedVersion", "Peer-reviewed Article");
        assertThat(r.values(DcElement.IDENTIFIER)).containsExactly(
                "https://jurnal.example.ac.id/index.php/jhi/article/view/101", "10.14710/jhi.v12i1.101");
        assertThat(r.values(DcElement.SOURCE)).containsExactly("Jurnal Hubungan Internasional; Vol 12, No 1 (2026)",
                "2502-5457");
        assertThat(r.values(DcElement.LANGUAGE)).containsExactly("ind");
        assertThat(r.oai().datestamp()).isEqualTo("2026-03-15T04:12:09Z");
        assertThat(r.provenance()).hasSize(1);
        Provenance p = r.provenance().get(0);
        assertThat(p.withRaw(null)).isEqualTo(new Provenance("jhi", "oai:jurnal.example.ac.id:article/101", null,
                "2026-03-15T04:12:09Z", "oai_dc"));
        // the raw archive: the record as sent, read again by reindex
        assertThat(p.raw()).startsWith("<record").contains("<dc:title xml:lang=\"id-ID\">Diplomasi Ekonomi");
    }

    @Test
    void detectsTheLanguageOnlyWhereTheSourceGivesNone() throws Exception {
        DcRecord r = page("oai/ojs-listrecords-page1.xml").records().get(2);
        assertThat(r.languages(DcElement.TITLE)).containsExactly("id");
        assertThat(r.languages(DcElement.DESCRIPTION)).containsExactly("id");
        assertThat(r.languages(DcElement.CREATOR)).containsOnlyNulls();
    }

    @Test
    void makesATombstoneOfADeletedHeader() throws Exception {
        DcRecord r = page("oai/ojs-listrecords-page2.xml").records().get(1);
        assertThat(r.deleted()).isTrue();
        assertThat(r.elements()).isEmpty();
        assertThat(r.id()).isEqualTo("jhi:oai:jurnal.example.ac.id:article/105");
    }
}
