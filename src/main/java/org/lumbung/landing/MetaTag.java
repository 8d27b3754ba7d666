package org.lumbung.landing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * One {@code <meta>} tag of a page, as the scheme readers see it.
 *
 * @param name    the tag's name in lower case ({@code DC.Title} and {@code dc.title} are one tag): {@code name=}, else
 *                {@code property=} (OpenGraph), else {@code itemprop=} (microdata), else {@code id=} (D-Lib Magazine
 *                writes {@code <meta id="DOI">} where {@code name=} belongs)
 * @param content the {@code content} attribute
 * @param lang    {@code xml:lang}, else {@code lang}, else null
 * @param scheme  the {@code scheme} attribute in lower case ({@code doi}, {@code dcterms.uri}), else empty
 */
record MetaTag(String name, String content, String lang, String scheme) {

    /** The page's meta tags that have a name and a content, in page order. */
    static List<MetaTag> of(Document html) {
        List<MetaTag> tags = new ArrayList<>();
        for (Element meta : html.select("meta[content]")) {
            String name = firstAttribute(meta, "name", "property", "itemprop", "id").toLowerCase(Locale.ROOT);
            if (!name.isEmpty()) {
                String lang = firstAttribute(meta, "xml:lang", "lang");
                tags.add(new MetaTag(name, meta.attr("content"), lang.isEmpty() ? null : lang,
                        meta.attr("scheme").trim().toLowerCase(Locale.ROOT)));
            }
        }
        return List.copyOf(tags);
    }

    /** What follows the prefix in the name ({@code title} of {@code citation_title}), or null for another prefix. */
    String term(String prefix) {
        return name.startsWith(prefix) ? name.substring(prefix.length()) : null;
    }

    private static String firstAttribute(Element meta, String... names) {
        for (String attribute : names) {
            String value = meta.attr(attribute).trim();
            if (!value.isEmpty()) {
                return value;
            }
        }
        return "";
    }
}
