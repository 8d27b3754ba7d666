package org.lumbung.language;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.lumbung.testing.OaiTestServer;

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
    void tellsIndonesianFromMalayOnTitleLengthText() {
        List<String> wrong = new ArrayList<>();
        for (String line : new String(OaiTestServer.fixture("language/labelled-samples.txt"), StandardCharsets.UTF_8)
                .split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String expected = line.substring(0, line.indexOf('|'));
            String text = line.substring(line.indexOf('|') + 1);
            String detected = DETECTOR.detect(text);
            if (!expected.equals(detected == null ? "none" : detected)) {
                wrong.add(expected + " taken for " + detected + ": " + text);
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void manyThreadsDetectAtOnceWithTheSameAnswersAndAFewCaches() throws Exception {
        LanguageDetector detector = new LanguageDetector(List.of("id", "en", "ms"), 400);
        List<String> texts = new ArrayList<>();
        for (String line : new String(OaiTestServer.fixture("language/labelled-samples.txt"), StandardCharsets.UTF_8)
                .split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                texts.add(line.substring(line.indexOf('|') + 1));
            }
        }
        List<String> alone = texts.stream().map(DETECTOR::detect).toList();
        int threads = 32;
        List<Future<List<String>>> answers = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int t = 0; t < threads; t++) {
                answers.add(pool.submit(() -> texts.stream().map(detector::detect).toList()));
            }
            for (Future<List<String>> answer : answers) {
                assertThat(answer.get()).isEqualTo(alone);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(detector.caches()).as("word caches, one a core or two, not one a thread")
                .isBetween(1, 2 * Runtime.getRuntime().availableProcessors());
    }

    @Test
    void saysNothingAboutTooShortAText() {
        assertThat(DETECTOR.detect("Turkey")).isNull();
        assertThat(DETECTOR.detect("")).isNull();
        assertThat(DETECTOR.detect(null)).isNull();
        assertThat(DETECTOR.detect("1234 5678 9012 3456 !!!")).isNull();
    }

    @Test
    void readsOnlyTheBoundedPrefix() {
        LanguageDetector shortSighted = new LanguageDetector(List.of("id", "en", "ms"), 60);
        String text = "Penelitian ini membahas peran perempuan dalam proses perdamaian. "
                + "The remainder of this abstract is written in English and is long enough to outweigh the start. "
                + "It describes the methods, the findings and their meaning for the peace process in the region, "
                + "and it is followed by the keywords and the references of the article.";
        assertThat(shortSighted.detect(text)).isEqualTo("id");
        assertThat(DETECTOR.detect(text)).isEqualTo("en");
    }

    @Test
    void answersAlikeWhenWordsComeFromItsCache() {
        String title = "Analisis Kualitas Pelayanan Publik di Kabupaten Sleman";
        assertThat(DETECTOR.detect(title)).isEqualTo(DETECTOR.detect(title)).isEqualTo("id");
    }

    @Test
    void refusesACandidateWithoutALanguageModel() {
        assertThatThrownBy(() -> new LanguageDetector(List.of("id", "xx"), 400))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'xx'");
    }
}
