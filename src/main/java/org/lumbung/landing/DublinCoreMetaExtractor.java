package org.lumbung.landing;

import static java.util.Map.entry;
import static org.lumbung.landing.MetaTerm.both;
import static org.lumbung.landing.MetaTerm.fact;
import static org.lumbung.landing.MetaTerm.keywordList;
import static org.lumbung.landing.MetaTerm.to;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.lumbung.dc.Citation;
import org.lumbung.dc.DcElement;

/**
 * Reads Dublin Core meta tags in any case: {@code DC.*} as the OJS dublinCoreMeta plugin writes them (one tag per
 * locale, each with its {@code xml:lang}; {@code DC.Source.*} for the journal), {@code dc.*} (eLife, Project Euclid's
 * {@code dc.Title}), and DSpace's {@code DCTERMS.*} refinements ({@code DCTERMS.abstract}, {@code DCTERMS.issued}).
 *
 * <p>Identifiers: {@code DC.Identifier.DOI}, a {@code scheme="doi"} and a value shaped like a DOI give the DOI fact; a
 * bare number is dropped, because OJS writes its internal article id there and it identifies nothing outside the
 * journal. {@code DC.Identifier.pageNumber} gives the pages.
 */
final class DublinCoreMetaExtractor implements SchemeExtractor {

    private static final Pattern DIGITS = Pattern.compile("\\d+");

    private static final MetaVocabulary VOCABULARY = new MetaVocabulary(List.of("dc.", "dcterms."), Map.ofEntries(
            entry("title", to(DcElement.TITLE)),
            entry("creator", to(DcElement.CREATOR)),
            entry("creator.personalname", to(DcElement.CREATOR)),
            entry("title.alternative", to(DcElement.TITLE)),
            entry("alternative", to(DcElement.TITLE)),
            entry("subject", keywordList()),
            entry("description", to(DcElement.DESCRIPTION)),
            entry("description.abstract", to(DcElement.DESCRIPTION)),
            entry("abstract", to(DcElement.DESCRIPTION)),
            entry("publisher", to(DcElement.PUBLISHER)),
            entry("contributor", to(DcElement.CONTRIBUTOR)),
            entry("date", to(DcElement.DATE)),
            entry("date.issued", both(DcElement.DATE, Citation.PUBLICATION_DATE)),
            entry("issued", both(DcElement.DATE, Citation.PUBLICATION_DATE)),
            entry("type", to(DcElement.TYPE)),
            entry("format", to(DcElement.FORMAT)),
            entry("identifier.doi", both(DcElement.IDENTIFIER, Citation.DOI)),
            entry("identifier.uri", to(DcElement.IDENTIFIER)),
            entry("identifier.urn", to(DcElement.IDENTIFIER)),
            entry("identifier.pagenumber", fact(Citation.FIRST_PAGE)),
            entry("bibliographiccitation", to(DcElement.IDENTIFIER)),
            entry("source", to(DcElement.SOURCE)),
            entry("source.issn", both(DcElement.SOURCE, Citation.ISSN)),
            entry("source.volume", fact(Citation.VOLUME)),
            entry("source.issue", fact(Citation.ISSUE)),
            entry("relation.ispartof", to(DcElement.SOURCE)),
            entry("ispartof", to(DcElement.SOURCE)),
            entry("citation.jtitle", both(DcElement.SOURCE, Citation.JOURNAL_TITLE)),
            entry("citation.volume", fact(Citation.VOLUME)),
            entry("citation.issue", fact(Citation.ISSUE)),
            entry("citation.spage", fact(Citation.FIRST_PAGE)),
            entry("citation.epage", fact(Citation.LAST_PAGE)),
            entry("language", to(DcElement.LANGUAGE)),
            entry("rights", to(DcElement.RIGHTS)),
            entry("license", to(DcElement.RIGHTS)),
            entry("accessrights", to(DcElement.RIGHTS)),
            entry("relation", to(DcElement.RELATION)),
            entry("coverage", to(DcElement.COVERAGE)),
            entry("spatial", to(DcElement.COVERAGE)),
            entry("temporal", to(DcElement.COVERAGE))));

    @Override
    public void read(HtmlPage page, Findings out) {
        VOCABULARY.read(page, out);
        for (MetaTag tag : page.metas()) {
            if (VOCABULARY.term(tag).equals("identifier")) {
                identifier(tag, out);
            }
        }
    }

    private static void identifier(MetaTag tag, Findings out) {
        String value = tag.content().strip();
        if (tag.scheme().equals("doi")) {
            out.doi(value);
        } else if (!DIGITS.matcher(value).matches()) {
            out.identifier(value);
        }
    }
}
