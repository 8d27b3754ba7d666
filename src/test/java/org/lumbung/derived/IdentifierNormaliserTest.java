package org.lumbung.derived;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.lumbung.derived.IdentifierNormaliser.Identifier;
import org.lumbung.derived.IdentifierNormaliser.Kind;

class IdentifierNormaliserTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"10.14710/JHI.V12I1.101", "https://doi.org/10.14710/jhi.v12i1.101",
        "http://dx.doi.org/10.14710/jhi.v12i1.101", "doi:10.14710/jhi.v12i1.101", "DOI: 10.14710/jhi.v12i1.101",
        "DOI : 10.14710/jhi.v12i1.101", "info:doi/10.14710/jhi.v12i1.101", "https://doi.org/10.14710%2Fjhi.v12i1.101",
        "http://dx.doi.org/https://doi.org/10.14710/jhi.v12i1.101", "10.14710/jhi.v12i1.101.", " 10.14710/jhi.v12i1.101 "})
    void writesEveryDoiWrappingAsTheLowerCaseName(String raw) {
        assertThat(IdentifierNormaliser.doi(raw)).isEqualTo("10.14710/jhi.v12i1.101");
        assertThat(IdentifierNormaliser.classify(raw)).isEqualTo(new Identifier(Kind.DOI, "10.14710/jhi.v12i1.101"));
    }

    @Test
    void keepsTheParenthesesInsideADoi() {
        assertThat(IdentifierNormaliser.doi("10.1016/S0370-2693(00)00889-3")).isEqualTo("10.1016/s0370-2693(00)00889-3");
        assertThat(IdentifierNormaliser.doiInText("(doi:10.1016/S0370-2693(00)00889-3).")).isEqualTo(
                "10.1016/s0370-2693(00)00889-3");
    }

    @Test
    void findsTheDoiInACitation() {
        assertThat(IdentifierNormaliser.doiInText("Viskari, E. Urine. Sanitation Value Chain (2021) 5, 1, pages 10-12."
                + " https://doi.org/10.34416/svc.00029")).isEqualTo("10.34416/svc.00029");
        assertThat(IdentifierNormaliser.doiInText("Phys. Rev. E 87 (2013) 033017")).isNull();
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(delimiter = '|', value = {
        "http://hdl.handle.net/10272/11477|HANDLE|10272/11477",
        "hdl:1721.1/8338|HANDLE|1721.1/8338",
        "urn:nbn:de:0168-ssoar-12345|URN|urn:nbn:de:0168-ssoar-12345",
        "URN:NBN:fi-fe2021061638231|URN|urn:NBN:fi-fe2021061638231",
        "https://nbn-resolving.org/urn:nbn:de:bsz:15-qucosa2-12345|URN|urn:nbn:de:bsz:15-qucosa2-12345",
        "ark:/13030/tf5p30086k|ARK|ark:/13030/tf5p30086k",
        "https://n2t.net/ark:/13960/t0ht3k41c|ARK|ark:/13960/t0ht3k41c",
        "2502-5457|ISSN|2502-5457",
        "ISSN 2046-1402|ISSN|2046-1402",
        "p-ISSN: 1348-8945|ISSN|1348-8945",
        "e-ISSN 2529-850X|ISSN|2529-850X",
        "urn:issn:1550-2376|ISSN|1550-2376",
        "1550-2376 (Online)|ISSN|1550-2376",
        "978-602-8519-93-9 (pbk.)|ISBN|9786028519939",
        "9786028519939|ISBN|9786028519939",
        "ISBN 90-5892-036-4|ISBN|9058920364",
        "urn:isbn:0-306-40615-2|ISBN|0306406152",
        "https://jurnal.example.ac.id/index.php/jhi/article/view/101|URL|https://jurnal.example.ac.id/index.php/jhi/article/view/101",
    })
    void classifiesPersistentIdentifiersAndAddresses(String raw, Kind kind, String value) {
        assertThat(IdentifierNormaliser.classify(raw)).isEqualTo(new Identifier(kind, value));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"", "hal-00830421", "123456789", "2502-5458", "12345679", "0306406153", "9786028519938",
        "ARXIV : 1303.0980", "/pmc/articles/PMC4131942/", "Jurnal Hubungan Internasional; Vol 12, No 1 (2026)",
        "article-doi", "10.1234"})
    void classifiesNothingItCannotBeSureOf(String raw) {
        assertThat(IdentifierNormaliser.classify(raw)).isNull();
        assertThat(IdentifierNormaliser.classify(null)).isNull();
    }

    @Test
    void findsEveryDoiInAText() {
        assertThat(IdentifierNormaliser.doi("<10.5047/EPS.2013.05.019>")).isEqualTo("10.5047/eps.2013.05.019");
        assertThat(IdentifierNormaliser.doi("\u300810.5047/eps.2013.05.019\u3009")).isEqualTo("10.5047/eps.2013.05.019");
        assertThat(IdentifierNormaliser.dois("Phys. Rev. E 87 (2013). \u300810.1103/PhysRevE.87.033017\u3009, see also"
                + " https://doi.org/10.1016/S0370-2693(00)00889-3. and 2010.1234/not-a-doi"))
                .containsExactly("10.1103/physreve.87.033017", "10.1016/s0370-2693(00)00889-3");
        assertThat(IdentifierNormaliser.dois(null)).isEmpty();
    }
}
