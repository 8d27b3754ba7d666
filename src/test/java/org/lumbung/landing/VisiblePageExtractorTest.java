package org.lumbung.landing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lumbung.landing.LandingFixtures.scheme;
import static org.lumbung.landing.LandingFixtures.schemeOnHtml;

import org.junit.jupiter.api.Test;
import org.lumbung.dc.Creator;
import org.lumbung.dc.DcElement;
import org.lumbung.dc.DcRecord;

class VisiblePageExtractorTest {

    private final VisiblePageExtractor visible = new VisiblePageExtractor();

    @Test
    void readsTheOjs3DefaultTheme() {
        DcRecord r = scheme(visible, "ojs3-default-theme-page.html");
        assertThat(r.values(DcElement.TITLE))
                .containsExactly("Mangrove Carbon Stocks along the Northern Coast of Central Java");
        assertThat(r.creators()).containsExactly(
                new Creator("Dewi Anggraini", "Department of Marine Science, Universitas Contoh", "0000-0002-1825-0097",
                        false),
                new Creator("Rizky Pratama", "Department of Marine Science, Universitas Contoh", null, false),
                new Creator("Hendra Gunawan", "Badan Riset dan Inovasi Nasional", "0000-0001-5109-3700", false));
        assertThat(r.values(DcElement.DESCRIPTION)).singleElement().asString()
                .startsWith("Mangrove forests store").doesNotContain("Abstract");
        assertThat(r.values(DcElement.SUBJECT)).containsExactly("blue carbon", "mangrove", "Central Java");
    }

    @Test
    void readsTheOjs2ClassicTheme() {
        DcRecord r = scheme(visible, "ojs2-article-page.html");
        assertThat(r.values(DcElement.TITLE))
                .containsExactly("Peran Badan Usaha Milik Desa dalam Pemberdayaan Ekonomi Masyarakat Pesisir");
        assertThat(r.creators()).extracting(Creator::name)
                .containsExactly("Sri Wulandari", "Bambang Hariyanto", "Maria Ulfa Nasution");
        assertThat(r.values(DcElement.DESCRIPTION)).singleElement().asString().startsWith("This study examines");
        assertThat(r.values(DcElement.SUBJECT)).containsExactly("BUMDes", "pemberdayaan", "masyarakat pesisir");
    }

    @Test
    void readsADspaceItemKeepingFamilyGivenNamesWhole() {
        DcRecord r = scheme(visible, "dspace-item-page.html");
        assertThat(r.values(DcElement.TITLE))
                .containsExactly("Pengaruh Literasi Keuangan terhadap Perilaku Menabung Mahasiswa");
        assertThat(r.creators()).extracting(Creator::name).containsExactly("Siregar, Tongam", "Lubis, Nur Aisyah");
        assertThat(r.values(DcElement.DESCRIPTION)).singleElement().asString().startsWith("Penelitian ini menguji");
    }

    @Test
    void readsAnEprintsPageButNotItsDepositingUser() {
        DcRecord r = scheme(visible, "eprints-abstract-page.html");
        assertThat(r.values(DcElement.TITLE))
                .containsExactly("Analisis Kualitas Air Sungai Kaligarang dengan Indeks Pencemaran");
        assertThat(r.creators()).extracting(Creator::name).containsExactly("Hidayat, Arif", "Permatasari, Lestari");
        assertThat(r.values(DcElement.DESCRIPTION)).singleElement().asString().startsWith("Kualitas air Sungai");
    }

    @Test
    void readsAnOpusFrontDoorWithItsLabelledAuthorAndBothAbstracts() {
        DcRecord r = scheme(visible, "opus4-frontdoor-page.html");
        assertThat(r.values(DcElement.TITLE))
                .containsExactly("Nachhaltige Stadtentwicklung in Mittelstädten: Eine vergleichende Fallstudie");
        assertThat(r.creators()).extracting(Creator::name).containsExactly("Katharina Schneider");
        assertThat(r.values(DcElement.DESCRIPTION)).hasSize(2);
    }

    @Test
    void dropsALabelOpeningAnAbstractButNotTheWordInsideIt() {
        DcRecord r = schemeOnHtml(visible, """
                <div id="articleAbstract"><h4>Abstract</h4><div>We build an abstract model.</div></div>
                <section class="item abstract">Abstrak: Kami membangun model abstrak.</section>""");
        assertThat(r.values(DcElement.DESCRIPTION)).containsExactly("We build an abstract model.",
                "Kami membangun model abstrak.");
    }

    @Test
    void fallsBackToTheOnlyHeadingThenToTheTitleElement() {
        assertThat(schemeOnHtml(visible, "<title>Site | Page</title><h1>The Article</h1>").values(DcElement.TITLE))
                .containsExactly("The Article");
        assertThat(schemeOnHtml(visible, "<title>Site | Page</title><h1>A</h1><h1>B</h1>").values(DcElement.TITLE))
                .containsExactly("Site | Page");
        assertThat(scheme(visible, "hostile-page.html").values(DcElement.TITLE)).containsExactly("Fallback & title");
    }

    @Test
    void findsATitleAndAuthorsBesideTheirLabels() {
        DcRecord r = schemeOnHtml(visible, """
                <title>PoS(CONF 2013)001</title><h1>PoS(CONF 2013)001</h1>
                <div><em>Title</em><strong>Heavy Flavour Review</strong></div>
                <div><em>Authors</em><div class="identxt">A. Peneliti</div></div>""");
        assertThat(r.values(DcElement.TITLE)).containsExactly("Heavy Flavour Review");
        assertThat(r.creators()).extracting(Creator::name).containsExactly("A. Peneliti");
    }
}
