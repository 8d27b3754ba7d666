package org.lumbung.harvest;

import io.gdcc.xoai.model.oaipmh.Error;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.lumbung.xml.XmlElement;
import org.lumbung.xml.XmlTreeReader;

/**
 * Reads one OAI-PMH response (ListRecords, GetRecord or ListIdentifiers) with a streaming parser, building a small
 * tree for each record's metadata only. {@code noRecordsMatch} is an empty page; any other OAI-PMH error, and any body
 * that is not OAI-PMH (an HTML error page served with status 200, say), is a {@link HarvestException}.
 */
public final class OaiPageParser {

    public static final String OAI_NS = "http://www.openarchives.org/OAI/2.0/";

    /**
     * Parses the body fetched from {@code url} for {@code sourceId}, asked in {@code metadataPrefix}; with a null
     * prefix (a saved response), the prefix the response's own {@code <request>} element names.
     */
    public OaiPage parse(InputStream body, String sourceId, String url, String metadataPrefix) throws HarvestException {
        try {
            XMLStreamReader reader = XmlTreeReader.open(body);
            try {
                if (!nextStartElement(reader)) {
                    throw new HarvestException(sourceId, url, "empty response: no XML element in the body");
                }
                if (!"OAI-PMH".equals(reader.getLocalName())) {
                    throw new HarvestException(sourceId, url,
                            "not an OAI-PMH response (the body is <" + reader.getLocalName() + ">)");
                }
                return readEnvelope(reader, sourceId, url, metadataPrefix);
            } finally {
                reader.close();
            }
        } catch (XMLStreamException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNumber()
                    + ", column " + e.getLocation().getColumnNumber();
            throw new HarvestException(sourceId, url, 0, null, "malformed XML" + where + ": " + firstLine(e), e);
        }
    }

    private OaiPage readEnvelope(XMLStreamReader reader, String sourceId, String url, String metadataPrefix)
            throws XMLStreamException, HarvestException {
        String responseDate = null;
        String baseUrl = null;
        String prefix = metadataPrefix;
        List<RawRecord> records = new ArrayList<>();
        ResumptionToken token = null;
        while (nextChild(reader)) {
            switch (reader.getLocalName()) {
                case "responseDate" -> responseDate = reader.getElementText().trim();
                case "request" -> {
                    prefix = prefix != null ? prefix : attribute(reader, "metadataPrefix");
                    baseUrl = reader.getElementText().trim();
                }
                case "error" -> {
                    String code = attribute(reader, "code");
                    String message = reader.getElementText().trim();
                    if (!Error.Code.NO_RECORDS_MATCH.id().equals(code)) {
                        throw error(sourceId, url, code, message);
                    }
                }
                case "ListRecords", "GetRecord", "ListIdentifiers" -> token = readList(reader, records, prefix);
                default -> skip(reader);
            }
        }
        return new OaiPage(responseDate, baseUrl, records, token);
    }

    private static HarvestException error(String sourceId, String url, String code, String message) {
        String text = message.isEmpty() ? "(no message)" : message;
        try {
            return new HarvestException(sourceId, url, 0, Error.Code.from(code == null ? "" : code.trim()), text, null);
        } catch (IllegalArgumentException e) {
            return new HarvestException(sourceId, url, "OAI-PMH error with a code outside the protocol ('" + code
                    + "'): " + text);
        }
    }

    private ResumptionToken readList(XMLStreamReader reader, List<RawRecord> records, String metadataPrefix)
            throws XMLStreamException {
        ResumptionToken token = null;
        while (nextChild(reader)) {
            switch (reader.getLocalName()) {
                case "record" -> records.add(readRecord(reader, metadataPrefix));
                case "header" -> records.add(new RawRecord(readHeader(reader), null, metadataPrefix));
                case "resumptionToken" -> token = readToken(reader);
                default -> skip(reader);
            }
        }
        return token;
    }

    private RawRecord readRecord(XMLStreamReader reader, String metadataPrefix) throws XMLStreamException {
        OaiHeader header = null;
        XmlElement metadata = null;
        while (nextChild(reader)) {
            switch (reader.getLocalName()) {
                case "header" -> header = readHeader(reader);
                case "metadata" -> metadata = readMetadata(reader);
                default -> skip(reader);
            }
        }
        if (header == null) {
            throw new XMLStreamException("a <record> without a <header>", reader.getLocation());
        }
        return new RawRecord(header, header.deleted() ? null : metadata, metadataPrefix);
    }

    private OaiHeader readHeader(XMLStreamReader reader) throws XMLStreamException {
        boolean deleted = "deleted".equals(attribute(reader, "status"));
        String identifier = null;
        String datestamp = null;
        List<String> sets = new ArrayList<>();
        while (nextChild(reader)) {
            switch (reader.getLocalName()) {
                case "identifier" -> identifier = reader.getElementText().trim();
                case "datestamp" -> datestamp = reader.getElementText().trim();
                case "setSpec" -> sets.add(reader.getElementText().trim());
                default -> skip(reader);
            }
        }
        if (identifier == null || identifier.isEmpty()) {
            throw new XMLStreamException("a <header> without an <identifier>", reader.getLocation());
        }
        return new OaiHeader(identifier, datestamp, sets, deleted);
    }

    /** The first element inside {@code <metadata>}, as a tree; the reader ends on {@code </metadata>}. */
    private XmlElement readMetadata(XMLStreamReader reader) throws XMLStreamException {
        XmlElement root = null;
        while (nextChild(reader)) {
            if (root == null) {
                root = XmlTreeReader.read(reader, null);
            } else {
                skip(reader);
            }
        }
        return root;
    }

    private ResumptionToken readToken(XMLStreamReader reader) throws XMLStreamException {
        long size = number(attribute(reader, "completeListSize"));
        long cursor = number(attribute(reader, "cursor"));
        String expiration = attribute(reader, "expirationDate");
        // The token goes back exactly as received; only the white space around it is not part of it.
        String value = reader.getElementText().trim();
        return new ResumptionToken(value, size, cursor, expiration);
    }

    private static long number(String s) {
        try {
            return s == null ? -1 : Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String attribute(XMLStreamReader reader, String name) {
        return reader.getAttributeValue(null, name);
    }

    /** Advances to the first START_ELEMENT of the document. */
    private static boolean nextStartElement(XMLStreamReader reader) throws XMLStreamException {
        while (reader.hasNext()) {
            if (reader.next() == XMLStreamConstants.START_ELEMENT) {
                return true;
            }
        }
        return false;
    }

    /** Advances to the next child START_ELEMENT of the current element; false at the current element's end. */
    private static boolean nextChild(XMLStreamReader reader) throws XMLStreamException {
        while (reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                return true;
            }
            if (event == XMLStreamConstants.END_ELEMENT) {
                return false;
            }
        }
        throw new XMLStreamException("the response ends before its last element closes (truncated?)");
    }

    private static void skip(XMLStreamReader reader) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    private static String firstLine(Exception e) {
        String message = String.valueOf(e.getMessage());
        int nl = message.indexOf('\n');
        String line = nl < 0 ? message : message.substring(nl + 1);
        return line.replaceAll("\\s+", " ").trim();
    }
}
