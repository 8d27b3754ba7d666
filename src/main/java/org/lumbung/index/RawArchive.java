package org.lumbung.index;

import org.lumbung.crosswalk.Crosswalks;
import org.lumbung.dc.DcRecord;
import org.lumbung.dc.Provenance;
import org.lumbung.harvest.HarvestException;
import org.lumbung.harvest.OaiPageParser;
import org.lumbung.harvest.RawRecord;
import org.lumbung.landing.PageRecords;

/**
 * Reads a contribution again from what its provenance keeps (the raw archive): an OAI-PMH record through today's
 * crosswalks, a page through today's extractors. Merging and reindexing rest on it: a record is always the union of
 * its contributions as Lumbung reads them now, never of stale copies.
 */
public final class RawArchive {

    private final Crosswalks crosswalks;
    private final PageRecords pages;
    private final OaiPageParser parser = new OaiPageParser();

    public RawArchive(Crosswalks crosswalks, PageRecords pages) {
        this.crosswalks = crosswalks;
        this.pages = pages;
    }

    /** The contribution this provenance entry keeps; an exception names why it cannot be read. */
    public DcRecord read(Provenance p) throws ArchiveException {
        if (p.raw() == null) {
            throw new ArchiveException(p.sourceId(), String.valueOf(p.url()), "its provenance keeps no raw record"
                    + " (indexed before the raw archive existed): harvest the source again", null);
        }
        if (p.oaiIdentifier() != null) {
            RawRecord raw;
            try {
                raw = parser.parseRecord(p.raw(), p.sourceId(), p.format());
            } catch (HarvestException e) {
                throw new ArchiveException(p.sourceId(), String.valueOf(p.url()), e.reason(), e);
            }
            return crosswalks.toDc(p.sourceId(), raw);
        }
        return pages.read(p.url(), p.raw(), !"text".equals(p.format()), p.sourceId(), p.url());
    }
}
