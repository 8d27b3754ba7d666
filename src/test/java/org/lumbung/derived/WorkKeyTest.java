package org.lumbung.derived;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WorkKeyTest {

    @Test
    void foldsCaseAccentsApostrophesAndPunctuation() {
        assertThat(WorkKey.title("Tafsīr al-Qur'ān tentang Keadilan Sosial."))
                .isEqualTo(WorkKey.title("TAFSIR AL QURAN TENTANG KEADILAN SOSIAL"))
                .isEqualTo("tafsir al quran tentang keadilan sosial");
        assertThat(WorkKey.title("Kebijakan luar negeri terhadap Turki masa Erdoğan"))
                .isEqualTo(WorkKey.title("Kebijakan Luar Negeri terhadap Turki Masa Erdogan"));
    }

    @Test
    void cutsTheSubtitleButKeepsAPartsNumber() {
        assertThat(WorkKey.title("Implementasi pendidikan karakter: studi kasus di Sleman"))
                .isEqualTo(WorkKey.title("Implementasi pendidikan karakter"));
        assertThat(WorkKey.title("Metode penelitian kualitatif: Part I"))
                .isNotEqualTo(WorkKey.title("Metode penelitian kualitatif: Part II"))
                .isEqualTo("metode penelitian kualitatif part i");
        assertThat(WorkKey.title("Why do villages borrow? Evidence from Java")).isEqualTo("why do villages borrow");
        assertThat(WorkKey.title("Pengantar linguistik Jawa - Part 2")).isEqualTo("pengantar linguistik jawa part 2");
    }

    @Test
    void keepsTheSubtitleOfAShortMainTitle() {
        assertThat(WorkKey.title("COVID-19: dampak ekonomi pada UMKM")).isEqualTo("covid 19 dampak ekonomi pada umkm");
    }

    @Test
    void joinsTitleFamilyNameAndYear() {
        assertThat(WorkKey.of("Sejarah perpustakaan di Jawa", "Wibowo, Sri", 2021))
                .isEqualTo("sejarah perpustakaan di jawa|wibowo|2021");
        assertThat(WorkKey.of("Sejarah perpustakaan di Jawa", "Ḥasan, Muḥammad", 2021))
                .isEqualTo(WorkKey.of("Sejarah perpustakaan di Jawa", "Hasan, Muhammad", 2021));
    }

    @Test
    void hasNoKeyWithoutTitleCreatorOrYearOrForAGenericTitle() {
        assertThat(WorkKey.of(null, "Wibowo, Sri", 2021)).isNull();
        assertThat(WorkKey.of("Sejarah perpustakaan di Jawa", null, 2021)).isNull();
        assertThat(WorkKey.of("Sejarah perpustakaan di Jawa", "Wibowo, Sri", null)).isNull();
        assertThat(WorkKey.of("Editorial", "Redaksi", 2022)).isNull();
        assertThat(WorkKey.of("Kata Pengantar.", "Redaksi", 2022)).isNull();
    }

    @Test
    void cutsALongTitleAtAWord() {
        String key = WorkKey.title("kata ".repeat(100));
        assertThat(key.length()).isLessThanOrEqualTo(300);
        assertThat(key).endsWith("kata");
    }
}
