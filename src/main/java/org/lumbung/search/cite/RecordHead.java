package org.lumbung.search.cite;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The head of a record's page as reference managers and crawlers read it, without running a script: the
 * {@code citation_*} meta tags of Google Scholar's inclusion guidelines (which Zotero's embedded-metadata translator
 * reads) and a Schema.org {@code ScholarlyArticle} in JSON-LD. jsoup writes the attributes, so every value is escaped
 * as HTML; the JSON-LD is a data block no CSP has to allow, with {@code <}, {@code >}, {@code &}, U+2028 and U+2029
 * escaped so that no harvested text can end the script element or the JavaScript string that may read it.
 */
public final class RecordHead {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RecordHead() {
    }

    /** Adds the reference's meta tags and JSON-LD to the page's head, and makes its title the page's. */
    public static void write(Reference r, Document page) {
        Element head = page.head();
        if (r.title() != null) {
            page.title(r.title() + " · Lumbung");
        }
        meta(head, "citation_title", r.title());
        for (Reference.Author a : r.authors()) {
            meta(head, "citation_author", a.name());
            meta(head, "citation_author_institution", a.affiliation());
            meta(head, "citation_author_orcid", a.orcidUri());
        }
        List<Integer> date = r.dateParts();
        meta(head, "citation_publication_date", date.size() == 3
                ? "%04d/%02d/%02d".formatted(date.get(0), date.get(1), date.get(2)) : r.year());
        meta(head, "citation_journal_title", r.journal());
        r.issn().forEach(i -> meta(head, "citation_issn", i));
        meta(head, "citation_volume", r.volume());
        meta(head, "citation_issue", r.issue());
        meta(head, "citation_firstpage", r.firstPage());
        meta(head, "citation_lastpage", r.lastPage());
        meta(head, "citation_doi", r.doi());
        r.languages().stream().limit(1).forEach(l -> meta(head, "citation_language", l));
        r.keywords().forEach(k -> meta(head, "citation_keywords", k));
        meta(head, "citation_abstract_html_url", r.url());
        meta(head, "citation_pdf_url", r.pdf());
        head.appendElement("script").attr("type", "application/ld+json").appendChild(new DataNode(jsonLd(r)));
    }

    private static void meta(Element head, String name, String content) {
        if (content != null) {
            head.appendElement("meta").attr("name", name).attr("content", content);
        }
    }

    /** The ScholarlyArticle, escaped to sit inside a script element. */
    static String jsonLd(Reference r) {
        ObjectNode article = JSON.createObjectNode();
        article.put("@context", "https://schema.org");
        article.put("@type", "ScholarlyArticle");
        article.put("@id", r.page());
        put(article, "name", r.title());
        ArrayNode authors = article.putArray("author");
        for (Reference.Author a : r.authors()) {
            ObjectNode person = authors.addObject().put("@type", "Person").put("name", a.displayName());
            put(person, "identifier", a.orcidUri());
            if (a.affiliation() != null) {
                person.putObject("affiliation").put("@type", "Organization").put("name", a.affiliation());
            }
        }
        put(article, "datePublished", r.published());
        ObjectNode partOf = periodical(r);
        if (partOf != null) {
            article.set("isPartOf", partOf);
        }
        put(article, "pageStart", r.firstPage());
        put(article, "pageEnd", r.lastPage());
        put(article, "identifier", r.doiUrl());
        put(article, "inLanguage", r.languages().isEmpty() ? null : r.languages().get(0));
        put(article, "license", r.licence());
        put(article, "abstract", r.summary());
        put(article, "keywords", r.keywords().isEmpty() ? null : String.join(", ", r.keywords()));
        put(article, "url", r.page());
        ArrayNode sameAs = article.putArray("sameAs");
        Stream.of(r.doiUrl(), r.landing()).filter(Objects::nonNull).distinct().forEach(sameAs::add);
        try {
            return JSON.writer(new ScriptSafeEscapes()).writeValueAsString(article);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings is always written", e);
        }
    }

    /** The journal, inside its volume, inside its issue, as Schema.org nests them; null when there is no journal. */
    private static ObjectNode periodical(Reference r) {
        if (r.journal() == null) {
            return null;
        }
        ObjectNode part = JSON.createObjectNode().put("@type", "Periodical").put("name", r.journal());
        if (!r.issn().isEmpty()) {
            r.issn().forEach(part.putArray("issn")::add);
        }
        if (r.volume() != null) {
            ObjectNode volume = JSON.createObjectNode().put("@type", "PublicationVolume")
                    .put("volumeNumber", r.volume());
            volume.set("isPartOf", part);
            part = volume;
        }
        if (r.issue() != null) {
            ObjectNode issue = JSON.createObjectNode().put("@type", "PublicationIssue").put("issueNumber", r.issue());
            issue.set("isPartOf", part);
            part = issue;
        }
        return part;
    }

    private static void put(ObjectNode node, String name, String value) {
        if (value != null) {
            node.put(name, value);
        }
    }

    /** JSON's escapes for what HTML would read inside a script element, and for the two JavaScript line ends. */
    private static final class ScriptSafeEscapes extends CharacterEscapes {

        private final int[] ascii = CharacterEscapes.standardAsciiEscapesForJSON();

        ScriptSafeEscapes() {
            for (char c : new char[] {'<', '>', '&'}) {
                ascii[c] = CharacterEscapes.ESCAPE_STANDARD;
            }
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return ch == 0x2028 ? new SerializedString("\\u2028") : ch == 0x2029 ? new SerializedString("\\u2029")
                    : null;
        }
    }
}
