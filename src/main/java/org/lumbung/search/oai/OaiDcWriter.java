package org.lumbung.search.oai;

import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.lumbung.dc.DcElement;
import org.lumbung.index.IndexDocument;
import org.lumbung.xml.XmlChars;

/**
 * Writes a record's document as the XML downstream harvesters read: its Dublin Core values as {@code oai_dc} (each
 * value with its {@code xml:lang} where known), and an {@code <about>} with OAI provenance naming, for each source it
 * was harvested from, that repository's base URL, identifier, datestamp and the namespace of the format read.
 */
final class OaiDcWriter {

    static final String OAI_DC = "http://www.openarchives.org/OAI/2.0/oai_dc/";
    static final String OAI_DC_SCHEMA = "http://www.openarchives.org/OAI/2.0/oai_dc.xsd";
    private static final String DC = DcElement.NAMESPACE;
    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    private static final String PROVENANCE = "http://www.openarchives.org/OAI/2.0/provenance";
    /** The JDK's own writer, not the class path's first (Woodstox, there to read harvests): the output stays as it was. */
    private static final XMLOutputFactory XML = XMLOutputFactory.newDefaultFactory();
    /** The namespaces of the formats Lumbung reads, for provenance's metadataNamespace. */
    private static final Map<String, String> NAMESPACES = Map.ofEntries(
            Map.entry("oai_dc", OAI_DC),
            Map.entry("qdc", "http://purl.org/dc/terms/"),
            Map.entry("mods", "http://www.loc.gov/mods/v3"),
            Map.entry("mets", "http://www.loc.gov/METS/"),
            Map.entry("marc21", "http://www.loc.gov/MARC21/slim"),
            Map.entry("marcxml", "http://www.loc.gov/MARC21/slim"),
            Map.entry("oai_datacite", "http://schema.datacite.org/oai/oai-1.1/"),
            Map.entry("datacite", "http://datacite.org/schema/kernel-4"),
            Map.entry("oai_openaire", "http://namespace.openaire.eu/schema/oaire/"),
            Map.entry("rioxx", "http://www.rioxx.net/schema/v3.0/rioxx/"),
            Map.entry("xoai", "http://www.lyncode.com/xoai"),
            Map.entry("dim", "http://www.dspace.org/xmlns/dspace/dim"),
            Map.entry("jats", "https://jats.nlm.nih.gov/ns/archiving/1.3/"),
            Map.entry("pmc", "https://jats.nlm.nih.gov/ns/archiving/1.3/"));

    private OaiDcWriter() {
    }

    static String oaiDc(IndexDocument document) {
        return write(w -> {
            w.writeStartElement("oai_dc", "dc", OAI_DC);
            w.writeNamespace("oai_dc", OAI_DC);
            w.writeNamespace("dc", DC);
            w.writeNamespace("xsi", XSI);
            w.writeAttribute("xsi", XSI, "schemaLocation", OAI_DC + " " + OAI_DC_SCHEMA);
            for (DcElement element : DcElement.values()) {
                List<String> values = document.values(element.term());
                List<String> languages = document.languages(element.term());
                for (int i = 0; i < values.size(); i++) {
                    w.writeStartElement("dc", element.term(), DC);
                    String l = i < languages.size() ? languages.get(i) : null;
                    if (l != null && !"und".equals(l)) {
                        w.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "lang", XmlChars.text(l));
                    }
                    w.writeCharacters(XmlChars.text(values.get(i)));
                    w.writeEndElement();
                }
            }
            w.writeEndElement();
        });
    }

    /** The provenance of a harvested record; null when no source was harvested over OAI-PMH (landing pages). */
    static String provenance(IndexDocument document, Map<String, String> baseUrls) {
        List<IndexDocument.Provenance> origins = document.contributions().stream()
                .filter(p -> p.oaiIdentifier() != null && baseUrls.containsKey(String.valueOf(p.sourceId())))
                .toList();
        if (origins.isEmpty()) {
            return null;
        }
        String harvested = document.indexedAt();
        return write(w -> {
            w.writeStartElement("", "provenance", PROVENANCE);
            w.writeDefaultNamespace(PROVENANCE);
            w.writeNamespace("xsi", XSI);
            w.writeAttribute("xsi", XSI, "schemaLocation", PROVENANCE + " " + PROVENANCE + ".xsd");
            for (IndexDocument.Provenance origin : origins) {
                w.writeStartElement(PROVENANCE, "originDescription");
                w.writeAttribute("harvestDate", OaiItems.seconds(String.valueOf(harvested)));
                w.writeAttribute("altered", "true");
                element(w, "baseURL", baseUrls.get(String.valueOf(origin.sourceId())));
                element(w, "identifier", origin.oaiIdentifier());
                element(w, "datestamp", origin.datestamp() == null ? OaiItems.seconds(String.valueOf(harvested))
                        : origin.datestamp());
                String format = String.valueOf(origin.format());
                element(w, "metadataNamespace", NAMESPACES.getOrDefault(format, "info:lumbung/metadataPrefix/" + format));
                w.writeEndElement();
            }
            w.writeEndElement();
        });
    }

    private static void element(XMLStreamWriter w, String name, String text) throws XMLStreamException {
        w.writeStartElement(PROVENANCE, name);
        w.writeCharacters(XmlChars.text(text));
        w.writeEndElement();
    }

    private interface Body {
        void write(XMLStreamWriter w) throws XMLStreamException;
    }

    private static String write(Body body) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter w = XML.createXMLStreamWriter(out);
            body.write(w);
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write a record as XML: " + e.getMessage(), e);
        }
        return out.toString();
    }
}
