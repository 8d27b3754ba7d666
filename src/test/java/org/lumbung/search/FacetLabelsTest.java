package org.lumbung.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FacetLabelsTest {

    @Test
    void namesLanguagesInEnglishAndIndonesianFallingBackToTheJdksEnglishName() {
        FacetLabels labels = FacetLabels.withoutSourceNames();
        assertThat(labels.label(Facet.LANGUAGE, "ind")).isEqualTo("Indonesian / Bahasa Indonesia");
        assertThat(labels.label(Facet.LANGUAGE, "eng")).isEqualTo("English / Inggris");
        assertThat(labels.label(Facet.LANGUAGE, "jav")).isEqualTo("Javanese / Jawa");
        assertThat(labels.label(Facet.LANGUAGE, "swe")).as("not in the table: the JDK's name").isEqualTo("Swedish");
        assertThat(labels.label(Facet.LANGUAGE, "xyz")).as("no name known").isEqualTo("xyz");
    }

    @Test
    void namesAValuesLanguageTagIndonesianNeverMalayWhateverFormTheTagHas() {
        for (String tag : new String[] {"id", "in", "ind", "id-ID", "ID", "id_ID"}) {
            assertThat(LanguageNames.ofCode(tag)).as(tag).isEqualTo("Indonesian / Bahasa Indonesia");
        }
        assertThat(LanguageNames.ofCode("ms")).isEqualTo("Malay / Melayu");
        assertThat(LanguageNames.ofCode("en-GB")).isEqualTo("English / Inggris");
        assertThat(LanguageNames.ofCode("jv")).isEqualTo("Javanese / Jawa");
        assertThat(LanguageNames.ofCode("und")).as("undetermined: no name shown").isNull();
        assertThat(LanguageNames.ofCode(null)).isNull();
    }

    @Test
    void namesSourcesFromTheSourceListReadOnceAMinuteAndLeavesOtherValuesAsTheyAre() {
        AtomicInteger reads = new AtomicInteger();
        FacetLabels labels = new FacetLabels(() -> {
            reads.incrementAndGet();
            return Map.of("undip-jihi-pages", "Journal of International Relations (Undip)");
        });
        assertThat(labels.label(Facet.SOURCE, "undip-jihi-pages")).isEqualTo("Journal of International Relations (Undip)");
        assertThat(labels.label(Facet.SOURCE, "unnamed")).isEqualTo("unnamed");
        assertThat(reads).as("the source list is not read on every search").hasValue(1);
        assertThat(labels.label(Facet.SUBJECT, "hubungan internasional")).isEqualTo("hubungan internasional");
        assertThat(labels.label(Facet.YEAR, "2021")).isEqualTo("2021");
    }
}
