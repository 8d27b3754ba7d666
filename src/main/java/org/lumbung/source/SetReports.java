package org.lumbung.source;

import org.lumbung.harvest.HarvestReport;

/**
 * One report for a source's run over all its sets (the split in {@code sources.camel.yaml} aggregates with it): the
 * run is complete only when every set is, and a failed set is named in the error, whichever set came last.
 */
public final class SetReports {

    /** The reports so far (null before the first set) with the next set's. */
    public HarvestReport combine(HarvestReport sofar, HarvestReport next) {
        HarvestReport named = next.namingItsSet();
        return sofar == null ? named : sofar.plus(named);
    }
}
