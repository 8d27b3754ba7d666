package org.lumbung.derived;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.lumbung.derived.IdentifierNormaliser.Identifier;
import org.lumbung.derived.IdentifierNormaliser.Kind;

class IdentifierNormaliserTest {

    @Test
    void triesTheDoiRuleFirst() {
        assertThat(IdentifierNormaliser.classify("https://www.doi.org/10.14710/JHI.V12I1.101"))
                .isEqualTo(new Identifier(Kind.DOI, "10.14710/jhi.v12i1.101"));
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
}
