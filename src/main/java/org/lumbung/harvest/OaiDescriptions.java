package org.lumbung.harvest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.lumbung.xml.XmlElement;
import org.lumbung.xml.XmlTreeReader;

/** Reads the answers that describe a repository: Identify, ListMetadataFormats and ListSets. */
final class OaiDescriptions {

    private OaiDescriptions() {
    }

    static Identify identify(XMLStreamReader reader) throws XMLStreamException {
        XmlElement e = XmlTreeReader.read(reader, null);
        List<String> compression = e.elements("compression").stream().map(c -> c.text().trim()).toList();
        List<String> emails = e.elements("adminEmail").stream().map(c -> c.text().trim()).toList();
        return new Identify(text(e, "repositoryName"), text(e, "baseURL"), text(e, "protocolVersion"),
                text(e, "earliestDatestamp"), text(e, "deletedRecord"), text(e, "granularity"), compression, emails,
                software(e));
    }

    /**
     * Guesses the repository software from Identify's descriptions, toolkit and name. Identify may lack its name
     * (required by the protocol, left out by some repositories): the descriptions are read all the same.
     */
    private static String software(XmlElement identify) {
        StringBuilder all = new StringBuilder(Objects.requireNonNullElse(text(identify, "repositoryName"), ""));
        for (XmlElement description : identify.elements("description")) {
            all.append(' ').append(description.toXml());
        }
        String s = all.toString().toLowerCase(Locale.ROOT);
        if (s.contains("dspace")) {
            return "dspace";
        }
        if (s.contains("eprints")) {
            return "eprints";
        }
        if (s.contains("open journal systems") || s.contains("pkp.sfu.ca") || s.contains("ojs")) {
            return "ojs";
        }
        if (s.contains("invenio") || s.contains("zenodo")) {
            return "invenio";
        }
        if (s.contains("dataverse")) {
            return "dataverse";
        }
        return null;
    }

    static List<MetadataFormat> formats(XMLStreamReader reader) throws XMLStreamException {
        List<MetadataFormat> out = new ArrayList<>();
        for (XmlElement f : XmlTreeReader.read(reader, null).elements("metadataFormat")) {
            out.add(new MetadataFormat(text(f, "metadataPrefix"), text(f, "schema"), text(f, "metadataNamespace")));
        }
        return out;
    }

    /** The sets of a ListSets page; the token is read by the caller from the same element. */
    static List<OaiSet> sets(XmlElement listSets) {
        List<OaiSet> out = new ArrayList<>();
        for (XmlElement s : listSets.elements("set")) {
            out.add(new OaiSet(text(s, "setSpec"), text(s, "setName")));
        }
        return out;
    }

    private static String text(XmlElement parent, String child) {
        return parent.element(child).map(c -> c.text().trim()).orElse(null);
    }
}
