package org.lumbung.landing;

import static java.util.Map.entry;
import static org.lumbung.landing.MetaTerm.both;
import static org.lumbung.landing.MetaTerm.keywordList;
import static org.lumbung.landing.MetaTerm.to;

import java.util.List;
import java.util.Map;
import org.lumbung.dc.Citation;
import org.lumbung.dc.DcElement;

/**
 * Reads HTML's own meta names ({@code description}, {@code keywords}, {@code author}) and stray tags outside any
 * scheme: D-Lib Magazine's {@code <meta id="DOI">}, a microdata {@code itemprop="datePublished"}. A site often puts
 * its tagline in {@code description}, so these come after what the page shows.
 */
final class BasicMetaExtractor implements SchemeExtractor {

    private static final MetaVocabulary VOCABULARY = new MetaVocabulary(List.of(""), Map.ofEntries(
            entry("description", to(DcElement.DESCRIPTION)),
            entry("keywords", keywordList()),
            entry("author", to(DcElement.CREATOR)),
            entry("doi", both(DcElement.IDENTIFIER, Citation.DOI)),
            entry("datepublished", both(DcElement.DATE, Citation.PUBLICATION_DATE))));

    @Override
    public void read(HtmlPage page, Findings out) {
        VOCABULARY.read(page, out);
    }
}
