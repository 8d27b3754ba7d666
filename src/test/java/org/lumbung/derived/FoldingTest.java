package org.lumbung.derived;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class FoldingTest {

    /** The patterns the loops replaced: each loop must give what its pattern gave, on any text. */
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern APOSTROPHES = Pattern.compile("['’‘`ʼʻ]");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    /**
     * Letters, numbers of every kind, marks of every kind, apostrophes, spaces and punctuation, letters and digits
     * outside the Basic Multilingual Plane, and a lone surrogate.
     */
    private static final String[] PIECES = {"a", "Z", "7", " ", "  ", "\t", "\n", "-", ":", ".", "'", "’", "‘", "`",
        "ʼ", "ʻ", "é", "e\u0301", "\u0308", "\u0903", "\u20DD", "ğ", "İ", "ı", "ß", "ø", "Ⅳ", "½", "²", "ª", "µ",
        "\uD835\uDC00", "\uD835\uDFCE", "\uD800", "\uDC00", "ﬁ", "Ａ", "中", "ك", "\u200B", "\u00A0", "\u3000", "_",
        "ß\u0301", "\uD834\uDD65"};

    @Test
    void foldsAsThePatternsDidOnAnyText() {
        Random random = new Random(17);
        for (int n = 0; n < 200_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int k = random.nextInt(9); k > 0; k--) {
                text.append(PIECES[random.nextInt(PIECES.length)]);
            }
            String s = text.toString();
            assertThat(Folding.withoutMarks(s)).as("marks of %s", escaped(s)).isEqualTo(MARKS.matcher(s).replaceAll(""));
            assertThat(Folding.withoutMarksOrApostrophes(s)).as("marks and apostrophes of %s", escaped(s))
                    .isEqualTo(APOSTROPHES.matcher(MARKS.matcher(s).replaceAll("")).replaceAll(""));
            assertThat(Folding.words(s)).as("words of %s", escaped(s))
                    .isEqualTo(NOT_WORD.matcher(s).replaceAll(" ").strip());
            assertThat(Folding.compatibilityDecomposed(s)).isEqualTo(Normalizer.normalize(s, Normalizer.Form.NFKD));
            assertThat(Folding.canonicallyDecomposed(s)).isEqualTo(Normalizer.normalize(s, Normalizer.Form.NFD));
        }
    }

    @Test
    void plainTextIsGivenBackNotCopied() {
        String plain = "Kebijakan Luar Negeri Indonesia 2019";
        assertThat(Folding.words(plain)).isSameAs(plain);
        assertThat(Folding.withoutMarksOrApostrophes(plain)).isSameAs(plain);
        assertThat(Folding.compatibilityDecomposed(plain)).isSameAs(plain);
        assertThat(Folding.words("Erdoğan's Turkey: 2019 -- a study ")).isEqualTo("Erdoğan s Turkey 2019 a study");
        assertThat(Folding.withoutMarksOrApostrophes(Folding.compatibilityDecomposed("Qur’ān Erdoğan")))
                .isEqualTo("Quran Erdogan");
    }

    private static String escaped(String s) {
        StringBuilder out = new StringBuilder();
        s.chars().forEach(c -> out.append(c < 0x80 && c >= 0x20 ? String.valueOf((char) c)
                : String.format("\\u%04X", c)));
        return out.toString();
    }
}
