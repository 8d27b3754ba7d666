package org.lumbung.landing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lumbung.dc.Citation;
import org.lumbung.dc.Creator;
import org.lumbung.dc.DcElement;
import org.lumbung.dc.DcRecord;
import org.lumbung.dc.DcRecordBuilder;

class TextPageExtractorTest {

    private static DcRecord read(String text) {
        DcRecordBuilder builder = new DcRecordBuilder("u", "s");
        new TextPageExtractor().read(new LandingPage("u", text, "s", "test"), builder);
        return builder.build(null);
    }

    private static DcRecord dump(String fixture) {
        return read(LandingFixtures.text("text/" + fixture));
    }

    @Test
    void readsIndonesianSectionNamesAndKeepsBothAbstracts() {
        DcRecord r = read("""
                Judul Artikel Percobaan
                Ani Wijaya - Universitas Contoh
                Abstrak
                Penelitian ini menguji sesuatu.

                Paragraf kedua abstrak.
                Abstract
                This study tests something.
                Kata Kunci: uji; percobaan
                """);
        assertThat(r.values(DcElement.TITLE)).containsExactly("Judul Artikel Percobaan");
        assertThat(r.creators().get(0).affiliation()).isEqualTo("Universitas Contoh");
        assertThat(r.values(DcElement.DESCRIPTION)).containsExactly(
                "Penelitian ini menguji sesuatu. Paragraf kedua abstrak.", "This study tests something.");
        assertThat(r.values(DcElement.SUBJECT)).containsExactly("uji", "percobaan");
    }

    @Test
    void toleratesEmptySections() {
        DcRecord r = read("""
                A Title

                Author One

                Citation Format:
                Abstract
                Keywords:
                Last update:
                No citation recorded.
                """);
        assertThat(r.values(DcElement.TITLE)).containsExactly("A Title");
        assertThat(r.values(DcElement.CREATOR)).containsExactly("Author One");
        assertThat(r.elements()).doesNotContainKeys(DcElement.DESCRIPTION, DcElement.SUBJECT, DcElement.IDENTIFIER);
    }

    @Test
    void readsTheOjs3DefaultThemeInEnglishAfterItsNavigation() {
        DcRecord r = dump("ojs3-default-theme-english.txt");
        assertThat(r.values(DcElement.TITLE))
                .containsExactly("Mangrove Carbon Stocks along the Northern Coast of Central Java");
        // A name line, then its affiliation line and its ORCID line.
        assertThat(r.creators()).containsExactly(
                new Creator("Dewi Anggraini", "Department of Marine Science, Universitas Contoh", "0000-0002-1825-0097",
                        false),
                new Creator("Rizky Pratama", "Department of Marine Science, Universitas Contoh", null, false),
                new Creator("Hendra Gunawan", "Badan Riset dan Inovasi Nasional", "0000-0001-5109-3700", false));
        assertThat(r.values(DcElement.SUBJECT)).containsExactly("blue carbon", "mangrove", "Central Java");
        assertThat(r.values(DcElement.DESCRIPTION)).singleElement().asString()
                .startsWith("Mangrove forests store").endsWith("higher than the national estimate.")
                .doesNotContain("Downloads", "PDF");
        assertThat(r.values(DcElement.DATE)).containsExactly("2023-03-31");
        assertThat(r.values(DcElement.IDENTIFIER)).hasSize(2).first()
                .isEqualTo("https://doi.org/10.55123/ijce.v12i1.5821");
        assertThat(r.values(DcElement.IDENTIFIER).get(1)).startsWith("Anggraini, D., Pratama, R., & Gunawan, H. (2023)")
                .doesNotContain("More Citation Formats", "BibTeX");
        assertThat(r.citation()).containsEntry(Citation.VOLUME, List.of("12"))
                .containsEntry(Citation.ISSUE, List.of("1"))
                .containsEntry(Citation.PUBLICATION_DATE, List.of("2023-03-31"))
                .containsEntry(Citation.DOI, List.of("10.55123/ijce.v12i1.5821"));
    }

    @Test
    void readsTheOjs3DefaultThemeInIndonesianWithCommaSeparatedAuthorsAndTheirEmails() {
        DcRecord r = dump("ojs3-default-theme-indonesian.txt");
        assertThat(r.values(DcElement.TITLE))
                .containsExactly("Perlindungan Hukum bagi Pekerja Migran Indonesia di Malaysia");
        assertThat(r.creators()).containsExactly(
                new Creator("Rina Marlina", "Fakultas Hukum, Universitas Contoh", null, false),
                new Creator("Yoga Aditya Putra", "Fakultas Hukum, Universitas Contoh", null, false));
        assertThat(r.values(DcElement.SUBJECT)).containsExactly("pekerja migran", "perlindungan hukum", "Malaysia");
        assertThat(r.values(DcElement.DESCRIPTION)).hasSize(2);
        assertThat(r.values(DcElement.DESCRIPTION).get(0)).startsWith("Penelitian ini mengkaji")
                .endsWith("belum menjamin hak pekerja sektor domestik.");
        assertThat(r.values(DcElement.DATE)).containsExactly("2022-12-20");
        assertThat(r.citation()).containsEntry(Citation.VOLUME, List.of("8"))
                .containsEntry(Citation.ISSUE, List.of("2"))
                .containsEntry(Citation.DOI, List.of("10.24843/jhmc.2022.v08.i02.p05"));
    }

