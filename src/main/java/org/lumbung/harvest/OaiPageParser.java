package org.lumbung.harvest;

import io.gdcc.xoai.model.oaipmh.Error;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.lumbung.pipeline.FailureKind;
import org.lumbung.xml.XmlElement;
import org.lumbung.xml.XmlTreeReader;

/**
 * Reads one OAI-PMH response (ListRecords, GetRecord or ListIdentifiers) with a streaming parser, building a small
 * tree for each record's metadata only. {@code noRecordsMatch} is an empty page; any other OAI-PMH error, and any body
 * that is not OAI-PMH (an HTML error page served with status 200, say), is a {@link HarvestException}.
 */
public final class OaiPageParser {

    public static final String OAI_NS = "http://www.openarchives.org/OAI/2.0/";

    /** Most characters of a header field, a token or an error message: 64k, a thousand times a real identifier. */
    static final int MAX_FIELD = 1 << 16;
    /** Where a stored record's text comes from, as an error names it. */
    private static final String STORED = "(dead letter)";

    /**
     * Parses the body fetched from {@code url} for {@code sourceId}, asked in {@code metadataPrefix}; with a null
     * prefix (a saved response), the prefix the response's own {@code <request>} element names. Bad bytes are
     * repaired first ({@link XmlSanitizer}) and counted in the page.
     */
    public OaiPage parse(byte[] body, String sourceId, String url, String metadataPrefix) throws HarvestException {
        XmlSanitizer.Sanitized clean = XmlSanitizer.sanitize(body);
        rejectHtml(clean, sourceId, url);
        return read(clean.reader(), clean.text(), clean.start(), clean.repairs(), sourceId, url, metadataPrefix);
    }

    /** The page {@code in} reads: {@code text} from {@code start} on. */
    private OaiPage read(Reader in, String text, int start, int repairs, String sourceId, String url,
                         String metadataPrefix) throws HarvestException {
        try {
            XMLStreamReader reader = XmlTreeReader.open(in);
            try {
                if (!nextStartElement(reader, sourceId, url)) {
                    throw new HarvestException(FailureKind.MALFORMED, sourceId, url,
                            "empty response: no XML element in the body");
                }
                if (!"OAI-PMH".equals(reader.getLocalName())) {
                    throw new HarvestException(sourceId, url,
                            "not an OAI-PMH response (the body is <" + reader.getLocalName() + ">)");
                }
                return readEnvelope(new Page(reader, text, start), sourceId, url, metadataPrefix, repairs);
            } finally {
                reader.close();
            }
        } catch (XMLStreamException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNumber()
                    + ", column " + e.getLocation().getColumnNumber();
            throw new HarvestException(FailureKind.MALFORMED, sourceId, url, 0, null, "malformed XML" + where + ": "
                    + firstLine(e), e);
        }
    }

    public OaiPage parse(InputStream body, String sourceId, String url, String metadataPrefix) throws HarvestException {
        try {
            return parse(body.readAllBytes(), sourceId, url, metadataPrefix);
        } catch (java.io.IOException e) {
            throw new HarvestException(sourceId, url, 0, null, "cannot read the response: " + e.getMessage(), e);
        }
    }

    /**
     * Reads back a record written by {@link RawRecord#toXml}: the raw archive's, for {@code reindex}, or a dead letter
     * being replayed. That text was cut from a page after the sanitiser's repairs, or written by Lumbung, so it is
     * read as it is; only text that will not read that way (written by hand, or by something else) goes through the
     * sanitiser first, as a page would.
     */
    public RawRecord parseRecord(String recordXml, String sourceId, String metadataPrefix) throws HarvestException {
        String page = "<OAI-PMH xmlns=\"" + OAI_NS + "\"><GetRecord>" + recordXml + "</GetRecord></OAI-PMH>";
        OaiPage parsed;
        try {
            parsed = read(new StringReader(page), page, 0, 0, sourceId, STORED, metadataPrefix);
        } catch (HarvestException e) {
            parsed = parse(page.getBytes(StandardCharsets.UTF_8), sourceId, STORED, metadataPrefix);
        }
        if (parsed.records().isEmpty()) {
            throw new HarvestException(sourceId, STORED, "no record in the stored text");
        }
        return parsed.records().get(0);
    }

