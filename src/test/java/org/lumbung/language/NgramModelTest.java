package org.lumbung.language;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NgramModelTest {

    /**
     * Every n-gram of every order of Malay, read from Lingua's files with a JSON tree reader, has its logarithmic
     * frequency in the model: the first and last of each list included, where a reader that cuts the list by hand
     * goes wrong first.
     */
    @Test
    void holdsEveryNgramOfLinguasFilesWithItsFrequency() throws IOException {
        NgramModel model = NgramModel.of("ms");
        int checked = 0;
        for (String order : new String[] {"unigram", "bigram", "trigram", "quadrigram", "fivegram"}) {
            try (InputStream in = NgramModel.class.getResourceAsStream("/language-models/ms/" + order + "s.json")) {
                JsonNode ngrams = new ObjectMapper().readTree(in).get("ngrams");
                for (Map.Entry<String, JsonNode> e : ngrams.properties()) {
                    String[] fraction = e.getKey().split("/");
                    float expected = (float) Math.log(Double.parseDouble(fraction[0])
                            / Double.parseDouble(fraction[1]));
                    for (String ngram : e.getValue().asText().split(" ")) {
                        assertThat(model.logFrequency(keyOf(ngram))).as("%s %s", order, ngram).isEqualTo(expected);
                        checked++;
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(100_000);
        assertThat(model.logFrequency(keyOf("qqxzq"))).as("an n-gram Malay does not have").isZero();
    }

    private static long keyOf(String ngram) {
        long hash = NgramModel.start();
        for (int i = 0; i < ngram.length(); i++) {
            hash = NgramModel.extend(hash, ngram.charAt(i));
        }
        return NgramModel.key(hash);
    }
}