    @Test
    void readsTheOjs2ClassicThemeWithEveryAuthorInOneLine() {
        DcRecord r = dump("ojs2-classic-english.txt");
        assertThat(r.values(DcElement.TITLE))
                .containsExactly("Peran Badan Usaha Milik Desa dalam Pemberdayaan Ekonomi Masyarakat Pesisir");
        assertThat(r.values(DcElement.CREATOR)).containsExactly("Sri Wulandari", "Bambang Hariyanto",
                "Maria Ulfa Nasution");
        assertThat(r.values(DcElement.SUBJECT)).containsExactly("BUMDes", "pemberdayaan", "masyarakat pesisir");
        assertThat(r.values(DcElement.DESCRIPTION)).singleElement().asString().startsWith("This study examines")
                .doesNotContain("Badan Pusat Statistik");
        assertThat(r.values(DcElement.IDENTIFIER)).containsExactly("http://dx.doi.org/10.31289/jipn.v6i2.2217");
        assertThat(r.citation()).containsEntry(Citation.VOLUME, List.of("6"))
                .containsEntry(Citation.ISSUE, List.of("2"))
                .containsEntry(Citation.DOI, List.of("10.31289/jipn.v6i2.2217"));
    }

    @Test
    void pairsFootnotedAuthorsWithTheirNumberedAffiliationsInAnIndonesianOjs2Page() {
        DcRecord r = dump("ojs2-classic-indonesian.txt");
        assertThat(r.values(DcElement.TITLE))
                .containsExactly("Strategi Adaptasi Petani Garam terhadap Perubahan Iklim di Pesisir Madura");
        assertThat(r.creators()).containsExactly(
                new Creator("Dedi Kurniawan", "Program Studi Agribisnis, Universitas Trunojoyo Contoh", null, true),
                new Creator("Siti Nurhaliza", "Pusat Kajian Kelautan, Universitas Trunojoyo Contoh", null, false),
                new Creator("Ahmad Fauzi", "Program Studi Agribisnis, Universitas Trunojoyo Contoh; Pusat Kajian"
                        + " Kelautan, Universitas Trunojoyo Contoh", null, false));
        assertThat(r.values(DcElement.SUBJECT)).containsExactly("petani garam", "adaptasi", "perubahan iklim",
                "salt farmers", "adaptation", "climate change");
        assertThat(r.values(DcElement.DESCRIPTION)).hasSize(2);
        assertThat(r.values(DcElement.DESCRIPTION).get(1)).startsWith("Climate change shortens")
                .doesNotContain("Key words");
    }

    @Test
    void takesEmailsOrcidsAndTheCorrespondingMarkOutOfSeedStyleAuthorLines() {
        DcRecord r = dump("seed-style-contacts.txt");
        assertThat(r.values(DcElement.TITLE))
                .containsExactly("Diplomasi Kopi Indonesia di Pasar Eropa: Studi Kasus Kopi Gayo");
        assertThat(r.creators()).containsExactly(
                new Creator("Nadia Putri Maharani", "Department of International Relations, Universitas Contoh,"
                        + " Indonesia", null, true),
                new Creator("Andreas Wijaya", "Department of International Relations, Universitas Contoh, Indonesia",
                        "0000-0003-1415-9269", false),
                new Creator("Lukman Hakim", "Pusat Studi Eropa, Universitas Contoh", null, true));
        assertThat(r.values(DcElement.SUBJECT)).containsExactly("coffee diplomacy", "Gayo coffee", "European Union",
                "geographical indication");
        assertThat(r.values(DcElement.DESCRIPTION)).singleElement().asString()
                .startsWith("Indonesian coffee diplomacy").contains("how the government").doesNotContain("Fulltext");
        // The filled Citation Format is the citation; the Abstract heading right after it ends it.
        assertThat(r.values(DcElement.IDENTIFIER)).singleElement().asString().startsWith("Maharani, N. P.")
                .doesNotContain("Abstract");
        assertThat(r.citation()).containsEntry(Citation.DOI, List.of("10.14710/jirc.v7i3.31122"));
    }

    @Test
    void aLineOfNothingButAParenthesisAmongTheAuthorsIsNoFailure() {
        // Found by fuzzing (PageRecordsFuzzTestInputs/text/lone-parenthesis-line-after-an-author.txt): split("[,(]")
        // of "(" is an empty array, and the affiliation test read its first element.
        DcRecord r = read("""
                Judul

                Dewi Anggraini*, Rizky Pratama
                (
                Universitas Contoh
                """);
        assertThat(r.creators()).extracting(Creator::name).startsWith("Dewi Anggraini", "Rizky Pratama");
    }

    @Test
    void readsAuthorLinesWithOtherSeparators() {
        DcRecord r = read("""
                Judul

                Ani Wijaya | Universitas Contoh | ani@contoh.ac.id
                Budi Santoso (Institut Teknologi Contoh)
                Citra Dewi\tPoliteknik Negeri Contoh
                Dian Sari*, Eko Prasetyo dan Fajar Nugroho
                """);
        assertThat(r.creators()).containsExactly(
                new Creator("Ani Wijaya", "Universitas Contoh", null, false),
                new Creator("Budi Santoso", "Institut Teknologi Contoh", null, false),
                new Creator("Citra Dewi", "Politeknik Negeri Contoh", null, false),
                new Creator("Dian Sari", null, null, true),
                new Creator("Eko Prasetyo", null, null, false),
                new Creator("Fajar Nugroho", null, null, false));
    }
}