    /** An HTML page (a login form, an error page served with 200) is named as such, with its title. */
    private static void rejectHtml(XmlSanitizer.Sanitized clean, String sourceId, String url)
            throws HarvestException {
        String head = clean.head(2048).toLowerCase(java.util.Locale.ROOT);
        if (!head.contains("<oai-pmh") && (head.contains("<html") || head.contains("<!doctype html"))) {
            String title = org.jsoup.Jsoup.parse(clean.xml()).title();
            throw new HarvestException(sourceId, url, "not an OAI-PMH response: an HTML page"
                    + (title.isBlank() ? "" : " titled '" + title.trim() + "'") + " (the body is <html>)");
        }
    }

    /** The reader of a page, and the text it reads from {@code start} on: the records' raw text is cut from it. */
    private record Page(XMLStreamReader reader, String text, int start) {
    }

    private OaiPage readEnvelope(Page page, String sourceId, String url, String metadataPrefix,
                                 int repairs) throws XMLStreamException, HarvestException {
        XMLStreamReader reader = page.reader();
        String responseDate = null;
        String baseUrl = null;
        String prefix = metadataPrefix;
        List<RawRecord> records = new ArrayList<>();
        ResumptionToken token = null;
        Identify identify = null;
        List<MetadataFormat> formats = List.of();
        List<OaiSet> sets = List.of();
        while (nextChild(reader)) {
            switch (reader.getLocalName()) {
                case "responseDate" -> responseDate = XmlTreeReader.elementText(reader, MAX_FIELD).trim();
                case "request" -> {
                    prefix = prefix != null ? prefix : attribute(reader, "metadataPrefix");
                    baseUrl = XmlTreeReader.elementText(reader, MAX_FIELD).trim();
                }
                case "error" -> {
                    String code = attribute(reader, "code");
                    String message = XmlTreeReader.elementText(reader, MAX_FIELD).trim();
                    if (!Error.Code.NO_RECORDS_MATCH.id().equals(code)) {
                        throw error(sourceId, url, code, message);
                    }
                }
                case "ListRecords", "GetRecord", "ListIdentifiers" -> token = readList(page, records, prefix);
                case "Identify" -> identify = OaiDescriptions.identify(reader);
                case "ListMetadataFormats" -> formats = OaiDescriptions.formats(reader);
                case "ListSets" -> {
                    XmlElement list = XmlTreeReader.read(reader, null);
                    sets = OaiDescriptions.sets(list);
                    token = list.element("resumptionToken").map(t -> new ResumptionToken(t.text().trim(), -1, -1,
                            t.attribute("expirationDate").orElse(null))).orElse(null);
                }
                default -> skip(reader);
            }
        }
        return new OaiPage(responseDate, baseUrl, records, token, identify, formats, sets, repairs);
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

    private ResumptionToken readList(Page page, List<RawRecord> records, String metadataPrefix)
            throws XMLStreamException {
        XMLStreamReader reader = page.reader();
        ResumptionToken token = null;
        while (nextChild(reader)) {
            switch (reader.getLocalName()) {
                case "record" -> records.add(readRecord(page, metadataPrefix));
                case "header" -> records.add(new RawRecord(readHeader(reader), null, metadataPrefix));
                case "resumptionToken" -> token = readToken(reader);
                default -> skip(reader);
            }
        }
        return token;
    }

    private RawRecord readRecord(Page page, String metadataPrefix) throws XMLStreamException {
        XMLStreamReader reader = page.reader();
        OaiHeader header = null;
        XmlTreeReader.Cut metadata = null;
        while (nextChild(reader)) {
            switch (reader.getLocalName()) {
                case "header" -> header = readHeader(reader);
                case "metadata" -> metadata = readMetadata(page, header);
                default -> skip(reader);
            }
        }
        if (header == null) {
            throw new XMLStreamException("a <record> without a <header>", reader.getLocation());
        }
        if (header.deleted() || metadata == null) {
            return new RawRecord(header, null, metadataPrefix);
        }
        return new RawRecord(header, metadata.tree(), metadataPrefix, metadata.xml());
    }

    private OaiHeader readHeader(XMLStreamReader reader) throws XMLStreamException {
        boolean deleted = "deleted".equals(attribute(reader, "status"));
        String identifier = null;
        String datestamp = null;
        List<String> sets = new ArrayList<>();
        while (nextChild(reader)) {
            switch (reader.getLocalName()) {
                case "identifier" -> identifier = XmlTreeReader.elementText(reader, MAX_FIELD).trim();
                case "datestamp" -> datestamp = XmlTreeReader.elementText(reader, MAX_FIELD).trim();
                case "setSpec" -> sets.add(XmlTreeReader.elementText(reader, MAX_FIELD).trim());
                default -> skip(reader);
            }
        }
        if (identifier == null || identifier.isEmpty()) {
            throw new XMLStreamException("a <header> without an <identifier>", reader.getLocation());
        }
        return new OaiHeader(identifier, datestamp, sets, deleted);
    }

    /**
     * The first element inside {@code <metadata>}, as a tree; the reader ends on {@code </metadata>}. An error names
     * the record, so that a page salvaged record by record says which one is broken.
     */
    private XmlTreeReader.Cut readMetadata(Page page, OaiHeader header) throws XMLStreamException {
        XMLStreamReader reader = page.reader();
        XmlTreeReader.Cut root = null;
        try {
            while (nextChild(reader)) {
                if (root == null) {
                    root = XmlTreeReader.readCut(reader, page.text(), page.start());
                } else {
                    skip(reader);
                }
            }
        } catch (XMLStreamException e) {
            String message = "in record " + (header == null ? "(no header yet)" : header.identifier()) + ": "
                    + firstLine(e);
            throw e.getLocation() == null ? new XMLStreamException(message, e)
                    : new XMLStreamException(message, e.getLocation(), e);
        }
        return root;
    }

    private ResumptionToken readToken(XMLStreamReader reader) throws XMLStreamException {
        long size = number(attribute(reader, "completeListSize"));
        long cursor = number(attribute(reader, "cursor"));
        String expiration = attribute(reader, "expirationDate");
        // The token goes back exactly as received; only the white space around it is not part of it.
        String value = XmlTreeReader.elementText(reader, MAX_FIELD).trim();
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

    /**
     * Advances to the first START_ELEMENT of the document. A DTD is refused: no OAI-PMH response has one, and its
     * entities are how XXE and entity expansion attacks come (the reader never reads DTDs nor resolves entities).
     */
    private static boolean nextStartElement(XMLStreamReader reader, String sourceId, String url)
            throws XMLStreamException, HarvestException {
        while (reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.DTD) {
                throw new HarvestException(sourceId, url, "refused: the response declares a DTD (<!DOCTYPE>), which "
                        + "OAI-PMH responses never do; its entities are not resolved");
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
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

    /**
     * The reason an exception gives, without the position its message repeats: the JDK's exceptions put it on a line
     * of their own before the reason ("ParseError at [row,col]:[3,5]" then "Message: ..."), Woodstox's after it
     * (" at [row,col {unknown-source}]: [3,5]").
     */
    static String firstLine(Exception e) {
        String message = String.valueOf(e.getMessage());
        int nl = message.indexOf('\n');
        String line = nl < 0 ? message : message.startsWith("ParseError at ") ? message.substring(nl + 1)
                : message.substring(0, nl);
        return line.replaceFirst("^Message: ", "").replaceAll("\\s+", " ").trim();
    }
}
