package org.lumbung.derived;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HandleTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        "http://hdl.handle.net/10272/11477|10272/11477",
        "https://hdl.handle.net/1721.1/8338.|1721.1/8338",
        "hdl:1721.1/8338|1721.1/8338",
        "HDL: 1721.1/8338|1721.1/8338",
        "info:hdl/123456789/42|123456789/42",
    })
    void writesEveryHandleWrappingAsTheBareName(String raw, String expected) {
        assertThat(Handle.of(raw)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"123456789/42", "https://repository.example.ac.id/handle/123456789/42",
        "http://hdl.handle.net/", "hdl:abc/1", "https://hdl.handle.net.example.com/1721.1/8338", ""})
    void refusesLookAlikes(String raw) {
        assertThat(Handle.of(raw)).isNull();
        assertThat(Handle.of(null)).isNull();
    }
}
