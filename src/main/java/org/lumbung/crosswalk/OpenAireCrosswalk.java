package org.lumbung.crosswalk;

import org.lumbung.dc.Citation;
import org.lumbung.dc.DcElement;
import org.lumbung.dc.DcRecordBuilder;
import org.lumbung.dc.DcTerms;
import org.lumbung.xml.XmlElement;

/**
 * OpenAIRE Guidelines for Literature Repositories v4 ({@code oai_openaire}): an {@code oaire:resource} mixing DataCite
 * elements (read by {@link DataCiteCrosswalk}), Dublin Core elements, and OpenAIRE's own: {@code resourceType} with
 * its COAR URI, {@code licenseCondition} with the licence URI, {@code file} with the full text, and the
 * {@code citationTitle}, {@code citationVolume}, {@code citationIssue}, {@code citationStartPage} and
 * {@code citationEndPage} of the journal.
 */
public final class OpenAireCrosswalk implements Crosswalk {

    public static final String NAMESPACE = "http://namespace.openaire.eu/schema/oaire/";
    private static final String DATACITE = "http://datacite.org/schema/kernel-";

    private final DataCiteCrosswalk dataCite = new DataCiteCrosswalk();

    @Override
    public boolean accepts(String metadataPrefix, String rootNamespace) {
        return "oai_openaire".equals(metadataPrefix) || NAMESPACE.equals(rootNamespace);
    }

    @Override
    public void read(XmlElement metadata, DcRecordBuilder record) {
        for (XmlElement child : metadata.elements()) {
            if (child.namespace().startsWith(DATACITE)) {
                dataCite.readElement(child, record);
            } else if (child.namespace().equals(DcElement.NAMESPACE)) {
                DcTerms.read(child, record);
            } else {
                readOpenAire(child, record);
            }
        }
    }

    private static void readOpenAire(XmlElement e, DcRecordBuilder record) {
        switch (e.localName()) {
            case "resourceType" -> {
                e.attribute("uri").ifPresent(uri -> record.add(DcElement.TYPE, uri));
                record.add(DcElement.TYPE, e.text(), e.lang());
            }
            case "licenseCondition" -> {
                e.attribute("uri").ifPresent(uri -> record.add(DcElement.RIGHTS, uri));
                record.add(DcElement.RIGHTS, e.text(), e.lang());
            }
            case "file" -> {
                if (e.attribute("objectType").orElse("fulltext").equals("fulltext")) {
                    record.citation(Citation.FULL_TEXT_URL, e.text());
                }
            }
            case "citationTitle" -> record.citation(Citation.JOURNAL_TITLE, e.text()).add(DcElement.SOURCE, e.text());
            case "citationVolume" -> record.citation(Citation.VOLUME, e.text());
            case "citationIssue" -> record.citation(Citation.ISSUE, e.text());
            case "citationStartPage" -> record.citation(Citation.FIRST_PAGE, e.text());
            case "citationEndPage" -> record.citation(Citation.LAST_PAGE, e.text());
            default -> {
                // version, fundingReferences, audience: nothing Dublin Core holds
            }
        }
    }
}
