package org.lumbung.landing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lumbung.landing.LandingFixtures.scheme;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lumbung.dc.Citation;
import org.lumbung.dc.DcElement;
import org.lumbung.dc.DcRecord;

class PrismExtractorTest {

    @Test
    void readsThePublicationFactsOfAPublisherPage() {
        DcRecord r = scheme(new PrismExtractor(), "prism-publisher-page.html");
        assertThat(r.citation()).containsEntry(Citation.JOURNAL_TITLE, List.of("Marine Letters"))
                .containsEntry(Citation.ISSN, List.of("2045-2322"))
                .containsEntry(Citation.VOLUME, List.of("15"))
                .containsEntry(Citation.ISSUE, List.of("1"))
                .containsEntry(Citation.FIRST_PAGE, List.of("9124"))
                .containsEntry(Citation.LAST_PAGE, List.of("9135"))
                .containsEntry(Citation.PUBLICATION_DATE, List.of("2020-06-04"))
                .containsEntry(Citation.DOI, List.of("10.1038/s41598-020-65912-3"));
        assertThat(r.values(DcElement.SOURCE)).containsExactly("2045-2322", "Marine Letters");
        assertThat(r.values(DcElement.DATE)).containsExactly("2020-06-04");
        assertThat(r.values(DcElement.IDENTIFIER)).containsExactly("doi:10.1038/s41598-020-65912-3");
        assertThat(r.values(DcElement.RIGHTS)).containsExactly("2020 The Author(s)");
        // PRISM names no title or author: those come from the page's dc.* tags.
        assertThat(r.elements()).doesNotContainKeys(DcElement.TITLE, DcElement.CREATOR);
    }
}
