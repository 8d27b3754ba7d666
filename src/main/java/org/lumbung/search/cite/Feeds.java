package org.lumbung.search.cite;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.lumbung.search.Facet;
import org.lumbung.search.RecordSearcher;
import org.lumbung.search.SearchRequest;
import org.lumbung.xml.XmlChars;

/**
 * A query to follow: any search as an Atom feed of the records most recently added or changed that it finds
 * ({@code /api/search/feed}, the search API's parameters), and the OpenSearch description that tells browsers and
 * other services how to search Lumbung ({@code /opensearch.xml}).
 */
public final class Feeds {

    /** The most entries a feed holds (its {@code size}); the default is the search API's. */
    public static final int MAX_ENTRIES = SearchRequest.MAX_SIZE;
    /** OpenSearch allows a short name of at most 16 characters. */
    private static final int SHORT_NAME_LENGTH = 16;
    /** The JDK's own writer, not the class path's first (Woodstox, there to read harvests): the output stays as it was. */
    private static final XMLOutputFactory XML = XMLOutputFactory.newDefaultFactory();

    /** A document served: its text and media type. */
    public record Document(String body, String contentType) {
    }

    private final RecordSearcher searcher;
    private final RecordAddresses addresses;
    private final String name;
    private final Clock clock;

    /** @param name what the service is called (the OAI-PMH repository name), in titles and the description */
    public Feeds(RecordSearcher searcher, RecordAddresses addresses, String name, Clock clock) {
        this.searcher = searcher;
        this.addresses = addresses;
        this.name = name == null || name.isBlank() ? "Lumbung" : name.strip();
        this.clock = clock;
    }

    /**
     * The feed of a search, from its raw query string ({@code q}, facet values, {@code size}); a feed is always the
     * newest records first and has no pages, so {@code sort} is not read and {@code page} or {@code cursor} are the
     * client's error.
     */
    public Document feed(String rawQuery) throws IOException {
        SearchRequest asked = SearchRequest.parse(rawQuery);
        if (asked.cursorPaged() || asked.page() != 1) {
            throw new IllegalArgumentException("a feed has no pages: it holds the records most recently added or"
                    + " changed (size, at most " + MAX_ENTRIES + ")");
        }
        SearchRequest request = asked.ordered(SearchRequest.Sort.ADDED);
        List<AtomFeed.Entry> entries = new ArrayList<>();
        String now = clock.instant().toString();
        searcher.documents(request, request.size()).forEach((id, doc) -> entries.add(new AtomFeed.Entry(
                Reference.of(id, doc, addresses.page(id)), validInstant(doc.indexedAt()) ? doc.indexedAt() : now)));
        String query = request.queryString();
        boolean everything = "*".equals(request.query());
        String title = name + ": " + (everything ? "all records" : "records matching \u201c" + request.query()
                + "\u201d") + filtersSaid(request);
        AtomFeed.Links links = new AtomFeed.Links(addresses.base() + "/api/search/feed" + query,
                addresses.base() + "/" + query, addresses.base() + "/opensearch.xml",
                everything ? null : request.query());
        return new Document(AtomFeed.write(title, links, entries, clock.instant()),
                "application/atom+xml; charset=UTF-8");
    }

    /** The OpenSearch 1.1 description: the search page, the feed and the JSON API as URL templates. */
    public Document openSearch() {
        StringWriter out = new StringWriter();
        String base = addresses.base();
        try {
            XMLStreamWriter w = XML.createXMLStreamWriter(out);
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement("", "OpenSearchDescription", AtomFeed.OPENSEARCH);
            w.writeDefaultNamespace(AtomFeed.OPENSEARCH);
            element(w, "ShortName", name.length() > SHORT_NAME_LENGTH ? name.substring(0, SHORT_NAME_LENGTH) : name);
            element(w, "Description", "Search the scholarly records " + name + " gathers from repositories and"
                    + " journals: titles, creators, subjects, abstracts and identifiers.");
            element(w, "InputEncoding", "UTF-8");
            element(w, "OutputEncoding", "UTF-8");
            url(w, "text/html", null, base + "/?q={searchTerms}");
            url(w, "application/atom+xml", null, base + "/api/search/feed?q={searchTerms}&size={count?}");
            url(w, "application/json", null, base + "/api/search?q={searchTerms}&page={startPage?}&size={count?}");
            url(w, "application/opensearchdescription+xml", "self", base + "/opensearch.xml");
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("could not write the OpenSearch description", e);
        }
        return new Document(out.toString(), "application/opensearchdescription+xml; charset=UTF-8");
    }

    private static String filtersSaid(SearchRequest request) {
        StringJoiner said = new StringJoiner("; ", " (", ")").setEmptyValue("");
        for (Facet facet : Facet.values()) {
            List<String> values = request.filters().getOrDefault(facet, List.of());
            if (!values.isEmpty()) {
                said.add(facet.parameter() + ": " + String.join(" or ", values));
            }
        }
        if (request.yearFrom() != null || request.yearTo() != null) {
            said.add("years " + (request.yearFrom() == null ? "" : request.yearFrom()) + "\u2013"
                    + (request.yearTo() == null ? "" : request.yearTo()));
        }
        if (request.openAccess()) {
            said.add("open access only");
        }
        return said.toString();
    }

    private static boolean validInstant(String s) {
        try {
            return s != null && Instant.parse(s) != null;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static void element(XMLStreamWriter w, String name, String text) throws XMLStreamException {
        w.writeStartElement(AtomFeed.OPENSEARCH, name);
        w.writeCharacters(XmlChars.text(text));
        w.writeEndElement();
    }

    private static void url(XMLStreamWriter w, String type, String rel, String template) throws XMLStreamException {
        w.writeStartElement(AtomFeed.OPENSEARCH, "Url");
        w.writeAttribute("type", type);
        if (rel != null) {
            w.writeAttribute("rel", rel);
        }
        w.writeAttribute("template", XmlChars.text(template));
        w.writeEndElement();
    }
}
