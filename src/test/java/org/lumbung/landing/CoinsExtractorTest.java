package org.lumbung.landing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lumbung.landing.LandingFixtures.scheme;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lumbung.dc.Citation;
import org.lumbung.dc.Creator;
import org.lumbung.dc.DcElement;
import org.lumbung.dc.DcRecord;

class CoinsExtractorTest {

    private final CoinsExtractor coins = new CoinsExtractor();

    @Test
    void readsABookFromTheFirstSpanOnlyAndSkipsABrokenEscape() {
        DcRecord r = scheme(coins, "coins-catalogue-page.html");
        assertThat(r.values(DcElement.TITLE))
                .containsExactly("Sejarah Maritim Nusantara: Pelabuhan, Perdagangan, dan Kekuasaan");
        // aulast/aufirst and the first rft.au name the same person.
        assertThat(r.creators()).extracting(Creator::name).containsExactly("Bernadette Lapian", "Hutagalung, Daniel");
        assertThat(r.values(DcElement.PUBLISHER)).containsExactly("Penerbit Contoh");
        assertThat(r.values(DcElement.IDENTIFIER)).containsExactly("978-602-1234-56-7");
        assertThat(r.values(DcElement.SUBJECT)).containsExactly("Sejarah maritim", "Indonesia -- Sejarah");
        assertThat(r.values(DcElement.LANGUAGE)).containsExactly("ind");
        // The citing article's span (volume 4, its DOI) is not this page's.
        assertThat(r.citation()).containsOnlyKeys(Citation.PUBLICATION_DATE);
    }

    @Test
    void readsTheJournalFormatOfOjs2WhereTitleIsTheJournal() {
        DcRecord r = scheme(coins, "ojs2-article-page.html");
        assertThat(r.values(DcElement.TITLE))
                .containsExactly("Peran Badan Usaha Milik Desa dalam Pemberdayaan Ekonomi Masyarakat Pesisir");
        assertThat(r.values(DcElement.SOURCE)).containsExactly("Jurnal Ilmu Pemerintahan Nusantara", "2354-7631");
        assertThat(r.creators()).extracting(Creator::name)
                .containsExactly("Sri Wulandari", "Bambang Hariyanto", "Maria Ulfa Nasution");
        assertThat(r.citation()).containsEntry(Citation.JOURNAL_TITLE, List.of("Jurnal Ilmu Pemerintahan Nusantara"))
                .containsEntry(Citation.VOLUME, List.of("6"))
                .containsEntry(Citation.ISSUE, List.of("2"))
                .containsEntry(Citation.FIRST_PAGE, List.of("145"))
                .containsEntry(Citation.LAST_PAGE, List.of("160"))
                .containsEntry(Citation.DOI, List.of("10.31289/jipn.v6i2.2217"));
    }

    @Test
    void readsTheDublinCoreFormatOfEprints() {
        DcRecord r = scheme(coins, "eprints-abstract-page.html");
        assertThat(r.values(DcElement.TITLE))
                .containsExactly("Analisis Kualitas Air Sungai Kaligarang dengan Indeks Pencemaran");
        assertThat(r.creators()).extracting(Creator::name).containsExactly("Hidayat, Arif", "Permatasari, Lestari");
        assertThat(r.values(DcElement.TYPE)).containsExactly("Article", "PeerReviewed");
        assertThat(r.values(DcElement.RELATION)).containsExactly("doi:10.14710/jtlc.8.3.201-212");
    }

    @Test
    void decodesPlusAsSpaceAndKeepsRepeatedKeysInOrder() {
        assertThat(CoinsExtractor.decode("rft.au=A+One&rft.au=B%20Two&broken=%G1&=x&rft.date=2020"))
                .containsEntry("rft.au", List.of("A One", "B Two"))
                .containsEntry("rft.date", List.of("2020"))
                .doesNotContainKey("broken");
    }
}
