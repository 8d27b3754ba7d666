package org.lumbung.dc;

import java.util.Locale;
import java.util.Optional;

/** The fifteen Dublin Core elements (http://purl.org/dc/elements/1.1/), in the order of the specification. */
public enum DcElement {
    TITLE, CREATOR, SUBJECT, DESCRIPTION, PUBLISHER, CONTRIBUTOR, DATE, TYPE, FORMAT, IDENTIFIER, SOURCE, LANGUAGE,
    RELATION, COVERAGE, RIGHTS;

    public static final String NAMESPACE = "http://purl.org/dc/elements/1.1/";

    /** The element's name as Dublin Core spells it: {@code title}, {@code creator}... */
    public String term() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<DcElement> fromTerm(String term) {
        for (DcElement e : values()) {
            if (e.term().equalsIgnoreCase(term)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }
}
