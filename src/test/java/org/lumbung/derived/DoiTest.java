package org.lumbung.derived;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DoiTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"10.14710/JHI.V12I1.101", "https://doi.org/10.14710/jhi.v12i1.101",
        "http://dx.doi.org/10.14710/jhi.v12i1.101", "https://www.doi.org/10.14710/jhi.v12i1.101",
        "doi.org/10.14710/jhi.v12i1.101", "doi:10.14710/jhi.v12i1.101", "DOI: 10.14710/jhi.v12i1.101",
        "DOI : 10.14710/jhi.v12i1.101", "doi 10.14710/jhi.v12i1.101", "info:doi/10.14710/jhi.v12i1.101",
        "urn:doi:10.14710/jhi.v12i1.101", "https://doi.org/10.14710%2Fjhi.v12i1.101",
        "http://dx.doi.org/https://doi.org/10.14710/jhi.v12i1.101", "10.14710/jhi.v12i1.101.",
        " 10.14710/jhi.v12i1.101 ", "<10.14710/jhi.v12i1.101>", "\u300810.14710/jhi.v12i1.101\u3009"})
    void writesEveryDoiWrappingAsTheLowerCaseName(String raw) {
        assertThat(Doi.of(raw)).isEqualTo("10.14710/jhi.v12i1.101");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"", "10.1234", "10.12/too-short-a-registrant", "ade/1391109086",
        "https://doi.org/", "10.14710/jhi v12", "https://example.org/10.14710/jhi.v12i1.101",
        "Phys. Rev. E 87 (2013) 033017"})
    void refusesLookAlikes(String raw) {
        assertThat(Doi.of(raw)).isNull();
        assertThat(Doi.of(null)).isNull();
    }

    @Test
    void keepsTheParenthesesInsideADoi() {
        assertThat(Doi.of("10.1016/S0370-2693(00)00889-3")).isEqualTo("10.1016/s0370-2693(00)00889-3");
        assertThat(Doi.labelledIn("(doi:10.1016/S0370-2693(00)00889-3).")).isEqualTo("10.1016/s0370-2693(00)00889-3");
    }

    @Test
    void findsTheDoiACitationLabels() {
        assertThat(Doi.labelledIn("Viskari, E. Urine. Sanitation Value Chain (2021) 5, 1, pages 10-12."
                + " https://doi.org/10.34416/svc.00029")).isEqualTo("10.34416/svc.00029");
        assertThat(Doi.labelledIn("Phys. Rev. E 87 (2013) 033017")).isNull();
        // Unlabelled, a DOI name in a citation may be a cited work's: labelledIn does not take it.
        assertThat(Doi.labelledIn("Cites 10.1234/abc")).isNull();
    }

    @Test
    void findsEveryDoiInAText() {
        assertThat(Doi.allIn("Phys. Rev. E 87 (2013). \u300810.1103/PhysRevE.87.033017\u3009, see also"
                + " https://doi.org/10.1016/S0370-2693(00)00889-3. and 2010.1234/not-a-doi"))
                .containsExactly("10.1103/physreve.87.033017", "10.1016/s0370-2693(00)00889-3");
        assertThat(Doi.allIn(null)).isEmpty();
    }

    @Test
    void findsTheFirstDoiAsWrittenWithItsLink() {
        assertThat(Doi.firstIn("DOI: https://doi.org/10.14710/JHI.v12i1.101 (PDF)"))
                .isEqualTo("https://doi.org/10.14710/JHI.v12i1.101");
        assertThat(Doi.firstIn("doi:10.14710/JHI.v12i1.101")).isEqualTo("doi:10.14710/JHI.v12i1.101");
        assertThat(Doi.firstIn("Vol. 12 No. 1 (2026)")).isNull();
        assertThat(Doi.firstIn("ISBN 2010.1234/5")).isNull();
    }

    @Test
    void unwrapsAsWrittenSoAPageKeepsItsCase() {
        assertThat(Doi.unwrapped("doi: https://doi.org/10.14710/JHI.v12i1.101")).isEqualTo("10.14710/JHI.v12i1.101");
        assertThat(Doi.unwrapped("ade/1391109086")).isEqualTo("ade/1391109086");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"https://doi.org/10.1/x", "http://dx.doi.org/10.1/x", "https://www.doi.org/10.1/x",
        "HTTPS://DOI.ORG/10.1/x"})
    void knowsTheResolverAddresses(String url) {
        assertThat(Doi.isResolverAddress(url)).isTrue();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"https://jurnal.example.ac.id/doi.org/10.1/x", "https://doi.org.example.com/10.1/x",
        "https://search.crossref.org/?q=10.1/x", "doi:10.1/x"})
    void takesNoOtherAddressForTheResolver(String url) {
        assertThat(Doi.isResolverAddress(url)).isFalse();
        assertThat(Doi.isResolverAddress(null)).isFalse();
    }
}
