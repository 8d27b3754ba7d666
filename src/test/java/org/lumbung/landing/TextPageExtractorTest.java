package org.lumbung.landing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.lumbung.dc.DcElement;
import org.lumbung.dc.DcRecord;
import org.lumbung.dc.DcRecordBuilder;

class TextPageExtractorTest {

    private static DcRecord read(String text) {
        DcRecordBuilder builder = new DcRecordBuilder("u", "s");
        new TextPageExtractor().read(new LandingPage("u", text, "s", "test"), builder);
        return builder.build(null);
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
}
