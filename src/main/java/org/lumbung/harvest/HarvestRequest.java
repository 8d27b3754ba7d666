package org.lumbung.harvest;

/**
 * One harvest: the source, its base URL and metadataPrefix, and optionally a set and a from/until window in the
 * repository's own granularity.
 */
public record HarvestRequest(String sourceId, String baseUrl, String metadataPrefix, String set, String from,
                             String until) {
}
