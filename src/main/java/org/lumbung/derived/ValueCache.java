package org.lumbung.derived;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Remembers what a normaliser made of a value. A repository repeats the same few types, languages and rights
 * statements in every record, so most lookups hit; the cache empties itself when full rather than grow, and is safe
 * for the concurrent harvests that share a normaliser.
 */
final class ValueCache<V> {

    private static final int LIMIT = 10_000;

    private final Map<String, Optional<V>> values = new ConcurrentHashMap<>();
    private final Function<String, V> compute;

    ValueCache(Function<String, V> compute) {
        this.compute = compute;
    }

    /** What {@code compute} gives for the value (null included), computed once while remembered. */
    V get(String value) {
        Optional<V> known = values.get(value);
        if (known == null) {
            if (values.size() >= LIMIT) {
                values.clear();
            }
            known = Optional.ofNullable(compute.apply(value));
            values.put(value, known);
        }
        return known.orElse(null);
    }
}
