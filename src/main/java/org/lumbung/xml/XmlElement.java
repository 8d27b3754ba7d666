package org.lumbung.xml;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.xml.namespace.QName;

/**
 * One XML element with its attributes, its children (elements and text, in order) and the xml:lang in force.
 * Big enough for one record's metadata, never for a whole page: the page parser builds one per record.
 */
public record XmlElement(QName name, Map<QName, String> attributes, List<Object> children, String lang) {

    public static final String XML_NS = "http://www.w3.org/XML/1998/namespace";

    /** Elements that break the flow of text (HTML's and JATS's paragraphs, line breaks, sections, list items). */
    private static final Set<String> BLOCKS = Set.of("p", "br", "div", "li", "ul", "ol", "tr", "td", "th", "h1", "h2",
            "h3", "h4", "h5", "h6", "blockquote", "pre", "sec", "title", "label", "list", "list-item", "def", "caption",
            "disp-quote", "table-wrap", "fig", "boxed-text", "statement");

    /**
     * Attributes keep the order the source wrote them in, so that the raw record written back out is the same from
     * one run to the next (an immutable map's order changes with every JVM).
     */
    public XmlElement {
        attributes = attributes.size() < 2 ? Map.copyOf(attributes)
                : Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        children = List.copyOf(children);
    }

    public String namespace() {
        return name.getNamespaceURI();
    }

    public String localName() {
        return name.getLocalPart();
    }

    /** The attribute without a namespace, or empty. */
    public Optional<String> attribute(String localName) {
        return Optional.ofNullable(attributes.get(new QName(localName)));
    }

    public Optional<String> attribute(String namespace, String localName) {
        return Optional.ofNullable(attributes.get(new QName(namespace, localName)));
    }

    /** Child elements in document order. */
    public List<XmlElement> elements() {
        List<XmlElement> out = new ArrayList<>();
        for (Object child : children) {
            if (child instanceof XmlElement e) {
                out.add(e);
            }
        }
        return out;
    }

    /** Child elements with this local name, whatever their namespace (repositories get namespaces wrong). */
    public List<XmlElement> elements(String localName) {
        return elements().stream().filter(e -> e.localName().equals(localName)).toList();
    }

    public Optional<XmlElement> element(String localName) {
        return elements(localName).stream().findFirst();
    }

    /** All text below this element, concatenated in document order. */
    public String text() {
        if (children.size() == 1 && children.get(0) instanceof String only) {
            return only;
        }
        StringBuilder out = new StringBuilder();
        appendText(out);
        return out.toString();
    }

    /**
     * All text below this element with a space where a block element begins or ends, so that paragraphs and line
     * breaks written as elements ({@code <p>}, {@code <br/>}, JATS {@code <sec>}) do not run words together.
     */
    public String prose() {
        if (children.size() == 1 && children.get(0) instanceof String only) {
            return only;
        }
        StringBuilder out = new StringBuilder();
        appendProse(out);
        return out.toString();
    }

    private void appendProse(StringBuilder out) {
        for (Object child : children) {
            if (child instanceof XmlElement e) {
                boolean block = BLOCKS.contains(e.localName());
                if (block) {
                    out.append(' ');
                }
                e.appendProse(out);
                if (block) {
                    out.append(' ');
                }
            } else {
                out.append((String) child);
            }
        }
    }

    private void appendText(StringBuilder out) {
        for (Object child : children) {
            if (child instanceof XmlElement e) {
                e.appendText(out);
            } else {
                out.append((String) child);
            }
        }
    }

    /** The element serialised as standalone XML, with every namespace it uses declared on it. */
    public String toXml() {
        return XmlWriter.write(this);
    }
}
