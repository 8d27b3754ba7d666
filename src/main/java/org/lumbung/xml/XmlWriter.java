package org.lumbung.xml;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.namespace.QName;

/**
 * Serialises an {@link XmlElement} as standalone XML. Every namespace the tree uses is declared on its root, with
 * the prefix the source used where that is unambiguous, so a record cut out of a page whose namespaces were
 * declared on the envelope (hoisted) still stands alone. Its escaping serves the operator page's HTML too.
 */
public final class XmlWriter {

    private final Map<String, String> elementPrefixes = new LinkedHashMap<>();
    private final Map<String, String> attributePrefixes = new LinkedHashMap<>();
    private final Map<String, String> taken = new HashMap<>();
    private final StringBuilder out;
    private final boolean defaultNamespaceFree;

    private XmlWriter(boolean defaultNamespaceFree, StringBuilder out) {
        this.defaultNamespaceFree = defaultNamespaceFree;
        this.out = out;
    }

    static String write(XmlElement root) {
        return write(root, new StringBuilder(256)).toString();
    }

    /** Appends the element as standalone XML to {@code out}, which it returns. */
    public static StringBuilder write(XmlElement root, StringBuilder out) {
        XmlWriter writer = new XmlWriter(!hasUnqualifiedElement(root), out);
        writer.collect(root);
        writer.write(root, true);
        return out;
    }

    /**
     * An element in no namespace forbids a default namespace declaration: it would be captured by it. Every record of
     * every harvest is walked here, so the walk makes no list and no stream.
     */
    private static boolean hasUnqualifiedElement(XmlElement element) {
        if (element.namespace().isEmpty()) {
            return true;
        }
        for (Object child : element.children()) {
            if (child instanceof XmlElement e && hasUnqualifiedElement(e)) {
                return true;
            }
        }
        return false;
    }

    private void collect(XmlElement element) {
        QName name = element.name();
        String namespace = name.getNamespaceURI();
        if (!namespace.isEmpty() && !elementPrefixes.containsKey(namespace)) {
            elementPrefixes.put(namespace, allocate(namespace, name.getPrefix(), true));
        }
        if (!element.attributes().isEmpty()) {
            collectAttributes(element);
        }
        for (Object child : element.children()) {
            if (child instanceof XmlElement e) {
                collect(e);
            }
        }
    }

    private void collectAttributes(XmlElement element) {
        for (QName attr : element.attributes().keySet()) {
            String ns = attr.getNamespaceURI();
            if (!ns.isEmpty() && !XMLConstants.XML_NS_URI.equals(ns)) {
                String known = elementPrefixes.get(ns);
                if (known != null && !known.isEmpty()) {
                    attributePrefixes.put(ns, known);
                } else {
                    attributePrefixes.computeIfAbsent(ns, n -> allocate(n, attr.getPrefix(), false));
                }
            }
        }
    }

    /** The preferred prefix if free, else ns1, ns2... An empty prefix (default namespace) only for elements. */
    private String allocate(String namespace, String preferred, boolean element) {
        String candidate = preferred;
        if (candidate.isEmpty() && !(element && defaultNamespaceFree)) {
            candidate = "ns1";
        }
        for (int i = 1; taken.containsKey(candidate) && !namespace.equals(taken.get(candidate)); i++) {
            candidate = "ns" + i;
        }
        taken.put(candidate, namespace);
        return candidate;
    }

    private void write(XmlElement element, boolean root) {
        String prefix = elementPrefixes.get(element.namespace());
        qualified(out.append('<'), prefix, element.localName());
        if (root) {
            Map<String, String> declared = new LinkedHashMap<>(elementPrefixes);
            declared.putAll(attributePrefixes);
            declared.forEach((ns, declaredPrefix) -> out.append(declaredPrefix.isEmpty() ? " xmlns" : " xmlns:")
                    .append(declaredPrefix).append("=\"").append(escape(ns)).append('"'));
        }
        if (!element.attributes().isEmpty()) {
            element.attributes().forEach((name, value) -> {
                out.append(' ');
                if (XMLConstants.XML_NS_URI.equals(name.getNamespaceURI())) {
                    out.append("xml:").append(name.getLocalPart());
                } else {
                    qualified(out, attributePrefixes.get(name.getNamespaceURI()), name.getLocalPart());
                }
                out.append("=\"").append(escape(value)).append('"');
            });
        }
        if (element.children().isEmpty()) {
            out.append("/>");
            return;
        }
        out.append('>');
        for (Object child : element.children()) {
            if (child instanceof XmlElement e) {
                write(e, false);
            } else {
                out.append(escape((String) child));
            }
        }
        qualified(out.append("</"), prefix, element.localName()).append('>');
    }

    /** Appends {@code prefix:localName}, or the local name alone for no prefix or the default namespace's. */
    static StringBuilder qualified(StringBuilder out, String prefix, String localName) {
        if (prefix != null && !prefix.isEmpty()) {
            out.append(prefix).append(':');
        }
        return out.append(localName);
    }

    /**
     * Text as XML or HTML text or a double-quoted attribute's value: inert whatever it holds. Most text has nothing to
     * escape: it is appended as it is, without a copy (a record's text, once a page).
     */
    public static String escape(String text) {
        int first = 0;
        while (first < text.length() && !special(text.charAt(first))) {
            first++;
        }
        if (first == text.length()) {
            return text;
        }
        StringBuilder escaped = new StringBuilder(text.length() + 16).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    private static boolean special(char c) {
        return c == '<' || c == '>' || c == '&' || c == '"';
    }
}
