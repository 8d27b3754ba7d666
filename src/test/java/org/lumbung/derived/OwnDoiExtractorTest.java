package org.lumbung.derived;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class OwnDoiExtractorTest {

    private static final String HAL_CITATION = "Earth, Planets and Space, Springer, 2013, 65 (8), pp.845-850."
            + " \u300810.5047/eps.2013.05.019\u3009";

    @Test
    void takesTheDoiOfTheRecordsOwnCitationInSource() {
        assertThat(OwnDoiExtractor.of(List.of("ISSN: 1343-8832", "Earth, Planets and Space", HAL_CITATION), List.of()))
                .isEqualTo("10.5047/eps.2013.05.019");
        assertThat(OwnDoiExtractor.of(List.of("Earth Planets Space 65 (2013) 845. <10.5047/EPS.2013.05.019>"), List.of()))
                .isEqualTo("10.5047/eps.2013.05.019");
    }

    @Test
    void takesTheCitedDoiBesideGalleysAndRelatedWorksInRelation() {
        assertThat(OwnDoiExtractor.of(List.of(HAL_CITATION), List.of("https://example.org/article/view/1/2",
                "10.14710/jsp.v9i2.4521.g2210", "isSupplementedBy https://doi.org/10.5061/dryad.abc")))
                .isEqualTo("10.5047/eps.2013.05.019");
    }

    @Test
    void neverTakesADoiOfRelationEvenStandingAlone() {
        for (String relation : List.of("<10.5047/eps.2013.05.019>", "10.14710/jsp.v9i2.4521.g2210",
                "https://doi.org/10.5047/eps.2013.05.019", "isPartOf 10.1234/series.7",
                "info:eu-repo/semantics/reference/doi/10.1234/cited.1")) {
            assertThat(OwnDoiExtractor.of(List.of("Earth, Planets and Space"), List.of(relation))).as(relation).isNull();
        }
    }

    @Test
    void neverTakesAnIssuesDoiStandingAloneInSource() {
        assertThat(OwnDoiExtractor.of(List.of("Jurnal Sosial dan Politik; Vol 9, No 2 (2021)", "10.14710/jsp.v9i2"),
                List.of())).isNull();
        assertThat(OwnDoiExtractor.of(List.of("10.14710/jsp.v9i2", "Jurnal Sosial 9 (2). 10.14710/jsp.v9i2"),
                List.of())).as("the issue's DOI inside a citation is still the issue's").isNull();
    }

    @Test
    void neverTakesOneOfSeveralCitedDoisOrOneARelationNames() {
        assertThat(OwnDoiExtractor.of(List.of(HAL_CITATION, "Other 1 (2). doi:10.1234/other.1"), List.of()))
                .as("two cited DOIs: which is the record's is not said").isNull();
        assertThat(OwnDoiExtractor.of(List.of(HAL_CITATION), List.of("references 10.5047/eps.2013.05.019")))
                .as("the cited DOI is also another work's").isNull();
        assertThat(OwnDoiExtractor.of(List.of("Earth, Planets and Space 65"), List.of())).isNull();
    }
}
