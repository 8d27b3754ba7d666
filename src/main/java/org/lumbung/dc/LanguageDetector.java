package org.lumbung.dc;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Detects the language of a value the source gave no language for. It chooses among a short list of candidates (the
 * languages a national aggregator expects), reads only a bounded prefix, and returns null when it cannot tell.
 *
 * <p>It scores the way Lingua's high-accuracy mode does, with Lingua's own models: for each candidate, the sum of the
 * log frequencies of the text's character n-grams of orders 1 to 5 within words, each n-gram absent from a model
 * backing off to its longest known prefix; the highest sum wins. That ranks Indonesian and Malay right on
 * title-length text, where trigrams alone do not. Lingua itself spends 60 to 200 microseconds a call in allocation
 * and rule checks, ten times the budget of a whole record; here the models sit in primitive tables
 * ({@link NgramModel}) and each distinct word's scores are cached, so a call costs a few microseconds.
 *
 * <p>A text in none of the candidates (Dutch or Spanish among Indonesian, English and Malay) fits every model badly:
 * when the best candidate's mean log frequency per n-gram is below {@link #MIN_FIT}, the answer is null rather than
 * the least bad candidate. Titles in a candidate language score -2.0 to -2.6, other languages -2.9 to -3.4.
 */
public final class LanguageDetector {

    private static final int MIN_LETTERS = 12;
    private static final int MAX_ORDER = 5;
    /** Distinct words whose scores are kept; academic vocabulary repeats, so the cache hits most of the time. */
    private static final int CACHE_LIMIT = 50_000;
    /** A word longer than this adds nothing a shorter prefix does not; it is cut. */
    private static final int MAX_WORD = 40;
    /** The least mean log frequency per n-gram a text in a candidate language shows. */
    static final float MIN_FIT = -2.75f;

    private final String[] codes;
    private final NgramModel[] models;
    private final int prefix;
    private final Map<String, float[]> wordScores = new ConcurrentHashMap<>();

    /** A detector choosing among these ISO 639-1 codes, reading the first {@code prefix} characters of a value. */
    public LanguageDetector(List<String> candidates, int prefix) {
        this.codes = candidates.stream().map(c -> c.toLowerCase(Locale.ROOT)).distinct().toArray(String[]::new);
        this.models = new NgramModel[codes.length];
        for (int i = 0; i < codes.length; i++) {
            IsoCode639_1.valueOf(codes[i].toUpperCase(Locale.ROOT));
            models[i] = NgramModel.of(codes[i]);
        }
        this.prefix = prefix;
    }

    /** The ISO 639-1 code of the text's language, or null. */
    public String detect(String text) {
        if (text == null) {
            return null;
        }
        int end = Math.min(text.length(), prefix);
        float[] total = new float[codes.length];
        Set<String> seen = new HashSet<>();
        StringBuilder word = new StringBuilder(MAX_WORD);
        int letters = 0;
        long ngrams = 0;
        for (int i = 0; i <= end; i++) {
            char c = i < end ? text.charAt(i) : ' ';
            if (Character.isLetter(c)) {
                letters++;
                if (word.length() < MAX_WORD) {
                    word.append(Character.toLowerCase(c));
                }
            } else if (Character.isWhitespace(c) && word.length() > 0) {
                // Punctuation and digits are dropped without ending the word, as Lingua does: Turki-Rusia is one.
                String w = word.toString();
                if (seen.add(w)) {
                    ngrams += ngramCount(w.length());
                    float[] scores = scores(w);
                    for (int l = 0; l < total.length; l++) {
                        total[l] += scores[l];
                    }
                }
                word.setLength(0);
            }
        }
        if (letters < MIN_LETTERS) {
            return null;
        }
        int best = -1;
        for (int l = 0; l < total.length; l++) {
            if (total[l] < 0 && (best < 0 || total[l] > total[best])) {
                best = l;
            }
        }
        return best < 0 || total[best] / ngrams < MIN_FIT ? null : codes[best];
    }

    /** How many n-grams of orders 1 to 5 a word of this length has. */
    private static int ngramCount(int length) {
        return length >= MAX_ORDER ? MAX_ORDER * length - 10 : length * (length + 1) / 2;
    }

    private float[] scores(String word) {
        float[] cached = wordScores.get(word);
        if (cached != null) {
            return cached;
        }
        float[] scores = compute(word);
        if (wordScores.size() >= CACHE_LIMIT) {
            wordScores.clear();
        }
        wordScores.put(word, scores);
        return scores;
    }

    /** Each n-gram of the word, orders 1 to 5, scored in each language with back-off to its longest known prefix. */
    private float[] compute(String word) {
        int length = word.length();
        // keys[i][m - 1]: the key of the m characters starting at i.
        long[][] keys = new long[length][];
        for (int i = 0; i < length; i++) {
            int orders = Math.min(MAX_ORDER, length - i);
            keys[i] = new long[orders];
            long hash = NgramModel.start();
            for (int m = 0; m < orders; m++) {
                hash = NgramModel.extend(hash, word.charAt(i + m));
                keys[i][m] = NgramModel.key(hash);
            }
        }
        float[] scores = new float[models.length];
        for (int l = 0; l < models.length; l++) {
            NgramModel model = models[l];
            float sum = 0;
            for (int i = 0; i < length; i++) {
                for (int n = keys[i].length; n >= 1; n--) {
                    for (int m = n; m >= 1; m--) {
                        float f = model.logFrequency(keys[i][m - 1]);
                        if (f != 0f) {
                            sum += f;
                            break;
                        }
                    }
                }
            }
            scores[l] = sum;
        }
        return scores;
    }
}
