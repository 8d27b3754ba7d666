package org.lumbung.derived;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OrcidTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        "https://orcid.org/0000-0002-1825-0097|0000-0002-1825-0097",
        "0000-0002-1825-0097|0000-0002-1825-0097",
        "(orcid)0000-0002-1694-233X|0000-0002-1694-233X",
        "0000000218250097|0000-0002-1825-0097",
        "http://orcid.org/0000-0002-9079-593x|0000-0002-9079-593X",
    })
    void checksIdsInAValue(String raw, String expected) {
        assertThat(Orcid.of(raw)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"0000-0002-1825-0098", "https://viaf.org/viaf/15147423189944882613", "", " ",
        "0000-0002-1825", "ORCID"})
    void refusesWhatIsNoOrcid(String raw) {
        assertThat(Orcid.of(raw)).isNull();
        assertThat(Orcid.of(null)).isNull();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        "Ani Wijaya ORCID iD: 0000-0002-1825-0097|0000-0002-1825-0097",
        "Ani Wijaya (https://orcid.org/0000-0002-9079-593x)|0000-0002-9079-593X",
        "https://www.orcid.org/0000-0002-1825-0098|0000-0002-1825-0098",
    })
    void findsHyphenatedIdsInTextWithoutAskingTheCheckDigit(String text, String expected) {
        assertThat(Orcid.firstIn(text)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"NIK 3201234567890123", "NIP 198001012005011001", "Telp. 0812-3456-7890",
        "10000-0002-1825-00971"})
    void takesNoOtherNumberInTextForAnOrcid(String text) {
        assertThat(Orcid.firstIn(text)).isNull();
        assertThat(Orcid.firstIn(null)).isNull();
    }

    @Test
    void takesTheIdWithItsLabelAndAddressOutOfALine() {
        assertThat(Orcid.removedFrom("Ani Wijaya, ORCID iD: https://orcid.org/0000-0002-1825-0097 - UGM"))
                .isEqualTo("Ani Wijaya,   - UGM");
    }
}
