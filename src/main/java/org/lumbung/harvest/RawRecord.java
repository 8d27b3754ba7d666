package org.lumbung.harvest;

import org.lumbung.xml.XmlElement;
import org.lumbung.xml.XmlWriter;

/**
 * A record as the repository sent it: its header and the root element of its metadata (null for deleted records
 * and for ListIdentifiers answers), in the metadataPrefix it was asked for. {@code metadataXml} is that element's
 * text as the page held it, standing alone (null when it was not cut out of a page: {@link #toXml} then writes the
 * tree out).
 */
public record RawRecord(OaiHeader header, XmlElement metadata, String metadataPrefix, String metadataXml) {

    public RawRecord(OaiHeader header, XmlElement metadata, String metadataPrefix) {
        this(header, metadata, metadataPrefix, null);
    }

    /**
     * A builder kept by each thread that writes records out, and the most of it kept: every run thread of a
     * {@code run} may write a record (a merge reads one again), so a builder grown by a rare huge record is dropped.
     */
    private static final ThreadLocal<StringBuilder> BUILDERS = ThreadLocal.withInitial(() -> new StringBuilder(8192));
    private static final int KEPT_CAPACITY = 64 * 1024;

    /**
     * The record as a standalone OAI-PMH {@code <record>} element (what the dead-letter store keeps, and what
     * {@link OaiPageParser#parseRecord} reads back).
     */
    public String toXml() {
        // Every record of every harvest is written out here: one builder a thread, grown once to a record's size.
        StringBuilder xml = BUILDERS.get();
        if (xml.capacity() > KEPT_CAPACITY) {
            xml = new StringBuilder(8192);
            BUILDERS.set(xml);
        }
        xml.setLength(0);
        xml.append("<record xmlns=\"").append(OaiPageParser.OAI_NS).append("\"><header");
        if (header.deleted()) {
            xml.append(" status=\"deleted\"");
        }
        xml.append("><identifier>").append(escape(header.identifier())).append("</identifier>");
        if (header.datestamp() != null) {
            xml.append("<datestamp>").append(escape(header.datestamp())).append("</datestamp>");
        }
        for (String set : header.setSpecs()) {
            xml.append("<setSpec>").append(escape(set)).append("</setSpec>");
        }
        xml.append("</header>");
        if (metadata != null) {
            xml.append("<metadata>");
            if (metadataXml != null) {
                xml.append(metadataXml);
            } else {
                XmlWriter.write(metadata, xml);
            }
            xml.append("</metadata>");
        }
        return xml.append("</record>").toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
