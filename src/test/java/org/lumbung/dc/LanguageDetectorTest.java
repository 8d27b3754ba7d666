package org.lumbung.dc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LanguageDetectorTest {

    private static final LanguageDetector DETECTOR = new LanguageDetector(List.of("id", "en", "ms"), 400);

    @Test
    void tellsTheSeedsIndonesianTitleFromItsEnglishAbstract() {
        assertThat(DETECTOR.detect("Kebijakan Luar Negeri Turki: Kesepakatan Turki kepada Rusia dalam Mendirikan"
                + " Pusat Gabungan Turki-Rusia Pasca Konflik Nagorno- Karabakh")).isEqualTo("id");
        assertThat(DETECTOR.detect("The Nagorno-Karabakh conflict, which has become a legacy of the Soviet Union,"
                + " broke out again on September 27, 2020.")).isEqualTo("en");
    }

    @Test
    void saysNothingAboutTooShortAText() {
        assertThat(DETECTOR.detect("Turkey")).isNull();
        assertThat(DETECTOR.detect("")).isNull();
        assertThat(DETECTOR.detect(null)).isNull();
    }
}
