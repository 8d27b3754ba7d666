package org.lumbung.harvest;

import java.util.List;

/**
 * One parsed OAI-PMH response: its responseDate, the base URL its {@code <request>} element names, what it holds
 * (records or headers of a list; or the repository's Identify, formats or sets), the resumption token if the list
 * goes on (null when the page has none), and how many bad characters had to be repaired to read it. A
 * {@code noRecordsMatch} answer is a page with no records.
 */
public record OaiPage(String responseDate, String baseUrl, List<RawRecord> records, ResumptionToken resumptionToken,
                      Identify identify, List<MetadataFormat> formats, List<OaiSet> sets, int repairs) {

    public OaiPage {
        records = List.copyOf(records);
        formats = List.copyOf(formats);
        sets = List.copyOf(sets);
    }

    /** The token to ask for next, or null when the list is complete. */
    public String nextToken() {
        return resumptionToken == null || resumptionToken.endsList() ? null : resumptionToken.value();
    }
}
