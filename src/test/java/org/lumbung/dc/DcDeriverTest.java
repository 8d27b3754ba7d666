package org.lumbung.dc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lumbung.derived.Derived;
import org.lumbung.derived.Journal;
import org.lumbung.derived.QualityFlag;
import org.lumbung.language.LanguageDetector;

class DcDeriverTest {

    private static final LanguageDetector DETECTOR = new LanguageDetector(List.of("id", "en", "ms"), 400);

    private static DcRecordBuilder record() {
        return new DcRecordBuilder("test:1", "test");
    }

    private static Derived derive(DcRecordBuilder builder) {
        return builder.build(DETECTOR).derived();
    }

    @Test
    void takesTheDateTheFormatMarksAsPublishedOverAnyDcDate() {
        Derived d = derive(record().add(DcElement.DATE, "2012-06-26T19:58:24Z").add(DcElement.DATE, "1982-11-11")
                .citation(Citation.PUBLICATION_DATE, "March 1983"));
        assertThat(d.published()).isEqualTo("1983-03");
        assertThat(d.publishedYear()).isEqualTo(1983);
    }

    @Test
    void prefersADateOverTheRepositorysTimestampsAndTheEarliestYear() {
        assertThat(derive(record().add(DcElement.DATE, "2012-06-26T19:58:24Z").add(DcElement.DATE, "2012-06-26T19:58:24Z")
                .add(DcElement.DATE, "1982-11-11")).published()).isEqualTo("1982-11-11");
        assertThat(derive(record().add(DcElement.DATE, "2016").add(DcElement.DATE, "2015")).published()).isEqualTo("2015");
        assertThat(derive(record().add(DcElement.DATE, "2014-05").add(DcElement.DATE, "2014-05-08")).published())
                .isEqualTo("2014-05-08");
        assertThat(derive(record().add(DcElement.DATE, "2003-07-11T13:14:05Z")).published()).isEqualTo("2003-07-11");
    }

    @Test
    void takesABareYearOverTheFirstOfJanuaryBesideIt() {
        assertThat(derive(record().add(DcElement.DATE, "2015").add(DcElement.DATE, "2015-01-01")).published())
                .isEqualTo("2015");
    }

    @Test
    void neverTakesTheOaiDatestamp() {
        DcRecord r = record().oai(new OaiInfo("oai:x:1", "2026-03-15T04:12:09Z", List.of(), "oai_dc"))
                .add(DcElement.TITLE, "Judul").build(DETECTOR);
        assertThat(r.derived().published()).isNull();
        assertThat(r.derived().quality()).contains(QualityFlag.NO_DATE);
    }

    @Test
    void flagsDatesThatSayNothing() {
        Derived d = derive(record().add(DcElement.DATE, "n.d."));
        assertThat(d.published()).isNull();
        assertThat(d.quality()).contains(QualityFlag.UNPARSED_DATE).doesNotContain(QualityFlag.NO_DATE);
    }

    @Test
    void takesTheLanguageFromDcLanguageThenTheTitle() {
        Derived stated = derive(record().add(DcElement.LANGUAGE, "Bahasa Indonesia").add(DcElement.TITLE, "A title"));
        assertThat(stated.languages()).containsExactly("ind");
        assertThat(stated.languages1()).containsExactly("id");
        assertThat(stated.languageFrom()).isEqualTo("metadata");

        Derived tagged = derive(record().add(DcElement.TITLE, "Diplomasi Ekonomi Indonesia", "id-ID"));
        assertThat(tagged.languages()).containsExactly("ind");
        assertThat(tagged.languageFrom()).isEqualTo("xml:lang");

        Derived detected = derive(record().add(DcElement.LANGUAGE, "other")
                .add(DcElement.TITLE, "Peran Perempuan dalam Resolusi Konflik di Poso"));
        assertThat(detected.languages()).containsExactly("ind");
        assertThat(detected.languageFrom()).isEqualTo("detected");
    }

    @Test
    void flagsALanguageNeitherStatedNorDetected() {
        Derived d = derive(record().add(DcElement.TITLE, "Kijken in het brein: over de mogelijkheden van neuromarketing"));
        assertThat(d.languages()).isEmpty();
        assertThat(d.languageFrom()).isNull();
        assertThat(d.quality()).contains(QualityFlag.NO_LANGUAGE);
    }

