package org.lumbung.landing;

import org.lumbung.dc.DcRecordBuilder;

/** Reads what a landing page says about its article into a record being built. */
public interface PageExtractor {

    /** The format name recorded in provenance: {@code html} or {@code text}. */
    String format();

    void read(LandingPage page, DcRecordBuilder record);
}
