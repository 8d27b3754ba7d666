package org.lumbung.landing;

import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.lumbung.dc.Creator;
import org.lumbung.dc.DcElement;

/**
 * Reads what the page shows a reader, for pages whose tags say little: the title, authors, abstract and keywords
 * where the common repository templates put them (OJS 3 and OJS 2 themes, DSpace XMLUI and DSpace 7, EPrints, OPUS
 * 4), an abstract under a heading that says so (D-Lib, EPrints), microdata, a value beside a label that says
 * "Title" or "Authors" (Proceedings of Science, tables of OPUS and DSpace JSPUI), and at last the page's only
 * {@code <h1>} or its {@code <title>}.
 */
final class VisiblePageExtractor implements SchemeExtractor {

    private static final List<String> TITLES = List.of(
            "h1.page_title",                                    // OJS 3 default theme
            "#articleTitle",                                    // OJS 2 classic theme
            ".item-summary-view-metadata h2.page-header",       // DSpace XMLUI (Mirage 2)
            ".item-page-title-field",                           // DSpace 7
            "h1.ep_tm_pagetitle",                               // EPrints 3
            ".titlemain",                                       // OPUS 4 front door
            "[itemprop=headline]", "article h1");
    private static final List<String> ABSTRACTS = List.of(
            ".item.abstract", "#articleAbstract", ".simple-item-view-description", ".item-page-abstract-field",
            ".frontdoor .abstract", "section.abstract", "div.abstract");
    private static final String ABSTRACT_WORD = "(?i)(abstract|abstrak|zusammenfassung|r[ée]sum[ée]|summary)";
    private static final Pattern ABSTRACT_LABEL = Pattern.compile("^" + ABSTRACT_WORD + "\\s*:?\\s*");
    private static final Pattern ABSTRACT_HEADING = Pattern.compile("\\s*" + ABSTRACT_WORD + "\\s*:?\\s*");
    private static final Pattern LIST_SPLIT = Pattern.compile("\\s*[;,]\\s*");
    private static final Pattern SEMICOLONS = Pattern.compile("\\s*;\\s*");
    private static final Pattern TITLE_LABEL = Pattern.compile("(?i)(title|judul|titel)\\s*:?");
    private static final Pattern AUTHORS_LABEL = Pattern.compile("(?i)(authors?|creators?|penulis|pengarang|autor(en)?)\\s*:?");

    @Override
    public void read(HtmlPage page, Findings out) {
        Document html = page.html();
        readTitle(html, out);
        readAuthors(html, out);
        for (Element block : html.select(String.join(", ", ABSTRACTS))) {
            Element copy = block.clone();
            copy.select("h1, h2, h3, h4, h5, h6, .label").remove();
            out.add(DcElement.DESCRIPTION, ABSTRACT_LABEL.matcher(copy.text()).replaceFirst(""));
        }
        for (Element heading : html.select("h2, h3, h4, h5")) {
            Element next = heading.nextElementSibling();
            if (ABSTRACT_HEADING.matcher(heading.text()).matches() && next != null) {
                out.add(DcElement.DESCRIPTION, next.text());
            }
        }
        for (Element keywords : html.select(".item.keywords .value, #articleSubject > div")) {
            LIST_SPLIT.splitAsStream(keywords.text()).forEach(k -> out.add(DcElement.SUBJECT, k));
        }
    }

    private static void readTitle(Document html, Findings out) {
        for (String selector : TITLES) {
            Element title = html.selectFirst(selector);
            if (title != null && !title.text().isBlank()) {
                out.add(DcElement.TITLE, title.text());
                return;
            }
        }
        Element labelled = labelled(html, TITLE_LABEL);
        if (labelled != null) {
            out.add(DcElement.TITLE, labelled.text());
            return;
        }
        Elements h1 = html.select("h1");
        if (h1.size() == 1 && !h1.text().isBlank()) {
            out.add(DcElement.TITLE, h1.text());
        } else {
            out.add(DcElement.TITLE, html.title());
        }
    }

    private static void readAuthors(Document html, Findings out) {
        // OJS 3: one list item per author, with the affiliation and ORCID beside the name.
        for (Element author : html.select(".item.authors li, ul.authors li")) {
            Element name = author.selectFirst(".name");
            Element affiliation = author.selectFirst(".affiliation");
            Element orcid = author.selectFirst(".orcid a[href], .orcid");
            out.creator(new Creator(name == null ? author.ownText() : name.text(),
                    affiliation == null ? null : affiliation.text(),
                    orcid == null ? null : orcid.hasAttr("href") ? orcid.attr("href") : orcid.text(), false));
        }
        // OJS 2: every author in one line.
        for (Element line : html.select("#authorString")) {
            LIST_SPLIT.splitAsStream(line.text()).forEach(n -> out.creator(new Creator(n, null, null, false)));
        }
        // DSpace XMLUI: a block with one element per author under a heading; EPrints: the citation's person names.
        for (Element block : html.select(".simple-item-view-authors")) {
            Element copy = block.clone();
            copy.select("h1, h2, h3, h4, h5, h6").remove();
            // Names here are "Family, Given": only a semicolon separates two of them.
            List<String> names = copy.children().isEmpty() ? List.of(SEMICOLONS.split(copy.text()))
                    : copy.children().eachText();
            names.forEach(n -> out.creator(new Creator(n, null, null, false)));
        }
        html.select(".ep_summary_content_main > p:first-of-type .person_name, [itemprop=author] [itemprop=name]")
                .forEach(n -> out.creator(new Creator(n.text(), null, null, false)));
        Element labelled = out.hasCreators() ? null : labelled(html, AUTHORS_LABEL);
        if (labelled != null) {
            Elements links = labelled.select("a, li");
            List<String> names = links.isEmpty() ? List.of(SEMICOLONS.split(labelled.text())) : links.eachText();
            names.forEach(n -> out.creator(new Creator(n, null, null, false)));
        }
    }

    /** The element beside a label: the next sibling of a leaf whose own text is the label and nothing else. */
    private static Element labelled(Document html, Pattern label) {
        for (Element candidate : html.select("th, dt, td, em, b, strong, span, label")) {
            Element value = candidate.nextElementSibling();
            if (candidate.children().isEmpty() && label.matcher(candidate.ownText().strip()).matches()
                    && value != null && !value.text().isBlank()) {
                return value;
            }
        }
        return null;
    }
}
