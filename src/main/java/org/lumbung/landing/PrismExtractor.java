package org.lumbung.landing;

import static java.util.Map.entry;
import static org.lumbung.landing.MetaTerm.both;
import static org.lumbung.landing.MetaTerm.fact;
import static org.lumbung.landing.MetaTerm.keywordList;
import static org.lumbung.landing.MetaTerm.to;

import java.util.List;
import java.util.Map;
import org.lumbung.dc.Citation;
import org.lumbung.dc.DcElement;

/**
 * Reads PRISM tags ({@code prism.*}), which publishers such as Nature and Elsevier write beside {@code dc.*} for the
 * publication: journal, ISSN, volume, number, pages, date, DOI, copyright. PRISM has no title or author of its own.
 */
final class PrismExtractor implements SchemeExtractor {

    private static final MetaVocabulary VOCABULARY = new MetaVocabulary(List.of("prism."), Map.ofEntries(
            entry("publicationname", both(DcElement.SOURCE, Citation.JOURNAL_TITLE)),
            entry("issn", both(DcElement.SOURCE, Citation.ISSN)),
            entry("eissn", both(DcElement.SOURCE, Citation.ISSN)),
            entry("volume", fact(Citation.VOLUME)),
            entry("number", fact(Citation.ISSUE)),
            entry("issueidentifier", fact(Citation.ISSUE)),
            entry("startingpage", fact(Citation.FIRST_PAGE)),
            entry("endingpage", fact(Citation.LAST_PAGE)),
            entry("pagerange", fact(Citation.FIRST_PAGE)),
            entry("publicationdate", both(DcElement.DATE, Citation.PUBLICATION_DATE)),
            entry("coverdate", both(DcElement.DATE, Citation.PUBLICATION_DATE)),
            entry("doi", both(DcElement.IDENTIFIER, Citation.DOI)),
            entry("isbn", to(DcElement.IDENTIFIER)),
            entry("copyright", to(DcElement.RIGHTS)),
            entry("keyword", keywordList())));

    @Override
    public void read(HtmlPage page, Findings out) {
        VOCABULARY.read(page, out);
    }
}
