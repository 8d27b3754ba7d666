package org.lumbung.search.cite;

import java.util.ArrayList;
import java.util.List;

/**
 * The FAIR Signposting level 1 links of a record's page, as one HTTP {@code Link} header: {@code cite-as} (exactly one:
 * the DOI's address, else the page's own), {@code describedby} (the record in Lumbung's JSON API and in each citation
 * format, with its type), {@code item} (each full text, {@code application/pdf} when it is one), {@code license},
 * {@code author} (ORCIDs) and {@code type}. Every target is an http(s) URI ({@link Reference#isLinkable}) or one
 * Lumbung makes, so none can close the angle brackets or split the header.
 */
public final class Signposting {

    private Signposting() {
    }

    /** The header's value; {@code api} is the record's JSON address, {@code exports} that of a format's export. */
    public static String links(Reference r, String api, java.util.function.Function<CitationFormat, String> exports) {
        List<String> links = new ArrayList<>();
        links.add(link(r.doi() != null ? r.doiUrl() : r.page(), "cite-as", null));
        links.add(link(api, "describedby", "application/json"));
        for (CitationFormat format : CitationFormat.values()) {
            links.add(link(exports.apply(format), "describedby", format.mediaType()));
        }
        r.fullText().forEach(u -> links.add(link(u, "item", Reference.isPdf(u) ? "application/pdf" : null)));
        if (r.licence() != null && Reference.isLinkable(r.licence())) {
            links.add(link(r.licence(), "license", null));
        }
        r.authors().stream().filter(a -> a.orcid() != null).forEach(a -> links.add(link(a.orcidUri(), "author", null)));
        links.add(link("https://schema.org/ScholarlyArticle", "type", null));
        links.add(link("https://schema.org/AboutPage", "type", null));
        return String.join(", ", links);
    }

    private static String link(String target, String rel, String type) {
        return "<" + target + ">; rel=\"" + rel + "\"" + (type == null ? "" : "; type=\"" + type + "\"");
    }
}
