package org.lumbung.derived;

import java.util.Locale;

/**
 * What a record lacks that aggregators and readers need, one flag each, indexed as keywords ({@code no-date}) so that
 * Kibana can chart the quality of each source.
 */
public enum QualityFlag {
    /** No dc:title. */
    NO_TITLE,
    /** No dc:creator. */
    NO_CREATOR,
    /** No date at all. */
    NO_DATE,
    /** Dates are given but none reads as a publication date. */
    UNPARSED_DATE,
    /** No dc:identifier at all. */
    NO_IDENTIFIER,
    /** No DOI of its own, and no Handle, URN or ARK. */
    NO_PERSISTENT_IDENTIFIER,
    /** No DOI. */
    NO_DOI,
    /** No abstract or other description. */
    NO_ABSTRACT,
    /** No subject or keyword. */
    NO_SUBJECT,
    /** No type, or none that maps to a COAR resource type. */
    NO_TYPE,
    /** The language is neither stated nor detected. */
    NO_LANGUAGE,
    /** No access rights stated or implied by a licence. */
    NO_ACCESS_RIGHTS,
    /** No Creative Commons licence recognised. */
    NO_LICENCE,
    /** No full-text address, or access to it is not open. */
    NO_OPEN_FULL_TEXT;

    /** The flag as indexed: {@code no-open-full-text}. */
    public String keyword() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
