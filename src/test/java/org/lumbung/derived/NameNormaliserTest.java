package org.lumbung.derived;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NameNormaliserTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        "Santoso, Budi|Santoso, Budi",
        "Budi Santoso|Santoso, Budi",
        "Falentinoris Yubilio Wiku|Wiku, Falentinoris Yubilio",
        "Pereira , Rodrigo M.|Pereira, Rodrigo M.",
        "C. Titus Brown|Brown, C. Titus",
        "Acciarri, M.|Acciarri, M.",
        "Yang, Xiaochun, 1971-|Yang, Xiaochun",
        "Raffles, Thomas Stamford, 1781-1826.|Raffles, Thomas Stamford",
        "Loen, Johann Michael von.|Loen, Johann Michael von",
        "Ludwig van Beethoven|van Beethoven, Ludwig",
        "Juan de la Cruz|de la Cruz, Juan",
        "Martin Luther King Jr.|King, Martin Luther, Jr.",
        "King, Martin Luther, Jr.|King, Martin Luther, Jr.",
        "Prof. Dr. Budi Santoso, S.H., M.Hum.|Santoso, Budi",
        "Budi Santoso, S.Pd., M.Si.|Santoso, Budi",
        "Dr. Sri Wulandari, M.Sc|Wulandari, Sri",
        "Santoso, Budi, S.E., M.M.|Santoso, Budi",
        "*Falentinoris Yubilio Wiku|Wiku, Falentinoris Yubilio",
        "Sukarno|Sukarno",
        "Tim Berners-Lee|Berners-Lee, Tim",
        "The Liang Gie|Gie, The Liang",
    })
    void writesFamilyThenGiven(String raw, String expected) {
        assertThat(NameNormaliser.familyGiven(raw)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"Massachusetts Institute of Technology. Dept. of Mathematics.",
        "Universitas Gadjah Mada", "Badan Meteorologi, Klimatologi, dan Geofisika",
        "Industriegewerkschaft Metall. Bezirk Baden-Württemberg", "Studio Kwa Wee Liang",
        "The ATLAS collaboration", "ATLAS Collaboration", "The LIGO Scientific Collaboration", "The CMS",
        "Planck Collaborators", "WHO Working Group", "Cochrane Consortium", "Universitas Andalas",
        "Lembaga Ilmu Pengetahuan Indonesia", "Tim Penyusun", "Tim Peneliti Lembaga Penerbangan dan Antariksa Nasional",
        "Kelompok Kerja Nasional", "Dinas Kesehatan Provinsi Jawa Barat", "Institute of Physics"})
    void leavesOrganisationsAsWritten(String raw) {
        assertThat(NameNormaliser.familyGiven(raw)).isEqualTo(raw);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        "https://orcid.org/0000-0002-1825-0097|0000-0002-1825-0097",
        "0000-0002-1825-0097|0000-0002-1825-0097",
        "(orcid)0000-0002-1694-233X|0000-0002-1694-233X",
        "0000000218250097|0000-0002-1825-0097",
        "http://orcid.org/0000-0002-9079-593x|0000-0002-9079-593X",
    })
    void checksOrcidIds(String raw, String expected) {
        assertThat(NameNormaliser.orcid(raw)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"0000-0002-1825-0098", "https://viaf.org/viaf/15147423189944882613", "", " "})
    void refusesWhatIsNoOrcid(String raw) {
        assertThat(NameNormaliser.orcid(raw)).isNull();
        assertThat(NameNormaliser.familyGiven(" ")).isNull();
    }
}
