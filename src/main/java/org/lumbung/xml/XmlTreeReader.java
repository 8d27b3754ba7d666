package org.lumbung.xml;

import com.ctc.wstx.stax.WstxInputFactory;
import java.io.InputStream;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.codehaus.stax2.XMLInputFactory2;
import org.codehaus.stax2.XMLStreamReader2;

/**
 * Builds {@link XmlElement} trees from a streaming reader, and makes readers that refuse DTDs and external entities.
 * A tree is one record's metadata, so it has limits no real record comes near (nesting depth, elements, characters):
 * a hostile record of a hundred thousand nested elements or a gigabyte of text is refused, never a stack overflow or
 * an exhausted heap.
 */
public final class XmlTreeReader {

    private static final XMLInputFactory FACTORY = newFactory();

    /** Deepest nesting of one tree: METS around MODS around a related item reaches about 20. */
    public static final int MAX_DEPTH = 256;
    /** Most elements in one tree: a DataCite record with ten thousand related identifiers has about 30,000. */
    public static final int MAX_ELEMENTS = 200_000;
    /** Most characters of text and attribute values in one tree (32 MB of heap). */
    public static final int MAX_CHARACTERS = 16 << 20;

    /** What a tree being read has used of its limits. */
    private static final class Budget {
        final long maxCharacters;
        final String where;
        int elements;
        long characters;

        Budget(long maxCharacters, String where) {
            this.maxCharacters = maxCharacters;
            this.where = where;
        }

        void element(int depth, String name) throws XMLStreamException {
            if (depth > MAX_DEPTH) {
                throw new XMLStreamException("elements nested deeper than " + MAX_DEPTH + " levels (at <" + name + ">)");
            }
            if (++elements > MAX_ELEMENTS) {
                throw new XMLStreamException("more than " + MAX_ELEMENTS + " elements in one record");
            }
        }

        void characters(int length) throws XMLStreamException {
            characters += length;
            if (characters > maxCharacters) {
                throw new XMLStreamException("more than " + maxCharacters + " characters of text " + where);
            }
        }
    }

    private XmlTreeReader() {
    }

    private static XMLInputFactory newFactory() {
        // Woodstox, named rather than found on the class path: its character offsets are exact (the JDK's reader's drift
        // past its first buffer), so a record's raw text can be cut out of the page instead of written out again.
        XMLInputFactory factory = new WstxInputFactory();
        // Harvested XML is untrusted: no DTDs, no external entities (XXE), no entity expansion.
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        // Not coalescing: a text node comes in pieces, so that its length is counted as it is read; a coalescing reader
        // would buffer a gigabyte of text before the first limit could be checked.
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        // A lazily parsed token reports its errors as unchecked exceptions from getText(); read each token whole, so
        // that every malformed byte is an XMLStreamException naming where it is.
        factory.setProperty(XMLInputFactory2.P_LAZY_PARSING, false);
        return factory;
    }

    public static XMLStreamReader open(InputStream in) throws XMLStreamException {
        return FACTORY.createXMLStreamReader(in);
    }

    public static XMLStreamReader open(Reader in) throws XMLStreamException {
        return FACTORY.createXMLStreamReader(in);
    }

    /**
     * Reads the element the reader stands on (a START_ELEMENT) and everything below it; leaves the reader on its
     * END_ELEMENT. {@code inheritedLang} is the xml:lang in force around it.
     */
    public static XmlElement read(XMLStreamReader reader, String inheritedLang) throws XMLStreamException {
        if (reader.getEventType() != XMLStreamConstants.START_ELEMENT) {
            throw new IllegalStateException("reader is not on a start element");
        }
        return read(reader, inheritedLang, 1, new Budget(MAX_CHARACTERS, "in one record"));
    }

    /** A tree and its own text as the document held it, standing alone (null when it could not be cut out). */
    public record Cut(XmlElement tree, String xml) {
    }

    /**
     * Reads the element the reader stands on as {@link #read} does, and cuts its text out of {@code text}, the
     * document the reader reads from its offset {@code base} on: the raw record is kept as the page held it instead of
     * being written out again.
     */
    public static Cut readCut(XMLStreamReader reader, String text, int base) throws XMLStreamException {
        if (!(reader instanceof XMLStreamReader2 located)) {
            return new Cut(read(reader, null), null);
        }
        long from = located.getLocationInfo().getStartingCharOffset();
        XmlElement tree = read(reader, null);
        long to = located.getLocationInfo().getEndingCharOffset();
        // On an END_ELEMENT the namespaces counted are those going out of scope: the ones the start tag declared.
        List<String> own = new ArrayList<>(reader.getNamespaceCount());
        for (int i = 0; i < reader.getNamespaceCount(); i++) {
            String prefix = reader.getNamespacePrefix(i);
            own.add(prefix == null ? "" : prefix);
        }
        return new Cut(tree, XmlCut.standalone(text, base + from, base + to, tree, reader.getNamespaceContext(), own));
    }

    private static XmlElement read(XMLStreamReader reader, String inheritedLang, int depth, Budget budget)
            throws XMLStreamException {
        Map<QName, String> attributes = new LinkedHashMap<>();
        String lang = inheritedLang;
        budget.element(depth, reader.getLocalName());
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            QName attr = reader.getAttributeName(i);
            String value = reader.getAttributeValue(i);
            budget.characters(value.length());
            attributes.put(new QName(nullToEmpty(attr.getNamespaceURI()), attr.getLocalPart(), nullToEmpty(attr.getPrefix())), value);
            if (XMLConstants.XML_NS_URI.equals(attr.getNamespaceURI()) && "lang".equals(attr.getLocalPart())) {
                lang = value.isBlank() ? null : value.trim();
            }
        }
        QName name = new QName(nullToEmpty(reader.getNamespaceURI()), reader.getLocalName(), nullToEmpty(reader.getPrefix()));
        List<Object> children = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        while (reader.hasNext()) {
            int event = reader.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> {
                    flush(text, children);
                    children.add(read(reader, lang, depth + 1, budget));
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    budget.characters(reader.getTextLength());
                    text.append(reader.getText());
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    flush(text, children);
                    return new XmlElement(name, attributes, children, lang);
                }
                default -> {
                    // comments and processing instructions carry no metadata
                }
            }
        }
        throw new XMLStreamException("document ended inside <" + name.getLocalPart() + ">");
    }

    /**
     * The text of the element the reader stands on, as {@link XMLStreamReader#getElementText} reads it, but refused
     * past {@code maxCharacters}: a header field of a gigabyte is no identifier.
     */
    public static String elementText(XMLStreamReader reader, int maxCharacters) throws XMLStreamException {
        String name = reader.getLocalName();
        Budget budget = new Budget(maxCharacters, "in <" + name + ">");
        StringBuilder text = new StringBuilder();
        while (reader.hasNext()) {
            switch (reader.next()) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE,
                        XMLStreamConstants.ENTITY_REFERENCE -> {
                    String piece = reader.getText();
                    budget.characters(piece.length());
                    text.append(piece);
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    return text.toString();
                }
                case XMLStreamConstants.START_ELEMENT ->
                        throw new XMLStreamException("an element inside <" + name + ">, which holds text only");
                default -> {
                    // comments and processing instructions are not text
                }
            }
        }
        throw new XMLStreamException("document ended inside <" + name + ">");
    }

    private static void flush(StringBuilder text, List<Object> children) {
        if (!text.isEmpty()) {
            children.add(text.toString());
            text.setLength(0);
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
