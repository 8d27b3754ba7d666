package org.lumbung.harvest;

import java.util.List;

/**
 * One audit of a source: the repository (base URL, metadataPrefix, the sets the source harvests; none for the whole
 * repository), the source's knobs, and whether to repair what the audit finds.
 */
public record AuditRequest(String sourceId, String baseUrl, String metadataPrefix, List<String> sets,
                           SourceOptions options, boolean repair) {

    public AuditRequest {
        sets = sets == null ? List.of() : List.copyOf(sets);
    }

    /** A harvest of the same source: of one set (null: the whole repository), from/until explicit. */
    HarvestRequest harvest(String set, String from, String until) {
        return new HarvestRequest(sourceId, baseUrl, metadataPrefix, set, from, until, options);
    }

    public AuditRequest withRepair(boolean value) {
        return new AuditRequest(sourceId, baseUrl, metadataPrefix, sets, options, value);
    }
}
