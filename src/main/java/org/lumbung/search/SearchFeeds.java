package org.lumbung.search;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.lumbung.index.IndexDocument;

/**
 * A search followed in a feed reader: an Atom feed (RFC 4287) of any search the page or the API can ask, newest
 * published first, and the OpenSearch 1.1 description that tells browsers and readers where to send a query. Entries
 * are the records' pages under the public base URL ({@code lumbung.http.public-url}); harvested text is written as
 * escaped XML text, never as markup.
 */
public final class SearchFeeds {

    static final String ATOM = "http://www.w3.org/2005/Atom";
    static final String OPENSEARCH = "http://a9.com/-/spec/opensearch/1.1/";
    /** Entries a feed holds unless the search asks for another size (up to the search's own maximum). */
    static final int ENTRIES = 20;
    private static final int SUMMARY = 500;
    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

    private final RecordSearcher searcher;
    private final String base;

    public SearchFeeds(RecordSearcher searcher, String publicUrl) {
        this.searcher = searcher;
        this.base = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /** The OpenSearch description: the page, the feed and the JSON API, each with {@code {searchTerms}}. */
    public WebAssets.Asset openSearch() throws XMLStreamException {
        return xml("application/opensearchdescription+xml; charset=utf-8", w -> {
            w.setDefaultNamespace(OPENSEARCH);
            w.writeStartElement(OPENSEARCH, "OpenSearchDescription");
            w.writeDefaultNamespace(OPENSEARCH);
            text(w, OPENSEARCH, "ShortName", "Lumbung");
            text(w, OPENSEARCH, "Description", "Scholarly records harvested from repositories and journals");
            text(w, OPENSEARCH, "InputEncoding", "UTF-8");
            url(w, "text/html", base + "/?q={searchTerms}", null);
            url(w, "application/atom+xml", base + "/feed?q={searchTerms}", null);
            url(w, "application/json", base + "/api/search?q={searchTerms}&page={startPage?}", null);
            url(w, "application/opensearchdescription+xml", base + "/opensearch.xml", "self");
            w.writeEndElement();
        });
    }

    /** The Atom feed of a search (the API's parameters), newest published first; a bad parameter is a 400. */
    public WebAssets.Asset atom(String rawQuery) throws IOException, XMLStreamException {
        String query = rawQuery == null ? "" : rawQuery;
        SearchRequest asked = SearchRequest.parse(query);
        if (asked.cursor() != null) {
            throw new IllegalArgumentException("a feed has no cursor: it holds the newest records of its search");
        }
        SearchRequest request = new SearchRequest(asked.query(), 1, asked.size(), SearchRequest.Sort.NEWEST,
                asked.filters(), null, false);
        int entries = query.contains("size=") ? request.size() : ENTRIES;
        Map<String, IndexDocument> found = searcher.documents(request, entries);
        String updated = found.values().stream().map(IndexDocument::indexedAt).filter(java.util.Objects::nonNull)
                .max(String::compareTo).orElse(Instant.EPOCH.toString());
        return xml("application/atom+xml; charset=utf-8", w -> {
            w.setDefaultNamespace(ATOM);
            w.writeStartElement(ATOM, "feed");
            w.writeDefaultNamespace(ATOM);
            text(w, ATOM, "id", base + "/feed?" + query);
            text(w, ATOM, "title", "Lumbung: " + (request.query().equals("*") ? "all records" : request.query()));
            text(w, ATOM, "updated", updated);
            w.writeStartElement(ATOM, "author");
            text(w, ATOM, "name", "Lumbung");
            w.writeEndElement();
            link(w, "self", "application/atom+xml", base + "/feed?" + query);
            link(w, "alternate", "text/html", base + "/?" + query);
            text(w, ATOM, "generator", "Lumbung");
            for (Map.Entry<String, IndexDocument> e : found.entrySet()) {
                entry(w, e.getKey(), e.getValue());
            }
            w.writeEndElement();
        });
    }

    private void entry(XMLStreamWriter w, String id, IndexDocument doc) throws XMLStreamException {
        String page = base + "/record?id=" + URLEncoder.encode(id, StandardCharsets.UTF_8);
        List<String> titles = doc.values("title");
        w.writeStartElement(ATOM, "entry");
        text(w, ATOM, "id", page);
        text(w, ATOM, "title", titles.isEmpty() ? "(no title)" : titles.get(0));
        text(w, ATOM, "updated", doc.indexedAt() == null ? Instant.EPOCH.toString() : doc.indexedAt());
        for (String creator : doc.values("creator")) {
            w.writeStartElement(ATOM, "author");
            text(w, ATOM, "name", creator);
            w.writeEndElement();
        }
        link(w, "alternate", "text/html", page);
        List<String> abstracts = doc.values("description");
        if (!abstracts.isEmpty()) {
            String summary = abstracts.get(0);
            text(w, ATOM, "summary", summary.length() <= SUMMARY ? summary : summary.substring(0, SUMMARY) + "…");
        }
        w.writeEndElement();
    }

    private static void link(XMLStreamWriter w, String rel, String type, String href) throws XMLStreamException {
        w.writeEmptyElement(ATOM, "link");
        w.writeAttribute("rel", rel);
        w.writeAttribute("type", type);
        w.writeAttribute("href", href);
    }

    private static void url(XMLStreamWriter w, String type, String template, String rel) throws XMLStreamException {
        w.writeEmptyElement(OPENSEARCH, "Url");
        w.writeAttribute("type", type);
        w.writeAttribute("template", template);
        if (rel != null) {
            w.writeAttribute("rel", rel);
        }
    }

    private static void text(XMLStreamWriter w, String ns, String name, String value) throws XMLStreamException {
        w.writeStartElement(ns, name);
        w.writeCharacters(value);
        w.writeEndElement();
    }

    private interface Body {
        void write(XMLStreamWriter w) throws XMLStreamException;
    }

    private static WebAssets.Asset xml(String contentType, Body body) throws XMLStreamException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XMLStreamWriter w = XML.createXMLStreamWriter(out, "UTF-8");
        w.writeStartDocument("UTF-8", "1.0");
        body.write(w);
        w.writeEndDocument();
        w.close();
        return new WebAssets.Asset(out.toByteArray(), contentType);
    }
}
