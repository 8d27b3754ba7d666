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

class HighwireExtractorTest {

    @Test
    void givesEachOjs3AuthorTheInstitutionOrcidAndEmailThatFollowItsTag() {
        DcRecord r = scheme(HighwireExtractor.highwire(), "ojs3-default-theme-page.html");
        assertThat(r.creators()).containsExactly(
                new Creator("Dewi Anggraini", "Department of Marine Science, Universitas Contoh", "0000-0002-1825-0097",
                        true),
                new Creator("Rizky Pratama", "Department of Marine Science, Universitas Contoh", null, false),
                new Creator("Hendra Gunawan", "Badan Riset dan Inovasi Nasional", "0000-0001-5109-3700", false));
        assertThat(r.values(DcElement.TITLE)).containsExactly(
                "Mangrove Carbon Stocks along the Northern Coast of Central Java");
        assertThat(r.values(DcElement.SUBJECT)).containsExactly("blue carbon", "mangrove");
        assertThat(r.languages(DcElement.SUBJECT)).containsExactly("en", "en");
        assertThat(r.values(DcElement.DATE)).containsExactly("2023/03/31");
        assertThat(r.values(DcElement.LANGUAGE)).containsExactly("en");
        assertThat(r.citation()).containsEntry(Citation.JOURNAL_TITLE, List.of("Indonesian Journal of Coastal Ecology"))
                .containsEntry(Citation.ISSN, List.of("2746-1180"))
                .containsEntry(Citation.VOLUME, List.of("12"))
                .containsEntry(Citation.ISSUE, List.of("1"))
                .containsEntry(Citation.FIRST_PAGE, List.of("1"))
                .containsEntry(Citation.LAST_PAGE, List.of("14"))
                .containsEntry(Citation.PUBLICATION_DATE, List.of("2023/03/31"))
                .containsEntry(Citation.DOI, List.of("10.55123/ijce.v12i1.5821"))
                .containsEntry(Citation.FULL_TEXT_URL,
                        List.of("https://journal.contoh.ac.id/index.php/ijce/article/download/5821/3310"));
    }

    @Test
    void joinsTwoInstitutionsOfOneAuthorAndLeavesAnAuthorWithoutOneWithout() {
        DcRecord r = scheme(HighwireExtractor.highwire(), "ojs2-article-page.html");
        assertThat(r.creators()).containsExactly(
                new Creator("Sri Wulandari", "Universitas Contoh Semarang", null, false),
                new Creator("Bambang Hariyanto", "Universitas Contoh Semarang; Pusat Studi Pesisir, Universitas Contoh",
                        null, false),
                new Creator("Maria Ulfa Nasution", null, null, false));
        assertThat(r.values(DcElement.TITLE))
                .containsExactly("Peran Badan Usaha Milik Desa dalam Pemberdayaan Ekonomi Masyarakat Pesisir");
        assertThat(r.values(DcElement.SOURCE)).containsExactly("Jurnal Ilmu Pemerintahan Nusantara", "2354-7631");
        assertThat(r.values(DcElement.IDENTIFIER)).containsExactly("10.31289/jipn.v6i2.2217");
    }

    @Test
    void readsBepressDigitalCommonsTagsUnderTheirOwnPrefixOnly() {
        DcRecord r = scheme(HighwireExtractor.bepress(), "bepress-digital-commons-page.html");
        assertThat(r.values(DcElement.TITLE))
                .containsExactly("Community Forestry and Household Income in Rural Sumatra");
        assertThat(r.creators()).containsExactly(
                new Creator("Harahap, Yusuf", "Universitas Sumatera Contoh", null, false),
                new Creator("Collins, Emily R.", "Western Example University", null, false));
        assertThat(r.values(DcElement.DATE)).containsExactly("2016");
        assertThat(r.citation()).containsEntry(Citation.JOURNAL_TITLE, List.of("Journal of Southeast Asian Development"))
                .containsEntry(Citation.VOLUME, List.of("11"))
                .containsEntry(Citation.ISSUE, List.of("2"))
                .containsEntry(Citation.FIRST_PAGE, List.of("55"))
                .containsEntry(Citation.DOI, List.of("10.58809/jseads.2016.11.2.4"))
                .containsEntry(Citation.FULL_TEXT_URL,
                        List.of("https://scholarworks.example.edu/cgi/viewcontent.cgi?article=1204&context=jseads"));
        assertThat(scheme(HighwireExtractor.highwire(), "bepress-digital-commons-page.html").elements()).isEmpty();
    }

    @Test
    void splitsAPageRangeInTheFirstPageTagAsHalWritesIt() {
        DcRecord r = schemeOnHtml(HighwireExtractor.highwire(),
                "<meta name=\"citation_firstpage\" content=\"444-445\"><meta name=\"citation_title\" content=\"T\">");
        assertThat(r.citation()).containsEntry(Citation.FIRST_PAGE, List.of("444"))
                .containsEntry(Citation.LAST_PAGE, List.of("445"));
    }

    @Test
    void keepsAnIdThatIsNotADoiAsAnIdentifierButNotAsTheDoi() {
        // Project Euclid writes its own id in citation_doi.
        DcRecord r = schemeOnHtml(HighwireExtractor.highwire(), "<meta name=\"citation_doi\" content=\"ade/1391109086\">");
        assertThat(r.values(DcElement.IDENTIFIER)).containsExactly("ade/1391109086");
        assertThat(r.citation()).doesNotContainKey(Citation.DOI);
    }

    @Test
    void attributesNoInstitutionThatComesBeforeAnyAuthorAndMarksNobodyWhenEveryoneHasAnEmail() {
        DcRecord r = scheme(HighwireExtractor.highwire(), "hostile-page.html");
        assertThat(r.creators()).containsExactly(new Creator("Real Author", null, null, false));
        DcRecord both = schemeOnHtml(HighwireExtractor.highwire(), """
                <meta name="citation_author" content="A One"><meta name="citation_author_email" content="a@x.id">
                <meta name="citation_author" content="B Two"><meta name="citation_author_email" content="b@x.id">
                """);
        assertThat(both.creators()).extracting(Creator::corresponding).containsExactly(false, false);
    }
}
