package org.lumbung.landing;

/**
 * Reads one metadata scheme of an HTML page (Highwire tags, Dublin Core tags, JSON-LD...) into findings of its own,
 * which {@link HtmlMetaExtractor} then weighs against the other schemes'. Total: odd or hostile HTML never throws.
 */
interface SchemeExtractor {

    void read(HtmlPage page, Findings out);
}
