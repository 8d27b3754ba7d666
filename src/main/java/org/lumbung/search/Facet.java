package org.lumbung.search;

import java.util.Arrays;
import java.util.Optional;

/**
 * The facets of the search page: each a URL parameter, the keyword (or integer) field it counts, and how many values
 * it shows. Years are listed newest first, the others by count.
 */
public enum Facet {
    SOURCE("source", "source.id", 10),
    /** The creators' names as normalised ({@code Family, Given}), as doc values only (not indexed). */
    AUTHOR("author", "facet.creator", 10),
    YEAR("year", "derived.publishedYear", 15),
    TYPE("type", "derived.type.label", 10),
    LANGUAGE("language", "derived.language.iso639_3", 10),
    SUBJECT("subject", "facet.subject", 15),
    ACCESS("access", "derived.accessRights.label", 5);

    private final String parameter;
    private final String field;
    private final int size;

    Facet(String parameter, String field, int size) {
        this.parameter = parameter;
        this.field = field;
        this.size = size;
    }

    public String parameter() {
        return parameter;
    }

    public String field() {
        return field;
    }

    public int size() {
        return size;
    }

    public static Optional<Facet> byParameter(String name) {
        return Arrays.stream(values()).filter(f -> f.parameter.equals(name)).findFirst();
    }
}
