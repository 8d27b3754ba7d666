package org.lumbung.camel;

import org.lumbung.harvest.HarvestReport;

/**
 * A harvest of the {@code oai-pmh-source} Kamelet that stopped before the end of its list (an endless list, a gap,
 * an unreachable repository): the pages read are indexed and checkpointed; the next firing goes on from there.
 */
public final class HarvestIncompleteException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final transient HarvestReport report;

    public HarvestIncompleteException(HarvestReport report) {
        super("harvest " + report.sourceId() + " incomplete: " + report.error());
        this.report = report;
    }

    public HarvestReport report() {
        return report;
    }
}