    @Test
    void takesTheRecordsOwnDoiNotItsIssuesOrGalleys() {
        Derived ojs = derive(record().add(DcElement.IDENTIFIER, "https://j.example.ac.id/article/view/1")
                .add(DcElement.SOURCE, "10.14710/jsp.v9i2").add(DcElement.RELATION, "10.14710/jsp.v9i2.4521.g2210"));
        assertThat(ojs.doi()).isNull();
        assertThat(ojs.identifiers().doi()).containsExactly("10.14710/jsp.v9i2.4521.g2210", "10.14710/jsp.v9i2");
        assertThat(ojs.quality()).contains(QualityFlag.NO_DOI, QualityFlag.NO_PERSISTENT_IDENTIFIER);

        Derived openaire = derive(record().add(DcElement.RELATION,
                "info:eu-repo/semantics/altIdentifier/doi/10.1103/PhysRevE.87.033017"));
        assertThat(openaire.doi()).isEqualTo("10.1103/physreve.87.033017");

        Derived stated = derive(record().add(DcElement.IDENTIFIER, "10.1000/other").citation(Citation.DOI,
                "https://doi.org/10.1000/THIS"));
        assertThat(stated.doi()).isEqualTo("10.1000/this");
    }

    @Test
    void findsTheFullTextAndWhetherItIsOpen() {
        Derived galley = derive(record().add(DcElement.IDENTIFIER, "https://j.example.ac.id/index.php/j/article/view/34353/0")
                .add(DcElement.RELATION, "https://j.example.ac.id/index.php/j/article/view/101/88"));
        assertThat(galley.fullText()).containsExactly("https://j.example.ac.id/index.php/j/article/view/101/88");
        assertThat(galley.quality()).doesNotContain(QualityFlag.NO_OPEN_FULL_TEXT);

        Derived embargoed = derive(record().add(DcElement.IDENTIFIER, "https://r.example.ac.id/files/a.pdf")
                .add(DcElement.RIGHTS, "info:eu-repo/semantics/embargoedAccess"));
        assertThat(embargoed.fullText()).containsExactly("https://r.example.ac.id/files/a.pdf");
        assertThat(embargoed.quality()).contains(QualityFlag.NO_OPEN_FULL_TEXT);
    }

    @Test
    void takesCitationFactsOverWhatTheSourceSays() {
        Derived d = derive(record().add(DcElement.SOURCE, "Jurnal Lama; Vol 3, No 1 (2020); 1-9")
                .add(DcElement.SOURCE, "2502-5457").citation(Citation.JOURNAL_TITLE, "Jurnal Baru")
                .citation(Citation.VOLUME, "12").citation(Citation.ISSN, "1348-8945"));
        assertThat(d.journal()).isEqualTo(new Journal("Jurnal Baru", List.of("1348-8945"), "12", "1", "1", "9"));
    }

    @Test
    void writesCreatorsFamilyFirstWithTheirCheckedOrcid() {
        Derived d = derive(record().creator(new Creator("Budi Santoso, S.Pd.", "Universitas Contoh",
                "https://orcid.org/0000-0002-1825-0097", false)).creator(new Creator("Pereira , Rodrigo M.", null,
                "0000-0002-1825-0098", false)));
        assertThat(d.creators()).extracting(p -> p.name() + "|" + p.affiliation() + "|" + p.orcid())
                .containsExactly("Santoso, Budi|Universitas Contoh|0000-0002-1825-0097", "Pereira, Rodrigo M.|null|null");
    }

    @Test
    void flagsEverythingAnEmptyRecordLacks() {
        assertThat(derive(record()).quality()).hasSize(QualityFlag.values().length - 1)
                .doesNotContain(QualityFlag.UNPARSED_DATE);
    }

    @Test
    void derivesNothingForATombstone() {
        DcRecord tombstone = DcRecord.tombstone("s:1", "s", null, new Provenance("s", "oai:x:1", null, null, "oai_dc"));
        assertThat(tombstone.derived()).isEqualTo(Derived.NONE);
    }
}
