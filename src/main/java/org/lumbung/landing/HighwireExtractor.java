package org.lumbung.landing;

import static java.util.Map.entry;
import static org.lumbung.landing.MetaTerm.both;
import static org.lumbung.landing.MetaTerm.fact;
import static org.lumbung.landing.MetaTerm.keywordList;
import static org.lumbung.landing.MetaTerm.to;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.lumbung.dc.Citation;
import org.lumbung.dc.Creator;
import org.lumbung.dc.DcElement;

/**
 * Reads the Highwire Press {@code citation_*} tags that Google Scholar asks for (OJS's googleScholar plugin, DSpace,
 * EPrints, HAL, PLOS and most publishers write them), and the same vocabulary under bepress Digital Commons' prefix
 * {@code bepress_citation_*}.
 *
 * <p>An author's {@code _institution}, {@code _orcid} and {@code _email} tags follow their {@code citation_author} tag
 * and belong to it alone; several institutions are joined with {@code ; }. Publishers give {@code citation_author_email}
 * for the corresponding author, so when some authors have an e-mail address and others not, those with one are marked
 * corresponding (when every author has one, nobody is).
 */
final class HighwireExtractor implements SchemeExtractor {

    private static final Pattern SEMICOLONS = Pattern.compile("\\s*;\\s*");

    private static final Map<String, MetaTerm> TERMS = Map.ofEntries(
            entry("title", to(DcElement.TITLE)),
            entry("abstract", to(DcElement.DESCRIPTION)),
            entry("keywords", keywordList()),
            entry("keyword", keywordList()),
            entry("publication_date", both(DcElement.DATE, Citation.PUBLICATION_DATE)),
            entry("date", both(DcElement.DATE, Citation.PUBLICATION_DATE)),
            entry("cover_date", both(DcElement.DATE, Citation.PUBLICATION_DATE)),
            entry("year", to(DcElement.DATE)),
            entry("publisher", to(DcElement.PUBLISHER)),
            entry("dissertation_institution", to(DcElement.PUBLISHER)),
            entry("technical_report_institution", to(DcElement.PUBLISHER)),
            entry("doi", both(DcElement.IDENTIFIER, Citation.DOI)),
            entry("isbn", to(DcElement.IDENTIFIER)),
            entry("journal_title", both(DcElement.SOURCE, Citation.JOURNAL_TITLE)),
            entry("conference_title", to(DcElement.SOURCE)),
            entry("inbook_title", to(DcElement.SOURCE)),
            entry("book_title", to(DcElement.SOURCE)),
            entry("series_title", to(DcElement.SOURCE)),
            entry("issn", both(DcElement.SOURCE, Citation.ISSN)),
            entry("eissn", both(DcElement.SOURCE, Citation.ISSN)),
            entry("volume", fact(Citation.VOLUME)),
            entry("issue", fact(Citation.ISSUE)),
            entry("firstpage", fact(Citation.FIRST_PAGE)),
            entry("lastpage", fact(Citation.LAST_PAGE)),
            entry("pdf_url", fact(Citation.FULL_TEXT_URL)),
            entry("language", to(DcElement.LANGUAGE)));

    /** An author being read: the tags after its {@code citation_author} add to it. */
    private static final class Author {
        final String name;
        final List<String> institutions = new ArrayList<>();
        String orcid;
        boolean email;

        Author(String name) {
            this.name = name;
        }
    }

    private final MetaVocabulary vocabulary;

    private HighwireExtractor(String prefix) {
        this.vocabulary = new MetaVocabulary(List.of(prefix), TERMS);
    }

    /** Google Scholar's Highwire tags, {@code citation_*}. */
    static HighwireExtractor highwire() {
        return new HighwireExtractor("citation_");
    }

    /** The same tags as bepress Digital Commons writes them, {@code bepress_citation_*}. */
    static HighwireExtractor bepress() {
        return new HighwireExtractor("bepress_citation_");
    }

    @Override
    public void read(HtmlPage page, Findings out) {
        vocabulary.read(page, out);
        List<Author> authors = new ArrayList<>();
        for (MetaTag tag : page.metas()) {
            String term = vocabulary.term(tag);
            Author current = authors.isEmpty() ? null : authors.get(authors.size() - 1);
            switch (term) {
                case "author" -> authors.add(new Author(tag.content()));
                // An older form: every author in one tag.
                case "authors" -> SEMICOLONS.splitAsStream(tag.content()).map(Author::new).forEach(authors::add);
                case "author_institution", "author_affiliation" -> {
                    if (current != null && !tag.content().isBlank()) {
                        current.institutions.add(tag.content().strip());
                    }
                }
                case "author_orcid" -> {
                    if (current != null) {
                        current.orcid = tag.content();
                    }
                }
                case "author_email" -> {
                    if (current != null) {
                        current.email = !tag.content().isBlank();
                    }
                }
                default -> {
                    // the vocabulary's terms, and tags this reader does not use (citation_reference...)
                }
            }
        }
        boolean emailMarksCorresponding = authors.stream().anyMatch(a -> a.email)
                && !authors.stream().allMatch(a -> a.email);
        for (Author author : authors) {
            out.creator(new Creator(author.name,
                    author.institutions.isEmpty() ? null : String.join("; ", author.institutions), author.orcid,
                    emailMarksCorresponding && author.email));
        }
    }
}
