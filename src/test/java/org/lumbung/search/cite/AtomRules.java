package org.lumbung.search.cite;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * What RFC 4287 requires of a feed and its entries (sections 4.1.1 and 4.1.2), checked on a namespace-aware parse:
 * exactly one id (an absolute IRI), title and updated (an RFC 3339 date-time) on each; an author on the feed or on
 * every entry; at most one alternate link per media type and language; an entry without content links alternate.
 */
final class AtomRules {

    private AtomRules() {
    }

    /** Parses the feed strictly (a well-formedness error fails) and checks it; the document, to read further. */
    static Document check(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        Element feed = doc.getDocumentElement();
        assertThat(feed.getNamespaceURI() + " " + feed.getLocalName()).isEqualTo(AtomFeed.ATOM + " feed");
        checkCommon(feed, "the feed");
        List<Element> entries = children(feed, "entry");
        if (children(feed, "author").isEmpty()) {
            entries.forEach(e -> assertThat(children(e, "author")).as("an entry of a feed without author").isNotEmpty());
        }
        children(feed, "author").forEach(AtomRules::checkPerson);
        for (Element entry : entries) {
            String id = children(entry, "id").isEmpty() ? "?" : children(entry, "id").get(0).getTextContent();
            checkCommon(entry, "entry " + id);
            children(entry, "author").forEach(AtomRules::checkPerson);
            if (children(entry, "content").isEmpty()) {
                assertThat(links(entry, "alternate")).as("entry %s without content links alternate", id)
                        .isNotEmpty();
            }
        }
        return doc;
    }

    private static void checkCommon(Element e, String what) {
        assertThat(children(e, "id")).as("%s: one atom:id", what).hasSize(1);
        assertThat(URI.create(children(e, "id").get(0).getTextContent().strip()).isAbsolute())
                .as("%s: its id is an absolute IRI", what).isTrue();
        assertThat(children(e, "title")).as("%s: one atom:title", what).hasSize(1);
        assertThat(children(e, "updated")).as("%s: one atom:updated", what).hasSize(1);
        OffsetDateTime.parse(children(e, "updated").get(0).getTextContent().strip());
        children(e, "published").forEach(p -> OffsetDateTime.parse(p.getTextContent().strip()));
        Set<String> alternates = new HashSet<>();
        for (Element link : links(e, "alternate")) {
            assertThat(alternates.add(link.getAttribute("type") + "|" + link.getAttribute("hreflang")))
                    .as("%s: one alternate link per type and language", what).isTrue();
        }
        for (Element link : children(e, "link")) {
            assertThat(link.getAttribute("href")).as("%s: a link has an href", what).isNotBlank();
            assertThat(URI.create(link.getAttribute("href")).isAbsolute()).isTrue();
        }
    }

    private static void checkPerson(Element person) {
        assertThat(children(person, "name")).as("a person construct has one name").hasSize(1);
    }

    static List<Element> links(Element e, String rel) {
        return children(e, "link").stream().filter(l -> rel.equals(l.getAttribute("rel").isEmpty() ? "alternate"
                : l.getAttribute("rel"))).toList();
    }

    /** The Atom children of an element with this local name. */
    static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && AtomFeed.ATOM.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }

    static String text(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0).getTextContent();
    }
}
