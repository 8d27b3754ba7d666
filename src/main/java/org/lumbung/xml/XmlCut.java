package org.lumbung.xml;

import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.namespace.NamespaceContext;
import javax.xml.namespace.QName;

/**
 * An element's text cut out of the document that held it, made to stand alone: the namespaces its names (and its
 * {@code xsi:type} values) use that were declared around it, on the OAI-PMH envelope say, are declared on its root.
 * Everything else is the document's own text, byte for byte as the sanitiser left it: its comments, its white space
 * and its escapes, without a pass that writes the tree back out.
 */
final class XmlCut {

    private static final String XSI = XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI;

    private XmlCut() {
    }

    /**
     * The text of {@code root} at {@code [from, to)} in {@code text}, standing alone; null when those offsets do not
     * frame the element's own start and end tags (then the caller writes the tree out instead).
     *
     * @param scope the namespaces in force on the root
     * @param ownPrefixes the prefixes the root's start tag itself declares ("" for a default namespace)
     */
    static String standalone(String text, long from, long to, XmlElement root, NamespaceContext scope,
                             List<String> ownPrefixes) {
        if (from < 0 || to > text.length() || from >= to) {
            return null;
        }
        String name = qualified(root.name());
        int start = (int) from;
        int end = (int) to;
        if (!framed(text, start, end, name)) {
            return null;
        }
        List<String> used = new ArrayList<>(4);
        collect(root, used);
        StringBuilder declarations = null;
        for (String prefix : used) {
            if (ownPrefixes.contains(prefix)) {
                continue;
            }
            String uri = scope.getNamespaceURI(prefix);
            if (prefix.isEmpty()) {
                uri = uri == null ? "" : uri; // an element in no namespace says so: the record around it has one
            } else if (uri == null || uri.isEmpty()) {
                continue; // bound nowhere around the root: only a descendant declares it, and that is in the text
            }
            if (declarations == null) {
                declarations = new StringBuilder();
            }
            declarations.append(prefix.isEmpty() ? " xmlns" : " xmlns:").append(prefix).append("=\"")
                    .append(XmlWriter.escape(uri)).append('"');
        }
        int afterName = start + 1 + name.length();
        if (declarations == null) {
            return text.substring(start, end);
        }
        return new StringBuilder(end - start + declarations.length()).append(text, start, afterName)
                .append(declarations).append(text, afterName, end).toString();
    }

    /** The text starts with {@code <name} and a character that ends a name, and ends with the element's end. */
    private static boolean framed(String text, int start, int end, String name) {
        if (!text.startsWith(name, start + 1) || text.charAt(start) != '<' || text.charAt(end - 1) != '>') {
            return false;
        }
        int afterName = start + 1 + name.length();
        if (afterName >= end) {
            return false;
        }
        char next = text.charAt(afterName);
        if (next != '>' && next != '/' && !Character.isWhitespace(next)) {
            return false;
        }
        if (text.charAt(end - 2) == '/') {
            return text.indexOf('>', afterName) == end - 1; // <name .../>: the first tag is the whole element
        }
        int close = text.lastIndexOf("</", end - 1);
        if (close <= start || !text.startsWith(name, close + 2)) {
            return false;
        }
        for (int i = close + 2 + name.length(); i < end - 1; i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** The prefixes the tree's names use ("" for an unprefixed element), and those of its xsi:type values. */
    private static void collect(XmlElement element, List<String> used) {
        add(used, element.name().getPrefix());
        if (!element.attributes().isEmpty()) {
            element.attributes().forEach((attribute, value) -> {
                String prefix = attribute.getPrefix();
                if (!prefix.isEmpty() && !XMLConstants.XML_NS_PREFIX.equals(prefix)) {
                    add(used, prefix);
                }
                if (XSI.equals(attribute.getNamespaceURI()) && "type".equals(attribute.getLocalPart())) {
                    int colon = value.indexOf(':');
                    if (colon > 0) {
                        add(used, value.substring(0, colon).trim());
                    }
                }
            });
        }
        for (Object child : element.children()) {
            if (child instanceof XmlElement e) {
                collect(e, used);
            }
        }
    }

    private static void add(List<String> used, String prefix) {
        if (!used.contains(prefix)) {
            used.add(prefix);
        }
    }

    private static String qualified(QName name) {
        return XmlWriter.qualified(new StringBuilder(), name.getPrefix(), name.getLocalPart()).toString();
    }
}
