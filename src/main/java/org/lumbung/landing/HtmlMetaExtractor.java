package org.lumbung.landing;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.lumbung.dc.Citation;
import org.lumbung.dc.Creator;
import org.lumbung.dc.DcElement;
import org.lumbung.dc.DcRecordBuilder;

/**
 * Reads an HTML landing page's meta tags: Highwire {@code citation_*} first, then Dublin Core {@code DC.*} (as the OJS
 * dublinCoreMeta plugin writes them) and {@code dc.*}, then OpenGraph; the page's {@code <title>} is the last resort
 * for a title. Each value keeps the meta tag's {@code xml:lang} or {@code lang}. Values repeated across schemes are kept
 * once.
 */
public final class HtmlMetaExtractor implements PageExtractor {

    private record Mapping(String metaName, DcElement element) {
    }

    private static final Pattern KEYWORD_SPLIT = Pattern.compile("\\s*;\\s*");

    /** Tags that state a publication fact outright. */
    private static final java.util.Map<String, Citation> CITATION_TAGS = java.util.Map.ofEntries(
            java.util.Map.entry("citation_journal_title", Citation.JOURNAL_TITLE),
            java.util.Map.entry("citation_issn", Citation.ISSN),
            java.util.Map.entry("dc.source.issn", Citation.ISSN),
            java.util.Map.entry("citation_volume", Citation.VOLUME),
            java.util.Map.entry("dc.source.volume", Citation.VOLUME),
            java.util.Map.entry("citation_issue", Citation.ISSUE),
            java.util.Map.entry("dc.source.issue", Citation.ISSUE),
            java.util.Map.entry("citation_firstpage", Citation.FIRST_PAGE),
            java.util.Map.entry("citation_lastpage", Citation.LAST_PAGE),
            java.util.Map.entry("citation_publication_date", Citation.PUBLICATION_DATE),
            java.util.Map.entry("citation_date", Citation.PUBLICATION_DATE),
            java.util.Map.entry("citation_doi", Citation.DOI),
            java.util.Map.entry("dc.identifier.doi", Citation.DOI),
            java.util.Map.entry("citation_pdf_url", Citation.FULL_TEXT_URL));

    /** In order of precedence: the first scheme's value of an element comes first. */
    private static final List<Mapping> MAPPINGS = List.of(
            new Mapping("citation_title", DcElement.TITLE),
            new Mapping("dc.title", DcElement.TITLE),
            new Mapping("dc.title.alternative", DcElement.TITLE),
            new Mapping("dc.description", DcElement.DESCRIPTION),
            new Mapping("citation_abstract", DcElement.DESCRIPTION),
            new Mapping("citation_keywords", DcElement.SUBJECT),
            new Mapping("dc.subject", DcElement.SUBJECT),
            new Mapping("citation_publication_date", DcElement.DATE),
            new Mapping("citation_date", DcElement.DATE),
            new Mapping("dc.date.issued", DcElement.DATE),
            new Mapping("dc.date", DcElement.DATE),
            new Mapping("citation_publisher", DcElement.PUBLISHER),
            new Mapping("dc.publisher", DcElement.PUBLISHER),
            new Mapping("dc.contributor", DcElement.CONTRIBUTOR),
            new Mapping("dc.type", DcElement.TYPE),
            new Mapping("dc.format", DcElement.FORMAT),
            new Mapping("citation_doi", DcElement.IDENTIFIER),
            new Mapping("dc.identifier.doi", DcElement.IDENTIFIER),
            new Mapping("dc.identifier", DcElement.IDENTIFIER),
            new Mapping("dc.identifier.uri", DcElement.IDENTIFIER),
            new Mapping("citation_journal_title", DcElement.SOURCE),
            new Mapping("dc.source", DcElement.SOURCE),
            new Mapping("citation_issn", DcElement.SOURCE),
            new Mapping("dc.source.issn", DcElement.SOURCE),
            new Mapping("citation_language", DcElement.LANGUAGE),
            new Mapping("dc.language", DcElement.LANGUAGE),
            new Mapping("dc.relation", DcElement.RELATION),
            new Mapping("dc.coverage", DcElement.COVERAGE),
            new Mapping("dc.rights", DcElement.RIGHTS),
            new Mapping("og:title", DcElement.TITLE),
            new Mapping("og:description", DcElement.DESCRIPTION));

