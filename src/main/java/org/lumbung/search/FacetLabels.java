package org.lumbung.search;

import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What a reader is shown for a facet value: a language's name for its code, a source's name for its id, other values
 * as they are. (A subject's label, the form one of its records writes, comes with the facet's counts: see
 * {@link RecordSearcher}.) Source names are read at most once a minute, not on every search.
 */
public final class FacetLabels {

    private static final Duration FRESH = Duration.ofMinutes(1);

    private final Supplier<Map<String, String>> sourceNames;
    private Map<String, String> names = Map.of();
    private long readAt;
    private boolean read;

    /** {@code sourceNames}: each source's id to its name, as the source list has them. */
    public FacetLabels(Supplier<Map<String, String>> sourceNames) {
        this.sourceNames = sourceNames;
    }

    /** Labels without source names (a source is shown by its id). */
    public static FacetLabels withoutSourceNames() {
        return new FacetLabels(Map::of);
    }

    public String label(Facet facet, String value) {
        return switch (facet) {
            case LANGUAGE -> LanguageNames.name(value);
            case SOURCE -> sourceNames().getOrDefault(value, value);
            default -> value;
        };
    }

    private synchronized Map<String, String> sourceNames() {
        long now = System.nanoTime();
        if (!read || now - readAt > FRESH.toNanos()) {
            names = Map.copyOf(sourceNames.get());
            readAt = now;
            read = true;
        }
        return names;
    }
}
