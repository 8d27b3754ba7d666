package org.lumbung.dc;

/**
 * One source's contribution to a record: the source, the OAI identifier or the page address it came under, the
 * datestamp the source gave (null for pages), the format it was read from (an OAI metadataPrefix, {@code html} or
 * {@code text}), and the record as the source sent it (the raw archive: the OAI {@code <record>} or the page), from
 * which the record can be read again by newer crosswalks without harvesting again.
 */
public record Provenance(String sourceId, String oaiIdentifier, String url, String datestamp, String format,
                         String raw) {

    public Provenance(String sourceId, String oaiIdentifier, String url, String datestamp, String format) {
        this(sourceId, oaiIdentifier, url, datestamp, format, null);
    }

    /**
     * What identifies this contribution whatever record it ends up in: {@code oai:<source>:<identifier>} for a
     * harvested record, {@code page:<address>} for a page.
     */
    public String key() {
        return oaiIdentifier != null ? "oai:" + sourceId + ":" + oaiIdentifier : "page:" + url;
    }

    public Provenance withRaw(String text) {
        return new Provenance(sourceId, oaiIdentifier, url, datestamp, format, text);
    }
}
