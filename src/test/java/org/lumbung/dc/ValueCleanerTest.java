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
        assertThat(ValueCleaner.clean("<p></p>")).isNull();
    }

    @Test
    void writesLanguageTagsInLowerCaseWithHyphens() {
        assertThat(ValueCleaner.languageTag("en_US")).isEqualTo("en-us");
        assertThat(ValueCleaner.languageTag(" ")).isNull();
    }

    @Test
    void decodesEntitiesTheXmlParserLeftAlsoWhenEncodedTwice() {
        assertThat(ValueCleaner.clean("Fishers&apos; incomes &amp; costs")).isEqualTo("Fishers' incomes & costs");
        assertThat(ValueCleaner.clean("Caf&amp;eacute; &amp;amp; Bar")).isEqualTo("Café & Bar");
        assertThat(ValueCleaner.clean("&#8220;Quoted&#x201D;")).isEqualTo("\u201CQuoted\u201D");
    }

    @Test
    void leavesAmpersandsThatAreNoEntitiesAlone() {
        assertThat(ValueCleaner.clean("R&D; AT&T")).isEqualTo("R&D; AT&T");
    }

    @Test
    void reducesHtmlToItsText() {
        assertThat(ValueCleaner.clean("<p>First paragraph.</p><p>Second <em>one</em>.</p>"))
                .isEqualTo("First paragraph. Second one.");
        assertThat(ValueCleaner.clean("&lt;p&gt;Escaped &lt;b&gt;HTML&lt;/b&gt;&lt;/p&gt;")).isEqualTo("Escaped HTML");
        assertThat(ValueCleaner.clean("line one<br/>line two")).isEqualTo("line one line two");
    }

    @Test
    void keepsComparisonsThatLookLikeTags() {
        assertThat(ValueCleaner.clean("significant at p < 0.05 and q > 2")).isEqualTo("significant at p < 0.05 and q > 2");
        assertThat(ValueCleaner.clean("the <x> operator")).isEqualTo("the <x> operator");
    }

    @Test
    void joinsAWordBrokenAtALineEndHyphen() {
        assertThat(ValueCleaner.clean("Pasca Konflik Nagorno- Karabakh")).isEqualTo("Pasca Konflik Nagorno-Karabakh");
        assertThat(ValueCleaner.clean("Nagorno-\nKarabakh")).isEqualTo("Nagorno-Karabakh");
        assertThat(ValueCleaner.clean("Dampak Sosio- Ekonomi")).isEqualTo("Dampak Sosio-Ekonomi");
        assertThat(ValueCleaner.clean("pandemi COVID- 19")).isEqualTo("pandemi COVID-19");
    }

    @Test
    void neverJoinsADashBetweenWords() {
        assertThat(ValueCleaner.clean("periode 1990 - 2000")).isEqualTo("periode 1990 - 2000");
        assertThat(ValueCleaner.clean("Budi Santoso - Universitas Contoh")).isEqualTo("Budi Santoso - Universitas Contoh");
        assertThat(ValueCleaner.clean("Jakarta \u2013 Bandung")).isEqualTo("Jakarta \u2013 Bandung");
        assertThat(ValueCleaner.clean("Turki -Rusia")).isEqualTo("Turki -Rusia");
    }

    @Test
    void keepsASuspendedHyphenBeforeAConjunction() {
        assertThat(ValueCleaner.clean("pre- and post-war")).isEqualTo("pre- and post-war");
        assertThat(ValueCleaner.clean("Ein- und Ausgang")).isEqualTo("Ein- und Ausgang");
        assertThat(ValueCleaner.clean("pra- dan pascapanen")).isEqualTo("pra- dan pascapanen");
        assertThat(ValueCleaner.clean("short- to medium-term")).isEqualTo("short- to medium-term");
    }

    @Test
    void dropsSoftHyphens() {
        assertThat(ValueCleaner.clean("Karaba\u00ADkh and Karaba\u00AD kh")).isEqualTo("Karabakh and Karabakh");
    }

    @Test
    void splitsKeywordListsAtSemicolonsAndCommas() {
        assertThat(ValueCleaner.keywords("diplomasi ekonomi; ASEAN ;  ")).containsExactly("diplomasi ekonomi", "ASEAN");
        assertThat(ValueCleaner.keywords("a, b")).containsExactly("a", "b");
        assertThat(ValueCleaner.keywords("machine learning, deep learning, remote sensing"))
                .containsExactly("machine learning", "deep learning", "remote sensing");
    }

    @Test
    void keepsTheCommasOfSubjectHeadingsAndNumbers() {
        assertThat(ValueCleaner.keywords("Education, Higher")).containsExactly("Education, Higher");
        assertThat(ValueCleaner.keywords("United States -- History, 1900-1950")).containsExactly(
                "United States -- History, 1900-1950");
        assertThat(ValueCleaner.keywords("pH 6,5; salinity")).containsExactly("pH 6,5", "salinity");
        assertThat(ValueCleaner.keywords(null)).isEmpty();
    }
}
