package org.lumbung.dc;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

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
    /** Distinct words whose scores are kept per thread (a power of two); academic vocabulary repeats, so most hit. */
    private static final int CACHE_LIMIT = 1 << 16;
    /** A word longer than this adds nothing a shorter prefix does not; it is cut. */
    private static final int MAX_WORD = 40;
    /** The least mean log frequency per n-gram a text in a candidate language shows. */
    static final float MIN_FIT = -2.75f;

    private final String[] codes;
    private final NgramModel[] models;
    private final int prefix;
    /** Each word's scores by the hash of its letters, one cache per thread so that it needs no locking. */
    private final ThreadLocal<WordCache> wordScores = ThreadLocal.withInitial(WordCache::new);

    /**
     * A detector choosing among these ISO 639-1 codes, reading the first {@code prefix} characters of a value;
     * IllegalArgumentException for a code Lingua has no language model for.
     */
    public LanguageDetector(List<String> candidates, int prefix) {
        this.codes = candidates.stream().map(c -> c.toLowerCase(Locale.ROOT)).distinct().toArray(String[]::new);
        this.models = new NgramModel[codes.length];
        for (int i = 0; i < codes.length; i++) {
            try {
                IsoCode639_1.valueOf(codes[i].toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("no language model for '" + codes[i] + "': not an ISO 639-1 code"
                        + " Lingua knows", e);
            }
            models[i] = NgramModel.of(codes[i]);
        }
        this.prefix = prefix;
    }

    /** Whether Lingua has a language model for this ISO 639-1 code, so that it can be a candidate. */
    public static boolean hasModel(String iso639_1) {
        return iso639_1 != null && iso639_1.matches("[a-z]{2}")
                && LanguageDetector.class.getResource("/language-models/" + iso639_1 + "/unigrams.json") != null;
    }

    /** The ISO 639-1 code of the text's language, or null. */
    public String detect(String text) {
        if (text == null) {
            return null;
        }
        Tally tally = new Tally(codes.length);
        WordCache cache = wordScores.get();
        char[] word = new char[MAX_WORD];
        int length = 0;
        long hash = NgramModel.start();
        int end = Math.min(text.length(), prefix);
        for (int i = 0; i <= end; i++) {
            char c = i < end ? text.charAt(i) : ' ';
            char letter = letter(c);
            if (letter != 0) {
                tally.letters++;
                if (length < MAX_WORD) {
                    word[length++] = letter;
                    hash = NgramModel.extend(hash, letter);
                }
            } else if (isSpace(c) && length > 0) {
                // Punctuation and digits are dropped without ending the word, as Lingua does: Turki-Rusia is one.
                if (tally.firstTime(NgramModel.key(hash))) {
                    tally.add(scores(cache, NgramModel.key(hash), word, length), ngramCount(length));
                }
                length = 0;
                hash = NgramModel.start();
            }
        }
        return tally.letters < MIN_LETTERS ? null : tally.best(codes);
    }

    /** One call's sums: log frequencies per candidate, n-grams and letters counted, the words already scored. */
    private static final class Tally {

        /** Distinct words remembered per call; a text with more has said enough, and repeats count again. */
        private static final int SEEN = 128;

        private final float[] total;
        private final long[] seen = new long[SEEN];
        private int seenCount;
        private long ngrams;
        private int letters;

        Tally(int candidates) {
            total = new float[candidates];
        }

        /** Whether the word with this hash is new in this text. */
        boolean firstTime(long key) {
            if (seenCount >= SEEN / 2) {
                return true;
            }
            int i = (int) key & (SEEN - 1);
            while (seen[i] != 0) {
                if (seen[i] == key) {
                    return false;
                }
                i = (i + 1) & (SEEN - 1);
            }
            seen[i] = key;
            seenCount++;
            return true;
        }

        void add(float[] scores, int wordNgrams) {
            for (int l = 0; l < total.length; l++) {
                total[l] += scores[l];
            }
            ngrams += wordNgrams;
        }

        /** The candidate with the highest sum, unless no candidate fits ({@link #MIN_FIT}). */
        String best(String[] codes) {
            int best = -1;
            for (int l = 0; l < total.length; l++) {
                if (total[l] < 0 && (best < 0 || total[l] > total[best])) {
                    best = l;
                }
            }
            return best < 0 || total[best] / ngrams < MIN_FIT ? null : codes[best];
        }
    }

    private float[] scores(WordCache cache, long key, char[] word, int length) {
        float[] scores = cache.get(key);
        if (scores == null) {
            scores = compute(word, length);
            cache.put(key, scores);
        }
        return scores;
    }

    /** Scores by word hash in an open-addressing table that empties itself when half full. */
    private static final class WordCache {

        private final long[] keys = new long[CACHE_LIMIT * 2];
        private final float[][] values = new float[CACHE_LIMIT * 2][];
        private int size;

        float[] get(long key) {
            int mask = keys.length - 1;
            for (int i = (int) key & mask; keys[i] != 0; i = (i + 1) & mask) {
                if (keys[i] == key) {
                    return values[i];
                }
            }
            return null;
        }

        void put(long key, float[] scores) {
            if (size >= CACHE_LIMIT) {
                Arrays.fill(keys, 0L);
                Arrays.fill(values, null);
                size = 0;
            }
            int mask = keys.length - 1;
            int i = (int) key & mask;
            while (keys[i] != 0) {
                i = (i + 1) & mask;
            }
            keys[i] = key;
            values[i] = scores;
            size++;
        }
    }

    /** Each n-gram of the word, orders 1 to 5, scored in each language with back-off to its longest known prefix. */
    private float[] compute(char[] word, int length) {
        // keys[i][m - 1]: the key of the m characters starting at i.
        long[][] keys = new long[length][];
        for (int i = 0; i < length; i++) {
            int orders = Math.min(MAX_ORDER, length - i);
            keys[i] = new long[orders];
            long hash = NgramModel.start();
            for (int m = 0; m < orders; m++) {
                hash = NgramModel.extend(hash, word[i + m]);
                keys[i][m] = NgramModel.key(hash);
            }
        }
        float[] scores = new float[models.length];
        for (int l = 0; l < models.length; l++) {
            scores[l] = sum(models[l], keys);
        }
        return scores;
    }

    private static float sum(NgramModel model, long[][] keys) {
        float sum = 0;
        for (long[] start : keys) {
            for (int n = start.length; n >= 1; n--) {
                for (int m = n; m >= 1; m--) {
                    float f = model.logFrequency(start[m - 1]);
                    if (f != 0f) {
                        sum += f;
                        break;
                    }
                }
            }
        }
        return sum;
    }

    /** White space ends a word; ASCII is told without a trip to Unicode's tables. */
    private static boolean isSpace(char c) {
        return c < '\u0080' ? c <= ' ' : Character.isSpaceChar(c);
    }

    /** The letter in lower case, or 0 for a character that is none; ASCII without a trip to Unicode's tables. */
    private static char letter(char c) {
        if (c < '\u0080') {
            char lower = (char) (c | 0x20);
            return lower >= 'a' && lower <= 'z' ? lower : 0;
        }
        return Character.isLetter(c) ? Character.toLowerCase(c) : 0;
    }

    /** How many n-grams of orders 1 to 5 a word of this length has. */
    private static int ngramCount(int length) {
        return length >= MAX_ORDER ? MAX_ORDER * length - 10 : length * (length + 1) / 2;
    }
}
