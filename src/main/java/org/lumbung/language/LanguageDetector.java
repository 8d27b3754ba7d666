package org.lumbung.language;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

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
    /** Words whose scores one cache keeps (a power of two); academic vocabulary repeats, so most lookups hit. */
    private static final int CACHE_LIMIT = 1 << 17;
    /**
     * Caches at most, each 2.6 MB with three candidates: enough for every core to detect at once. They were one a
     * thread, and a fleet of sources runs on dozens of threads: 46 of them held 124 MB of a 256 MB heap when it ran
     * out (issue 15).
     */
    private static final int CACHES = 2 * Runtime.getRuntime().availableProcessors();
    /** A word longer than this adds nothing a shorter prefix does not; it is cut. */
    private static final int MAX_WORD = 40;
    /** The least mean log frequency per n-gram a text in a candidate language shows. */
    static final float MIN_FIT = -2.75f;

    private final String[] codes;
    private final NgramModel[] models;
    private final int prefix;
    /**
     * Each word's scores by the hash of its letters, in caches a call borrows whole, so that it needs no locking; a
     * call that finds none idle when all are made scores its words without one.
     */
    private final Queue<WordCache> idleCaches = new ConcurrentLinkedQueue<>();
    private final AtomicInteger cachesMade = new AtomicInteger();

    /**
     * A detector choosing among these ISO 639-1 codes, reading the first {@code prefix} characters of a value;
     * IllegalArgumentException for a code Lingua has no language model for.
     */
    public LanguageDetector(List<String> candidates, int prefix) {
        this.codes = candidates.stream().map(c -> c.toLowerCase(Locale.ROOT)).distinct().toArray(String[]::new);
        for (String code : codes) {
            try {
                IsoCode639_1.valueOf(code.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("no language model for '" + code + "': not an ISO 639-1 code"
                        + " Lingua knows", e);
            }
        }
        // Read side by side: they are read at start-up, when the other cores have little else to do.
        this.models = Arrays.stream(codes).parallel().map(NgramModel::of).toArray(NgramModel[]::new);
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
        WordCache cache = borrowCache();
        try {
            return detect(text, cache);
        } finally {
            if (cache != null) {
                idleCaches.add(cache);
            }
        }
    }

    /** Word caches made so far: at most {@link #CACHES}, however many threads detect. */
    int caches() {
        return cachesMade.get();
    }

    /** An idle cache, a new one while fewer than {@link #CACHES} are made, else null. */
    private WordCache borrowCache() {
        WordCache cache = idleCaches.poll();
        if (cache == null && cachesMade.getAndUpdate(n -> n < CACHES ? n + 1 : n) < CACHES) {
            cache = new WordCache(codes.length);
        }
        return cache;
    }

    private String detect(String text, WordCache cache) {
        Tally tally = new Tally(codes.length);
        float[] scratch = cache == null ? new float[codes.length] : null;
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
                long key = NgramModel.key(hash);
                if (tally.firstTime(key)) {
                    addWord(cache, scratch, tally, key, word, length);
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

        void add(float[] scores, int offset, int wordNgrams) {
            for (int l = 0; l < total.length; l++) {
                total[l] += scores[offset + l];
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

    /** Adds the word's scores, from the cache or computed into it; without a cache, computed into the scratch. */
    private void addWord(WordCache cache, float[] scratch, Tally tally, long key, char[] word, int length) {
        if (cache == null) {
            compute(word, length, scratch, 0);
            tally.add(scratch, 0, ngramCount(length));
            return;
        }
        int slot = cache.slot(key);
        if (slot < 0) {
            slot = cache.claim(key);
            compute(word, length, cache.scores, slot * models.length);
        }
        tally.add(cache.scores, slot * models.length, ngramCount(length));
    }

    /**
     * Scores by word hash, two-way set-associative: a word lives in one of two slots, and a new word takes the place
     * of the older of them. No resizing, no clearing, no object per word.
     */
    private static final class WordCache {

        private final long[] keys = new long[CACHE_LIMIT];
        private final boolean[] newer = new boolean[CACHE_LIMIT];
        private final float[] scores;

        WordCache(int candidates) {
            scores = new float[CACHE_LIMIT * candidates];
        }

        /** The slot holding the word, or -1. */
        int slot(long key) {
            int i = (int) key & (CACHE_LIMIT - 1);
            if (keys[i] == key) {
                return i;
            }
            return keys[i ^ 1] == key ? i ^ 1 : -1;
        }

        /** A slot for the word: an empty one of its two, else the one written longer ago. */
        int claim(long key) {
            int i = (int) key & (CACHE_LIMIT - 1);
            int slot = keys[i] == 0 ? i : keys[i ^ 1] == 0 ? i ^ 1 : newer[i] ? i ^ 1 : i;
            keys[slot] = key;
            newer[slot] = true;
            newer[slot ^ 1] = false;
            return slot;
        }
    }

    /** Each n-gram of the word, orders 1 to 5, scored in each language with back-off to its longest known prefix. */
    private void compute(char[] word, int length, float[] into, int offset) {
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
        for (int l = 0; l < models.length; l++) {
            into[offset + l] = sum(models[l], keys);
        }
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
