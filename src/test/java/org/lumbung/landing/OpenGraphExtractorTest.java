package org.lumbung.landing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lumbung.landing.LandingFixtures.schemeOnHtml;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lumbung.dc.Citation;
import org.lumbung.dc.Creator;
import org.lumbung.dc.DcElement;
import org.lumbung.dc.DcRecord;

class OpenGraphExtractorTest {

    @Test
    void readsOpenGraphAndItsArticleTagsButNoProfileAddressAsAnAuthor() {
        DcRecord r = schemeOnHtml(new OpenGraphExtractor(), """
                <meta property="og:title" content="Turtles of Java">
                <meta property="og:description" content="A teaser.">
                <meta property="og:site_name" content="Reptile News">
                <meta property="article:published_time" content="2012-02-04T12:00:00+00:00">
                <meta property="article:tag" content="turtles"><meta property="article:tag" content="Java">
                <meta property="article:author" content="https://reptiles.example/people/ani">
                <meta property="article:author" content="Ani Wijaya">""");
        assertThat(r.values(DcElement.TITLE)).containsExactly("Turtles of Java");
        assertThat(r.values(DcElement.DESCRIPTION)).containsExactly("A teaser.");
        assertThat(r.values(DcElement.SUBJECT)).containsExactly("turtles", "Java");
        assertThat(r.creators()).extracting(Creator::name).containsExactly("Ani Wijaya");
        assertThat(r.citation()).containsEntry(Citation.PUBLICATION_DATE, List.of("2012-02-04T12:00:00+00:00"));
        assertThat(r.elements()).doesNotContainKey(DcElement.PUBLISHER);
    }

    @Test
    void basicTagsReadDescriptionKeywordsAndStrayDoiAndDateTags() {
        // D-Lib Magazine writes id= where name= belongs, and its date as microdata.
        DcRecord r = schemeOnHtml(new BasicMetaExtractor(), """
                <meta id="DOI" content="10.1045/may2017-contoh">
                <meta itemprop="datePublished" content="2017-05-15">
                <meta name="description" content="About the article">
                <meta name="keywords" content="Crowdsourcing, GLAM, Transcription">
                <meta name="author" content="Ani Wijaya">""");
        assertThat(r.values(DcElement.IDENTIFIER)).containsExactly("10.1045/may2017-contoh");
        assertThat(r.values(DcElement.SUBJECT)).containsExactly("Crowdsourcing", "GLAM", "Transcription");
        assertThat(r.values(DcElement.DESCRIPTION)).containsExactly("About the article");
        assertThat(r.creators()).extracting(Creator::name).containsExactly("Ani Wijaya");
        assertThat(r.citation()).containsEntry(Citation.DOI, List.of("10.1045/may2017-contoh"))
                .containsEntry(Citation.PUBLICATION_DATE, List.of("2017-05-15"));
    }
}
