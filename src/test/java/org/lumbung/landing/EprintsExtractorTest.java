package org.lumbung.landing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lumbung.landing.LandingFixtures.scheme;
import static org.lumbung.landing.LandingFixtures.schemeOnHtml;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lumbung.dc.Citation;
import org.lumbung.dc.Creator;
import org.lumbung.dc.DcElement;
import org.lumbung.dc.DcRecord;

class EprintsExtractorTest {

    private final EprintsExtractor eprints = new EprintsExtractor();

    @Test
    void readsAnEprintsAbstractPage() {
        DcRecord r = scheme(eprints, "eprints-abstract-page.html");
        assertThat(r.values(DcElement.TITLE))
                .containsExactly("Analisis Kualitas Air Sungai Kaligarang dengan Indeks Pencemaran");
        assertThat(r.creators()).containsExactly(
                new Creator("Hidayat, Arif", null, "0000-0003-4521-7702", false),
                new Creator("Permatasari, Lestari", null, "0000-0002-9917-3405", false));
        assertThat(r.values(DcElement.SUBJECT)).containsExactly("kualitas air", "indeks pencemaran", "Sungai Kaligarang");
        assertThat(r.values(DcElement.TYPE)).containsExactly("article");
        assertThat(r.values(DcElement.DATE)).containsExactly("2019-08");
        assertThat(r.values(DcElement.IDENTIFIER)).containsExactly(
                "https://ejournal.contoh.ac.id/index.php/jtlc/article/view/26118", "doi:10.14710/jtlc.8.3.201-212");
        assertThat(r.citation()).containsEntry(Citation.JOURNAL_TITLE, List.of("Jurnal Teknik Lingkungan Contoh"))
                .containsEntry(Citation.VOLUME, List.of("8"))
                .containsEntry(Citation.ISSUE, List.of("3"))
                .containsEntry(Citation.FIRST_PAGE, List.of("201"))
                .containsEntry(Citation.LAST_PAGE, List.of("212"))
                .containsEntry(Citation.ISSN, List.of("2088-3420"))
                .containsEntry(Citation.PUBLICATION_DATE, List.of("2019-08"))
                .containsEntry(Citation.DOI, List.of("10.14710/jtlc.8.3.201-212"))
                .containsEntry(Citation.FULL_TEXT_URL,
                        List.of("https://eprints.contoh.ac.id/8821/1/Hidayat_Permatasari_2019.pdf"));
    }

    @Test
    void pairsOrcidsOnlyWhenEveryCreatorHasOneAndKnowsASubmissionDateIsNotPublication() {
        DcRecord r = schemeOnHtml(eprints, """
                <meta name="eprints.creators_name" content="Satu, Ani">
                <meta name="eprints.creators_name" content="Dua, Budi">
                <meta name="eprints.creators_orcid" content="0000-0002-1825-0097">
                <meta name="eprints.date" content="2021-02-01">
                <meta name="eprints.date_type" content="submitted">
                """);
        assertThat(r.creators()).extracting(Creator::orcid).containsExactly(null, null);
        assertThat(r.values(DcElement.DATE)).containsExactly("2021-02-01");
        assertThat(r.citation()).doesNotContainKey(Citation.PUBLICATION_DATE);
    }
}
