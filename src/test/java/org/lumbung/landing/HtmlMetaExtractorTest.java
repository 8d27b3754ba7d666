package org.lumbung.landing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.lumbung.dc.Citation;
import org.lumbung.dc.Creator;
import org.lumbung.dc.DcElement;
import org.lumbung.dc.DcRecord;
import org.lumbung.dc.DcRecordBuilder;
import org.lumbung.testing.OaiTestServer;

class HtmlMetaExtractorTest {

    private static final String HTML = new String(OaiTestServer.fixture("landing/ojs3-article-page.html"),
            StandardCharsets.UTF_8);

    @Test
    void readsCitationAndDublinCoreTagsOfAnOjsPage() {
        DcRecordBuilder builder = new DcRecordBuilder("u", "s");
        new HtmlMetaExtractor().read(new LandingPage("https://jurnal.example.ac.id/x", HTML, "s", "test"), builder);
        DcRecord r = builder.build(null);
        assertThat(r.values(DcElement.TITLE)).containsExactly("Diplomasi Digital Indonesia di Era Pandemi",
                "Indonesia's Digital Diplomacy in the Pandemic Era");
        assertThat(r.languages(DcElement.TITLE)).containsExactly(null, "en");
        assertThat(r.creators()).containsExactly(new Creator("Rahmawati Putri", "Universitas Contoh", null, false),
                new Creator("Joko Susilo", "Universitas Lain", null, false));
        assertThat(r.values(DcElement.DESCRIPTION)).hasSize(2);
        assertThat(r.languages(DcElement.DESCRIPTION)).containsExactly("en", "id");
        assertThat(r.values(DcElement.SUBJECT)).containsExactly("diplomasi digital", "pandemi");
        assertThat(r.values(DcElement.IDENTIFIER)).contains("10.14710/jhi.2022.41230",
                "https://jurnal.example.ac.id/index.php/jhi/article/view/41230");
        assertThat(r.values(DcElement.DATE)).containsExactly("2022/06/30", "2022-06-30");
        assertThat(r.values(DcElement.SOURCE)).containsExactly("Jurnal Hubungan Internasional", "2502-5457");
        assertThat(r.values(DcElement.RIGHTS)).contains("https://creativecommons.org/licenses/by-sa/4.0");
        assertThat(r.citation()).containsEntry(Citation.VOLUME, java.util.List.of("11"))
                .containsEntry(Citation.ISSUE, java.util.List.of("2"))
                .containsEntry(Citation.ISSN, java.util.List.of("2502-5457"))
                .containsEntry(Citation.DOI, java.util.List.of("10.14710/jhi.2022.41230"))
                .containsEntry(Citation.FULL_TEXT_URL,
                        java.util.List.of("https://jurnal.example.ac.id/index.php/jhi/article/download/41230/29876"));
    }

    @Test
    void findsThePagesOwnAddress() {
        assertThat(HtmlMetaExtractor.declaredUrl(Jsoup.parse(HTML)))
                .isEqualTo("https://jurnal.example.ac.id/index.php/jhi/article/view/41230");
    }
}
