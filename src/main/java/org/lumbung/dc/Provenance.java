package org.lumbung.dc;

/**
 * One source's contribution to a record: the source, the OAI identifier or the page address it came under, the
 * datestamp the source gave (null for pages), and the format it was read from (an OAI metadataPrefix, {@code html}
 * or {@code text}).
 */
public record Provenance(String sourceId, String oaiIdentifier, String url, String datestamp, String format) {
}
