package org.lumbung.dc;

import org.lumbung.xml.XmlElement;

/**
 * oai_dc, the format every OAI-PMH repository must offer: each child of {@code oai_dc:dc} is a Dublin Core element.
 * Children are matched by local name, since some repositories put them in the wrong namespace or none.
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
            DcElement.fromTerm(child.localName()).ifPresent(element -> {
                if (element == DcElement.CREATOR) {
                    record.creator(new Creator(child.text(), null, null, false));
                } else {
                    record.add(element, child.text(), child.lang());
                }
            });
        }
    }
}
