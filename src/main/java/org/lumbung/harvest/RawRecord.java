package org.lumbung.harvest;

import org.lumbung.xml.XmlElement;

/**
 * A record as the repository sent it: its header and the root element of its metadata (null for deleted records
 * and for ListIdentifiers answers), in the metadataPrefix it was asked for.
 */
public record RawRecord(OaiHeader header, XmlElement metadata, String metadataPrefix) {

    /**
     * The record as a standalone OAI-PMH {@code <record>} element (what the dead-letter store keeps, and what
     * {@link OaiPageParser#parseRecord} reads back).
     */
    public String toXml() {
        StringBuilder xml = new StringBuilder("<record xmlns=\"").append(OaiPageParser.OAI_NS).append("\"><header");
        if (header.deleted()) {
            xml.append(" status=\"deleted\"");
        }
        xml.append("><identifier>").append(escape(header.identifier())).append("</identifier>");
        if (header.datestamp() != null) {
            xml.append("<datestamp>").append(escape(header.datestamp())).append("</datestamp>");
        }
        header.setSpecs().forEach(s -> xml.append("<setSpec>").append(escape(s)).append("</setSpec>"));
        xml.append("</header>");
        if (metadata != null) {
            xml.append("<metadata>").append(metadata.toXml()).append("</metadata>");
        }
        return xml.append("</record>").toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
