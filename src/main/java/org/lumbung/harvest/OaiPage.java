package org.lumbung.harvest;

import java.util.List;

/**
 * One parsed OAI-PMH response: its responseDate, the base URL its {@code <request>} element names, the records (or
 * headers) it holds, and the resumption token if the list goes on (null when the page has none). A
 * {@code noRecordsMatch} answer is a page with no records.
 */
public record OaiPage(String responseDate, String baseUrl, List<RawRecord> records, ResumptionToken resumptionToken) {

    public OaiPage {
        records = List.copyOf(records);
    }

    /** The token to ask for next, or null when the list is complete. */
    public String nextToken() {
        return resumptionToken == null || resumptionToken.endsList() ? null : resumptionToken.value();
    }
}
