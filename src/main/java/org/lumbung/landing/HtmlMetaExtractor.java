package org.lumbung.landing;

import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.lumbung.dc.DcRecordBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads an HTML landing page through every metadata scheme it carries, and weighs the schemes in this order:
 * <ol>
 * <li><b>The scholarly schemes, all of them</b>: Highwire {@code citation_*} (what Google Scholar reads, with an
 * affiliation per author), Dublin Core {@code DC.*}/{@code dc.*}/{@code DCTERMS.*} (OJS writes one tag per locale with
 * its language), schema.org JSON-LD, PRISM, {@code eprints.*}, {@code bepress_citation_*}. Every value of each is
 * kept, in that order, with its language: an Indonesian {@code citation_title} and an English
 * {@code DC.Title.Alternative} are both titles. The first of them that names authors gives the creators; the later
 * ones complete those (affiliation, ORCID) and add nobody, since they name the same people in other spellings.</li>
 * <li><b>COinS, then OpenGraph</b>, element by element, only where the scholarly schemes gave nothing: a COinS span is
 * as often a cited work as the page's own, and OpenGraph is written for link previews.</li>
 * <li><b>The page itself</b>, the last resort, again only where nothing came before: the visible title, authors,
 * abstract and keywords; then HTML's own {@code description}, {@code keywords} and {@code author} tags (often a site's
 * tagline); at the very last the {@code <title>}.</li>
 * </ol>
 * Publication facts (journal, ISSN, volume, issue, pages, date, DOI, PDF address) follow the same order. A scheme that
 * fails on a hostile page is skipped, the reason logged at debug, and the others are read all the same.
 */
public final class HtmlMetaExtractor implements PageExtractor {

    private static final Logger LOG = LoggerFactory.getLogger(HtmlMetaExtractor.class);

    private static final List<SchemeExtractor> SCHOLARLY = List.of(HighwireExtractor.highwire(),
            new DublinCoreMetaExtractor(), new JsonLdExtractor(), new PrismExtractor(), new EprintsExtractor(),
            HighwireExtractor.bepress());
    private static final List<SchemeExtractor> FALLBACKS = List.of(new CoinsExtractor(), new OpenGraphExtractor(),
            new VisiblePageExtractor(), new BasicMetaExtractor());

    @Override
    public String format() {
        return "html";
    }

    @Override
    public void read(LandingPage page, DcRecordBuilder record) {
        HtmlPage html = HtmlPage.parse(page);
        Findings findings = new Findings();
        SCHOLARLY.forEach(scheme -> findings.include(readScheme(scheme, html)));
        FALLBACKS.forEach(scheme -> findings.fillGaps(readScheme(scheme, html)));
        findings.dropTypesFromSubjects();
        findings.writeTo(record);
    }

    /** What one scheme says, or nothing when it fails on this page. */
    static Findings readScheme(SchemeExtractor scheme, HtmlPage page) {
        Findings found = new Findings();
        try {
            scheme.read(page, found);
            return found;
        } catch (RuntimeException e) {
            LOG.debug("{} skipped on {}: {}", scheme.getClass().getSimpleName(), page.url(), e.toString());
            return new Findings();
        }
    }

    /** The page's own idea of its address: canonical link, then citation_abstract_html_url, then og:url. */
    public static String declaredUrl(Document html) {
        Element canonical = html.selectFirst("link[rel=canonical][href]");
        if (canonical != null) {
            return canonical.absUrl("href").isEmpty() ? canonical.attr("href") : canonical.absUrl("href");
        }
        List<MetaTag> metas = MetaTag.of(html);
        for (String name : List.of("citation_abstract_html_url", "og:url")) {
            for (MetaTag meta : metas) {
                if (name.equals(meta.name()) && !meta.content().isBlank()) {
                    return meta.content().trim();
                }
            }
        }
        return null;
    }
}
