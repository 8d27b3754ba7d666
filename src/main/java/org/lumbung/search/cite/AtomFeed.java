package org.lumbung.search.cite;

import java.io.StringWriter;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.lumbung.xml.XmlChars;

/**
 * Writes a search as an Atom feed (RFC 4287): one entry a record, newest added or changed first, so that a feed
 * reader following a query sees what Lumbung gathered since. The feed and every entry carry what RFC 4287 requires
 * (id, title, updated; the feed's author stands for entries that name none), entries link to their page on Lumbung
 * (alternate), the article's own page, DOI and full text (related); the query is said in OpenSearch's terms.
 */
final class AtomFeed {

    static final String ATOM = "http://www.w3.org/2005/Atom";
    static final String OPENSEARCH = "http://a9.com/-/spec/opensearch/1.1/";
    /** The longest summary an entry carries, in characters; a longer abstract is cut at a word and marked. */
    static final int SUMMARY_LENGTH = 1000;
    /** The JDK's own writer, not the class path's first (Woodstox, there to read harvests): the output stays as it was. */
    private static final XMLOutputFactory XML = XMLOutputFactory.newDefaultFactory();

    /** A record in the feed: what its citation says, and when Lumbung last wrote it (an instant, RFC 3339). */
    record Entry(Reference reference, String updated) {
    }

    /**
     * The addresses of a feed: its own ({@code self}), the search page showing the same query, and the OpenSearch
     * description; {@code terms} the words searched (null for all records).
     */
    record Links(String self, String page, String description, String terms) {
    }

    private AtomFeed() {
    }

    /** The feed; {@code now} is its updated time when it has no entry. */
    static String write(String title, Links links, List<Entry> entries, Instant now) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter w = XML.createXMLStreamWriter(out);
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement("", "feed", ATOM);
            w.writeDefaultNamespace(ATOM);
            w.writeNamespace("opensearch", OPENSEARCH);
            text(w, "id", links.self());
            w.writeStartElement(ATOM, "title");
            w.writeAttribute("type", "text");
            w.writeCharacters(XmlChars.text(title));
            w.writeEndElement();
            text(w, "updated", entries.stream().map(e -> Instant.parse(e.updated())).max(Comparator.naturalOrder())
                    .orElse(now).toString());
            w.writeStartElement(ATOM, "author");
            text(w, "name", "Lumbung");
            w.writeEndElement();
            link(w, "self", "application/atom+xml", links.self());
            link(w, "alternate", "text/html", links.page());
            link(w, "search", "application/opensearchdescription+xml", links.description());
            w.writeStartElement(OPENSEARCH, "Query");
            w.writeAttribute("role", "request");
            if (links.terms() != null) {
                w.writeAttribute("searchTerms", XmlChars.text(links.terms()));
            }
            w.writeEndElement();
            w.writeStartElement(OPENSEARCH, "itemsPerPage");
            w.writeCharacters(Integer.toString(entries.size()));
            w.writeEndElement();
            for (Entry entry : entries) {
                entry(w, entry);
            }
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("could not write an Atom feed", e);
        }
        return out.toString();
    }

    private static void entry(XMLStreamWriter w, Entry entry) throws XMLStreamException {
        Reference r = entry.reference();
        w.writeStartElement(ATOM, "entry");
        text(w, "id", r.page());
        w.writeStartElement(ATOM, "title");
        w.writeAttribute("type", "text");
        w.writeCharacters(XmlChars.text(r.title() == null ? "(untitled)" : r.title()));
        w.writeEndElement();
        text(w, "updated", entry.updated());
        List<Integer> date = r.dateParts();
        if (date.size() == 3) {
            text(w, "published", r.published().substring(0, 10) + "T00:00:00Z");
        }
        for (Reference.Author author : r.authors()) {
            w.writeStartElement(ATOM, "author");
            text(w, "name", author.displayName());
            if (author.orcidUri() != null) {
                text(w, "uri", author.orcidUri());
            }
            w.writeEndElement();
        }
        link(w, "alternate", "text/html", r.page());
        if (r.landing() != null) {
            link(w, "related", "text/html", r.landing());
        }
        if (r.doi() != null) {
            link(w, "related", null, "https://doi.org/" + r.doi());
        }
        for (String full : r.fullText()) {
            link(w, "related", Reference.isPdf(full) ? "application/pdf" : "text/html", full);
        }
        for (String keyword : r.keywords()) {
            w.writeStartElement(ATOM, "category");
            w.writeAttribute("term", XmlChars.text(keyword));
            w.writeEndElement();
        }
        if (r.licence() != null) {
            text(w, "rights", r.licence());
        }
        if (r.summary() != null) {
            w.writeStartElement(ATOM, "summary");
            w.writeAttribute("type", "text");
            w.writeCharacters(XmlChars.text(shortened(r.summary())));
            w.writeEndElement();
        }
        w.writeEndElement();
    }

    /** The text cut to {@link #SUMMARY_LENGTH} characters at the last space before, with an ellipsis. */
    static String shortened(String text) {
        if (text.length() <= SUMMARY_LENGTH) {
            return text;
        }
        int cut = text.lastIndexOf(' ', SUMMARY_LENGTH - 1);
        int end = cut > SUMMARY_LENGTH / 2 ? cut : SUMMARY_LENGTH - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end).stripTrailing() + "…";
    }

    private static void text(XMLStreamWriter w, String name, String value) throws XMLStreamException {
        w.writeStartElement(ATOM, name);
        w.writeCharacters(XmlChars.text(value));
        w.writeEndElement();
    }

    private static void link(XMLStreamWriter w, String rel, String type, String href) throws XMLStreamException {
        w.writeStartElement(ATOM, "link");
        w.writeAttribute("rel", rel);
        if (type != null) {
            w.writeAttribute("type", type);
        }
        w.writeAttribute("href", XmlChars.text(href));
        w.writeEndElement();
    }
}
