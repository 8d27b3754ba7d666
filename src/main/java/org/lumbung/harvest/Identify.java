package org.lumbung.harvest;

import java.util.List;

/**
 * What a repository says of itself (the Identify verb), remembered per source: how to ask it (granularity,
 * compression), from when it has records, whether it reports deletions, and hints of its software.
 *
 * @param repositoryName    its name
 * @param baseUrl           the base URL it states
 * @param protocolVersion   2.0, normally
 * @param earliestDatestamp the first datestamp it holds, in its granularity
 * @param deletedRecord     no, transient or persistent
 * @param granularity       YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ
 * @param compression       encodings it offers (gzip, deflate)
 * @param adminEmails       its administrators
 * @param software          what the description blocks and name reveal of its software (dspace, eprints, ojs...),
 *                          or null
 */
public record Identify(String repositoryName, String baseUrl, String protocolVersion, String earliestDatestamp,
                       String deletedRecord, String granularity, List<String> compression, List<String> adminEmails,
                       String software) {

    public static final String DAY = "YYYY-MM-DD";
    public static final String SECONDS = "YYYY-MM-DDThh:mm:ssZ";

    public Identify {
        compression = List.copyOf(compression);
        adminEmails = List.copyOf(adminEmails);
    }

    public boolean secondsGranularity() {
        return SECONDS.equals(granularity);
    }
}
