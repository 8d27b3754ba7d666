package org.lumbung.dc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ValueCleanerTest {

    @Test
    void composesToNfcAndCollapsesEveryKindOfSpace() {
        String decomposed = "Erdog\u0306an \u00A0 and\n\t Ays\u0327e ";
        assertThat(ValueCleaner.clean(decomposed)).isEqualTo("Erdoğan and Ayşe");
    }

    @Test
    void dropsWhatIsEmptyAfterCleaning() {
        assertThat(ValueCleaner.clean(" \u00A0\u200B ")).isNull();
        assertThat(ValueCleaner.clean(null)).isNull();
    }

    @Test
    void writesLanguageTagsInLowerCaseWithHyphens() {
        assertThat(ValueCleaner.languageTag("en_US")).isEqualTo("en-us");
        assertThat(ValueCleaner.languageTag(" ")).isNull();
    }
}
