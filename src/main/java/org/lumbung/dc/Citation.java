package org.lumbung.dc;

/**
 * Facts about the published article that a format states outright (a landing page's {@code citation_volume}, a JATS
 * {@code <volume>}, a MODS part): they take precedence over what can be parsed out of free Dublin Core values when
 * the derived fields are computed.
 */
public enum Citation {
    JOURNAL_TITLE, ISSN, VOLUME, ISSUE, FIRST_PAGE, LAST_PAGE, PUBLICATION_DATE, DOI, FULL_TEXT_URL
}
