package org.lumbung.language;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One language's character n-gram model (orders 1 to 5) as Lingua ships it in its jar
 * ({@code /language-models/<iso 639-1>/<order>grams.json}, relative frequencies), held as the natural logarithms of
 * those frequencies in one open-addressing table keyed by a 64-bit hash of the n-gram. About 12 bytes per n-gram
 * instead of the boxed map entries Lingua builds, and no allocation per lookup. Loaded once per language per JVM.
 */
final class NgramModel {

    private static final String[] ORDERS = {"unigram", "bigram", "trigram", "quadrigram", "fivegram"};
    private static final Map<String, NgramModel> LOADED = new ConcurrentHashMap<>();
    /**
     * The models' field names are frequencies, thousands of them used once: not canonicalised nor interned, which
     * cost more than the rest of the reading.
     */
    private static final JsonFactory JSON = JsonFactory.builder()
            .disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES)
            .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
            .build();
    private static final long SEED = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;

    private long[] keys = new long[1 << 12];
    private float[] values = new float[1 << 12];
    private int size;

    private NgramModel() {
    }

    /** The model of a language, by ISO 639-1 code; IllegalArgumentException when Lingua has none. */
    static NgramModel of(String iso639_1) {
        return LOADED.computeIfAbsent(iso639_1, NgramModel::load);
    }

    /** The hash of an n-gram grown by one character: start from {@link #start()}, then {@link #key} it to look up. */
    static long extend(long hash, char c) {
        return (hash ^ c) * PRIME;
    }

    static long start() {
        return SEED;
    }

    /** The table key of a hash: mixed, and never 0 (0 marks an empty slot). */
    static long key(long hash) {
        long h = hash;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h == 0 ? 1 : h;
    }

    /** The log frequency of the n-gram with this key, or 0 when the language's model does not have it. */
    float logFrequency(long key) {
        int mask = keys.length - 1;
        for (int i = (int) key & mask; ; i = (i + 1) & mask) {
            long k = keys[i];
            if (k == key) {
                return values[i];
            }
            if (k == 0) {
                return 0f;
            }
        }
    }

    private static NgramModel load(String iso639_1) {
        NgramModel model = new NgramModel();
        for (String order : ORDERS) {
            String resource = "/language-models/" + iso639_1 + "/" + order + "s.json";
            try (InputStream in = NgramModel.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalArgumentException("no language model for '" + iso639_1 + "' (" + resource + ")");
                }
                model.read(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the language model " + resource, e);
            }
        }
        return model;
    }

    /** Reads {@code {"language": ..., "ngrams": {"<numerator>/<denominator>": "<ngram> <ngram> ...", ...}}}. */
    private void read(InputStream in) throws IOException {
        try (JsonParser json = JSON.createParser(in)) {
            while (json.nextToken() != null) {
                if (json.currentToken() == JsonToken.FIELD_NAME && "ngrams".equals(json.currentName())) {
                    json.nextToken();
                    while (json.nextToken() == JsonToken.FIELD_NAME) {
                        float logFrequency = logOf(json.currentName());
                        json.nextToken();
                        putEach(json.getTextCharacters(), json.getTextOffset(), json.getTextLength(), logFrequency);
                    }
                }
            }
        }
    }

    private static float logOf(String fraction) {
        int slash = fraction.indexOf('/');
        double numerator = Double.parseDouble(fraction.substring(0, slash));
        double denominator = Double.parseDouble(fraction.substring(slash + 1));
        return (float) Math.log(numerator / denominator);
    }

    /** Puts each n-gram of a space-separated list, hashed where it stands, with no string made for each. */
    private void putEach(char[] text, int offset, int length, float logFrequency) {
        long hash = start();
        boolean inNgram = false;
        for (int i = offset, end = offset + length; i <= end; i++) {
            if (i == end || text[i] == ' ') {
                if (inNgram) {
                    put(key(hash), logFrequency);
                }
                hash = start();
                inNgram = false;
            } else {
                hash = extend(hash, text[i]);
                inNgram = true;
            }
        }
    }

    private void put(long key, float value) {
        if ((size + 1) * 4L > keys.length * 3L) {
            grow();
        }
        int mask = keys.length - 1;
        int i = (int) key & mask;
        while (keys[i] != 0 && keys[i] != key) {
            i = (i + 1) & mask;
        }
        if (keys[i] == 0) {
            size++;
        }
        keys[i] = key;
        values[i] = value;
    }

    private void grow() {
        long[] oldKeys = keys;
        float[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new float[oldValues.length * 2];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != 0) {
                put(oldKeys[i], oldValues[i]);
            }
        }
    }
}
