package org.lumbung.harvest;

/**
 * One harvest: the source, its base URL and metadataPrefix, optionally a set, and optionally an explicit from/until
 * in the repository's own granularity. Without from and until the harvest is incremental: it starts where the
 * source's checkpoint says, and resumes an interrupted harvest from its last resumption token.
 */
public record HarvestRequest(String sourceId, String baseUrl, String metadataPrefix, String set, String from,
                             String until, SourceOptions options) {

    public HarvestRequest(String sourceId, String baseUrl, String metadataPrefix, String set, String from,
                          String until) {
        this(sourceId, baseUrl, metadataPrefix, set, from, until, SourceOptions.DEFAULT);
    }

    public boolean explicitWindow() {
        return from != null || until != null;
    }

    public HarvestRequest withMetadataPrefix(String prefix) {
        return new HarvestRequest(sourceId, baseUrl, prefix, set, from, until, options);
    }

    /** Whether the format is Lumbung's to choose ({@link FormatChoice}). */
    public boolean autoFormat() {
        return "auto".equalsIgnoreCase(metadataPrefix);
    }
}