    @Override
    public String format() {
        return "html";
    }

    /** The page's own idea of its address: canonical link, then citation_abstract_html_url, then og:url. */
    public static String declaredUrl(Document html) {
        Element canonical = html.selectFirst("link[rel=canonical][href]");
        if (canonical != null) {
            return canonical.absUrl("href").isEmpty() ? canonical.attr("href") : canonical.absUrl("href");
        }
        for (String name : List.of("citation_abstract_html_url", "og:url")) {
            for (Element meta : metas(html)) {
                if (name.equals(metaName(meta)) && !meta.attr("content").isBlank()) {
                    return meta.attr("content").trim();
                }
            }
        }
        return null;
    }

    @Override
    public void read(LandingPage page, DcRecordBuilder record) {
        Document html = Jsoup.parse(page.content(), page.url());
        readCreators(html, record);
        List<Element> metas = metas(html);
        for (Mapping mapping : MAPPINGS) {
            for (Element meta : metas) {
                if (mapping.metaName().equals(metaName(meta))) {
                    add(record, mapping, meta);
                }
            }
        }
        for (Element meta : metas) {
            Citation fact = CITATION_TAGS.get(metaName(meta));
            if (fact != null) {
                record.citation(fact, meta.attr("content"));
            }
        }
        if (!record.has(DcElement.TITLE)) {
            record.add(DcElement.TITLE, html.title());
        }
    }

    private static void add(DcRecordBuilder record, Mapping mapping, Element meta) {
        String content = meta.attr("content");
        String lang = lang(meta);
        if (mapping.metaName().equals("citation_keywords") || mapping.metaName().equals("dc.subject")) {
            KEYWORD_SPLIT.splitAsStream(content).forEach(k -> record.add(mapping.element(), k, lang));
        } else {
            record.add(mapping.element(), content, lang);
        }
    }

    /**
     * Authors in page order: citation_author, each followed by its own citation_author_institution and
     * citation_author_orcid; DC.Creator.PersonalName and DC.Creator when the page has no citation_author.
     */
    private static void readCreators(Document html, DcRecordBuilder record) {
        String name = null;
        String affiliation = null;
        String orcid = null;
        boolean any = false;
        for (Element meta : metas(html)) {
            String key = metaName(meta);
            String content = meta.attr("content");
            switch (key) {
                case "citation_author" -> {
                    if (name != null) {
                        record.creator(new Creator(name, affiliation, orcid, false));
                    }
                    name = content;
                    affiliation = null;
                    orcid = null;
                    any = true;
                }
                case "citation_author_institution" -> affiliation = affiliation == null ? content : affiliation;
                case "citation_author_orcid" -> orcid = content;
                default -> {
                    // other tags are read by the mappings
                }
            }
        }
        if (name != null) {
            record.creator(new Creator(name, affiliation, orcid, false));
        }
        if (!any) {
            for (Element meta : metas(html)) {
                String key = metaName(meta);
                if (key.equals("dc.creator.personalname") || key.equals("dc.creator")) {
                    record.creator(new Creator(meta.attr("content"), null, null, false));
                }
            }
        }
    }

    private static List<Element> metas(Document html) {
        return html.select("meta[content]");
    }

    /** name= or property= (OpenGraph), in lower case: DC.Title and dc.title are the same tag. */
    private static String metaName(Element meta) {
        String name = meta.hasAttr("name") ? meta.attr("name") : meta.attr("property");
        return name.trim().toLowerCase(Locale.ROOT);
    }

    private static String lang(Element meta) {
        String lang = meta.attr("xml:lang");
        return lang.isBlank() ? (meta.attr("lang").isBlank() ? null : meta.attr("lang")) : lang;
    }
}
