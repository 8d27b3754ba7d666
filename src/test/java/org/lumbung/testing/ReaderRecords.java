package org.lumbung.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.lumbung.dc.Citation;
import org.lumbung.dc.Creator;
import org.lumbung.dc.DcElement;
import org.lumbung.dc.DcRecord;
import org.lumbung.dc.DcRecordBuilder;
import org.lumbung.dc.OaiInfo;
import org.lumbung.dc.Provenance;
import org.lumbung.index.DocumentMapper;
import org.lumbung.source.Source;
import org.lumbung.source.SourceList;

/**
 * What a reader's tests search beside the known records: the seed article, ingested from the seed page as production
 * does, under its source's name from the seed list; and a record that has everything a hit can show (two titles and
 * two abstracts in their languages, an author with affiliation and ORCID, a journal, open access, a CC BY 4.0
 * licence and an OJS galley).
 */
public final class ReaderRecords {

    public static final String SEED_SOURCE = "undip-jihi-pages";
    public static final String SEED_TITLE = "Kebijakan Luar Negeri Turki: Kesepakatan Turki kepada Rusia dalam"
            + " Mendirikan Pusat Gabungan Turki-Rusia Pasca Konflik Nagorno-Karabakh";
    public static final String FULL_ID = "journal-c:oai:journal-c:7";
    public static final String FULL_GALLEY = "https://journal-c.example/index.php/jc/article/view/7/12";

    private ReaderRecords() {
    }

    /** The record with every field a hit shows. */
    public static DcRecord full() {
        return new DcRecordBuilder(FULL_ID, "journal-c")
                .oai(new OaiInfo("oai:journal-c:7", "2023-02-01T00:00:00Z", List.of(), "oai_dc"))
                .provenance(new Provenance("journal-c", "oai:journal-c:7", null, "2023-02-01T00:00:00Z", "oai_dc"))
                .add(DcElement.TITLE, "Perjanjian dagang ASEAN dan kebijakan tarif", "id")
                .add(DcElement.TITLE, "The ASEAN trade agreement and tariff policy", "en")
                .creator(new Creator("Lestari, Dewi", "Universitas Gadjah Mada", "0000-0002-1825-0097", true))
                .creator(new Creator("Nugroho, Adi", null, null, false))
                .add(DcElement.DESCRIPTION, "Artikel ini membahas perjanjian dagang ASEAN.", "id")
                .add(DcElement.DESCRIPTION, "This article discusses the ASEAN trade agreement.", "en")
                .add(DcElement.SUBJECT, "Perdagangan Internasional", "id")
                .add(DcElement.DATE, "2023-01-20")
                .add(DcElement.TYPE, "info:eu-repo/semantics/article")
                .add(DcElement.LANGUAGE, "ind")
                .add(DcElement.RIGHTS, "info:eu-repo/semantics/openAccess")
                .add(DcElement.RIGHTS, "https://creativecommons.org/licenses/by/4.0/")
                .add(DcElement.IDENTIFIER, "https://journal-c.example/index.php/jc/article/view/7")
                .add(DcElement.RELATION, FULL_GALLEY)
                .citation(Citation.JOURNAL_TITLE, "Jurnal Ekonomi C")
                .citation(Citation.VOLUME, "5")
                .citation(Citation.ISSUE, "2")
                .build(null);
    }

    /** Indexes the known records, the full record and the seed article, and names their sources. */
    public static void index(String prefix, LumbungServer server) throws Exception {
        KnownRecords.index(prefix + "-records");
        KnownRecords.sources().forEach(server::define);
        DcRecord full = full();
        TestElasticsearch.client().index(i -> i.index(prefix + "-records").id(full.id())
                .document(DocumentMapper.toDocument(full, Instant.now())));
        Cli.Result ingest = Cli.onTestEs(prefix, "ingest", SeedPage.FILE.toString(), "--url", SeedPage.URL,
                "--source", SEED_SOURCE);
        assertThat(ingest.status()).as(ingest.out()).isZero();
        // The seed list's name, on a source that is never run here (its schedule is 2099's).
        String name = SourceList.read(Path.of("seeds/sources.yaml")).stream()
                .filter(s -> s.id().equals(SEED_SOURCE)).findFirst().orElseThrow().name();
        server.define(Source.oai(SEED_SOURCE, name, "https://ejournal3.undip.ac.id/index.php/jihi/oai", "oai_dc",
                List.of(), "0 0 3 1 1 ? 2099", "ojs"));
        server.define(Source.oai("journal-c", "Jurnal Ekonomi C", "https://journal-c.example/oai", "oai_dc",
                List.of(), "0 0 3 1 1 ? 2099", "ojs"));
        TestElasticsearch.client().indices().refresh(r -> r.index(prefix + "-records"));
    }
}
