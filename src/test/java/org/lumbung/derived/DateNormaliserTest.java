package org.lumbung.derived;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DateNormaliserTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "2021|2021",
        "2021-03|2021-03",
        "2021-3-5|2021-03-05",
        "2021-03-15|2021-03-15",
        "2021-03-15T00:00:00Z|2021-03-15",
        "2014-12-28 00:00:54.316|2014-12-28",
        "2021-03-15T07:00:00+07:00|2021-03-15",
        "20210311|2021-03-11",
        "2021/03/15|2021-03-15",
        "March 2021|2021-03",
        "Mar. 15, 2021|2021-03-15",
        "15 Maret 2021|2021-03-15",
        "15th March 2021|2021-03-15",
        "15-Mar-2021|2021-03-15",
        "Desember 2019|2019-12",
        "1 Agustus 2020|2020-08-01",
        "3 Aug 2001|2001-08-03",
        "21/03/2021|2021-03-21",
        "03/21/2021|2021-03-21",
        "05/04/2021|2021-04-05",
        "21.03.2021|2021-03-21",
        "[2021]|2021",
        "c2021|2021",
        "©2018|2018",
        "(c) 2018|2018",
        "cop. 2019|2019",
        "ca. 1935|1935",
        "2019.|2019",
        "[2016?]|2016",
        "1990-2000|1990",
        "2020/21|2020",
        "Spring 2021|2021",
        "2021-02-30|2021-02",
        "2021-13-01|2021",
    })
    void readsTheFormsRepositoriesWrite(String raw, String expected) {
        assertThat(DateNormaliser.w3cdtf(raw)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"", " ", "aaaa-bb-cc", "199-?", "n.d.", "undated", "0000", "3021",
        "info:eu-repo/date/embargoEnd/2025-01-01", "1999 and 2003"})
    void givesNothingForWhatIsNoDate(String raw) {
        assertThat(DateNormaliser.w3cdtf(raw)).isNull();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"2012-06-26T19:58:24Z", "2014-12-28 00:00:54.316"})
    void tellsARepositoryTimestamp(String raw) {
        assertThat(DateNormaliser.isTimestamp(raw)).isTrue();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"2012-06-26", "2021", "15 Maret 2021"})
    void tellsADateFromATimestamp(String raw) {
        assertThat(DateNormaliser.isTimestamp(raw)).isFalse();
        assertThat(DateNormaliser.isTimestamp(null)).isFalse();
    }
}
