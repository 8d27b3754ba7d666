package org.lumbung.derived;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UrnTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        "urn:nbn:de:0168-ssoar-12345|urn:nbn:de:0168-ssoar-12345",
        "URN:NBN:fi-fe2021061638231|urn:NBN:fi-fe2021061638231",
        "https://nbn-resolving.org/urn:nbn:de:bsz:15-qucosa2-12345|urn:nbn:de:bsz:15-qucosa2-12345",
        "http://nbn-resolving.de/URN:NBN:de:101:1-2019010113|urn:NBN:de:101:1-2019010113",
    })
    void writesEveryUrnWithALowerCaseScheme(String raw, String expected) {
        assertThat(Urn.of(raw)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"urn:isbn:0-306-40615-2", "urn:issn:1550-2376", "urn:nbn", "urn::x",
        "https://example.org/urn:nbn:de:0168-ssoar-12345", "see urn:nbn:de:0168-ssoar-12345", ""})
    void refusesLookAlikesAndTheIdentifiersWithRulesOfTheirOwn(String raw) {
        assertThat(Urn.of(raw)).isNull();
        assertThat(Urn.of(null)).isNull();
    }
}
