package org.lumbung.dc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lumbung.language.LanguageDetector;

class DcRecordBuilderTest {

    private static final LanguageDetector DETECTOR = new LanguageDetector(List.of("id", "en", "ms"), 400);
    /** A title the detector takes for Malay, as it would a short Indonesian one that reads alike. */
    private static final String MALAY_READING = "Kesan Penggunaan Media Sosial terhadap Pencapaian Akademik Pelajar";

    private static DcRecord record(String statedLanguage, String title) {
        DcRecordBuilder builder = new DcRecordBuilder("a:1", "a").add(DcElement.TITLE, title)
                .add(DcElement.DESCRIPTION, "This article discusses the trade agreement between the member states.");
        if (statedLanguage != null) {
            builder.add(DcElement.LANGUAGE, statedLanguage);
        }
        return builder.build(DETECTOR);
    }

    @Test
    void takesTheRecordsOwnWordBetweenIndonesianAndMalayNeverOverAnotherLanguage() {
        String title = MALAY_READING;
        assertThat(DETECTOR.detect(title)).as("the detector's own reading").isEqualTo("ms");
        assertThat(record(null, title).languages(DcElement.TITLE)).containsExactly("ms");
        for (String stated : List.of("id", "ind", "id-ID", "Bahasa Indonesia")) {
            assertThat(record(stated, title).languages(DcElement.TITLE)).as(stated).containsExactly("id");
        }
        assertThat(record("id; ms", title).languages(DcElement.TITLE)).as("both stated: the detector decides")
                .containsExactly("ms");
        assertThat(record("id", title).languages(DcElement.DESCRIPTION)).as("English stays English")
                .containsExactly("en");
    }
}
