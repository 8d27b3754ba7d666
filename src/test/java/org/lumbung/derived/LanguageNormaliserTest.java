package org.lumbung.derived;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.lumbung.derived.LanguageNormaliser.Code;

class LanguageNormaliserTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "English|eng|en",
        "english (US)|eng|en",
        "eng|eng|en",
        "EN|eng|en",
        "en_US|eng|en",
        "en-GB|eng|en",
        "id-ID|ind|id",
        "id_ID|ind|id",
        "ind|ind|id",
        "in|ind|id",
        "Bahasa Indonesia|ind|id",
        "Indonesian|ind|id",
        "Indonesia|ind|id",
        "Inggris|eng|en",
        "Bahasa Inggris|eng|en",
        "Bahasa Melayu|msa|ms",
        "may|msa|ms",
        "ger|deu|de",
        "Deutsch|deu|de",
        "fre|fra|fr",
        "Español|spa|es",
        "spa|spa|es",
        "Jawa|jav|jv",
        "Minangkabau|min|-",
        "Sundanese|sun|su",
    })
    void readsCodesAndNamesInAnyForm(String raw, String iso639_3, String iso639_1) {
        assertThat(LanguageNormaliser.codes(raw)).containsExactly(new Code(iso639_3, iso639_1));
    }

    @Test
    void readsSeveralLanguagesInOneValue() {
        assertThat(LanguageNormaliser.codes("eng; ind")).containsExactly(new Code("eng", "en"), new Code("ind", "id"));
        assertThat(LanguageNormaliser.codes("English, Indonesian")).containsExactly(new Code("eng", "en"),
                new Code("ind", "id"));
        assertThat(LanguageNormaliser.codes("Inggris dan Indonesia")).containsExactly(new Code("eng", "en"),
                new Code("ind", "id"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"", "und", "other", "unknown", "mul", "zxx", "n/a", "xx", "Klingon"})
    void givesNothingForWhatNamesNoLanguage(String raw) {
        assertThat(LanguageNormaliser.codes(raw)).isEmpty();
        assertThat(LanguageNormaliser.codes(null)).isEmpty();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        "id-ID|id",
        "EN_us|en",
        "ind|ind",
        "' zh-Hant-TW '|zh",
        "-x|''",
    })
    void cutsATagToItsPrimarySubtag(String tag, String primary) {
        assertThat(LanguageNormaliser.primarySubtag(tag)).isEqualTo(primary);
    }
}
