package org.lumbung.crosswalk;

import org.lumbung.dc.DcRecordBuilder;
import org.lumbung.dc.DcTerms;
import org.lumbung.xml.XmlElement;

/**
 * oai_dc, the format every OAI-PMH repository must offer: each child of {@code oai_dc:dc} is a Dublin Core element.
 * Children are matched by local name, since some repositories put them in the wrong namespace or none, and DCMI
 * terms that slip in ({@code dcterms:abstract}) count as the element they refine. Keyword lists in one dc:subject
 * ({@code a; b; c}, as OJS writes them) become one subject each.
 */
public final class OaiDcCrosswalk implements Crosswalk {

    public static final String NAMESPACE = "http://www.openarchives.org/OAI/2.0/oai_dc/";

    @Override
    public boolean accepts(String metadataPrefix, String rootNamespace) {
        return "oai_dc".equals(metadataPrefix) || NAMESPACE.equals(rootNamespace);
    }

    @Override
    public void read(XmlElement metadata, DcRecordBuilder record) {
        for (XmlElement child : metadata.elements()) {
            DcTerms.read(child, record);
        }
    }
}
