package org.lumbung.landing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lumbung.landing.LandingFixtures.scheme;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lumbung.dc.Citation;
import org.lumbung.dc.Creator;
import org.lumbung.dc.DcElement;
import org.lumbung.dc.DcRecord;

class DublinCoreMetaExtractorTest {

    private final DublinCoreMetaExtractor dc = new DublinCoreMetaExtractor();

    @Test
    void readsTheOjsDublinCoreMetaPluginWithALanguagePerLocale() {
        DcRecord r = scheme(dc, "ojs2-article-page.html");
        assertThat(r.values(DcElement.TITLE)).containsExactly(
                "Peran Badan Usaha Milik Desa dalam Pemberdayaan Ekonomi Masyarakat Pesisir",
                "The Role of Village-Owned Enterprises in the Economic Empowerment of Coastal Communities");
        assertThat(r.languages(DcElement.TITLE)).containsExactly(null, "en");
        assertThat(r.languages(DcElement.DESCRIPTION)).containsExactly("en", "id");
        assertThat(r.values(DcElement.SUBJECT)).containsExactly("BUMDes", "pemberdayaan", "masyarakat pesisir",
                "village-owned enterprise", "empowerment", "coastal communities");
        assertThat(r.languages(DcElement.SUBJECT)).containsExactly("id", "id", "id", "en", "en", "en");
        assertThat(r.creators()).extracting(Creator::name)
                .containsExactly("Sri Wulandari", "Bambang Hariyanto", "Maria Ulfa Nasution");
        // Only DC.Date.issued is the publication date; created, submitted and modified are not DC dates here.
        assertThat(r.values(DcElement.DATE)).containsExactly("2017-12-28");
        assertThat(r.values(DcElement.TYPE)).containsExactly("Text.Serial.Journal");
        assertThat(r.values(DcElement.RIGHTS)).containsExactly("Copyright (c) 2017 Jurnal Ilmu Pemerintahan Nusantara",
                "http://creativecommons.org/licenses/by-nc/4.0");
        assertThat(r.citation()).containsEntry(Citation.FIRST_PAGE, List.of("145"))
                .containsEntry(Citation.LAST_PAGE, List.of("160"))
                .containsEntry(Citation.VOLUME, List.of("6"))
                .containsEntry(Citation.ISSUE, List.of("2"))
                .containsEntry(Citation.ISSN, List.of("2354-7631"))
                .containsEntry(Citation.PUBLICATION_DATE, List.of("2017-12-28"))
                .containsEntry(Citation.DOI, List.of("10.31289/jipn.v6i2.2217"));
    }

    @Test
    void dropsTheInternalArticleNumberOjsWritesAsItsIdentifier() {
        DcRecord r = scheme(dc, "ojs2-article-page.html");
        assertThat(r.values(DcElement.IDENTIFIER)).containsExactly("10.31289/jipn.v6i2.2217",
                "http://jurnal.contoh.ac.id/index.php/jipn/article/view/2217");
    }

    @Test
    void readsDspaceDctermsRefinementsAndTheirLanguages() {
        DcRecord r = scheme(dc, "dspace-item-page.html");
        assertThat(r.values(DcElement.TITLE))
                .containsExactly("Pengaruh Literasi Keuangan terhadap Perilaku Menabung Mahasiswa");
        assertThat(r.languages(DcElement.TITLE)).containsExactly("id");
        assertThat(r.values(DcElement.DESCRIPTION)).hasSize(2);
        assertThat(r.languages(DcElement.DESCRIPTION)).containsExactly("id", "en-us");
        assertThat(r.creators()).extracting(Creator::name).containsExactly("Siregar, Tongam", "Lubis, Nur Aisyah");
        assertThat(r.values(DcElement.DATE)).containsExactly("2021-06");
        assertThat(r.values(DcElement.IDENTIFIER)).containsExactly(
                "Siregar, T. & Lubis, N. A. (2021). Pengaruh Literasi Keuangan terhadap Perilaku Menabung Mahasiswa."
                        + " Jurnal Ekonomi dan Bisnis Contoh, 9(1), 33-47.",
                "2338-9627", "https://repository.contoh.ac.id/handle/123456789/40218");
        assertThat(r.values(DcElement.SOURCE)).containsExactly("Jurnal Ekonomi dan Bisnis Contoh;Vol 9, No 1 (2021)");
        assertThat(r.citation()).containsEntry(Citation.PUBLICATION_DATE, List.of("2021-06"));
    }

    @Test
    void readsLowerCaseDcTagsWithADoiPrefixAndHtmlLangAttributes() {
        DcRecord prism = scheme(dc, "prism-publisher-page.html");
        assertThat(prism.values(DcElement.IDENTIFIER)).containsExactly("doi:10.1038/s41598-020-65912-3");
        assertThat(prism.citation()).containsEntry(Citation.DOI, List.of("10.1038/s41598-020-65912-3"));
        assertThat(prism.creators()).extracting(Creator::name)
                .containsExactly("Sutrisno, Made", "Halim, Farah", "O'Connor, Liam");
        DcRecord opus = scheme(dc, "opus4-frontdoor-page.html");
        assertThat(opus.languages(DcElement.TITLE)).containsExactly("de", "en");
        assertThat(opus.values(DcElement.IDENTIFIER)).startsWith("urn:nbn:de:bsz:999-opus4-61734");
        assertThat(opus.values(DcElement.LANGUAGE)).containsExactly("deu");
    }
}
