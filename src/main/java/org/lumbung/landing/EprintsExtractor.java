package org.lumbung.landing;

import static java.util.Map.entry;
import static org.lumbung.landing.MetaTerm.both;
import static org.lumbung.landing.MetaTerm.fact;
import static org.lumbung.landing.MetaTerm.keywordList;
import static org.lumbung.landing.MetaTerm.to;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.lumbung.dc.Citation;
import org.lumbung.dc.Creator;
import org.lumbung.dc.DcElement;

/**
 * Reads the {@code eprints.*} tags of an EPrints abstract page: the item's own fields under their EPrints names.
 * Creators are {@code eprints.creators_name} ({@code Family, Given}); {@code eprints.creators_orcid} is paired with
 * them by position only when there is one per creator, since EPrints leaves out the tag of a creator without one.
 * {@code eprints.date} is the publication date unless {@code eprints.date_type} says it is another (submitted...).
 */
final class EprintsExtractor implements SchemeExtractor {

    private static final MetaVocabulary VOCABULARY = new MetaVocabulary(List.of("eprints."), Map.ofEntries(
            entry("title", to(DcElement.TITLE)),
            entry("abstract", to(DcElement.DESCRIPTION)),
            entry("keywords", keywordList()),
            entry("type", to(DcElement.TYPE)),
            entry("publisher", to(DcElement.PUBLISHER)),
            entry("institution", to(DcElement.PUBLISHER)),
            entry("publication", both(DcElement.SOURCE, Citation.JOURNAL_TITLE)),
            entry("book_title", to(DcElement.SOURCE)),
            entry("event_title", to(DcElement.SOURCE)),
            entry("issn", both(DcElement.SOURCE, Citation.ISSN)),
            entry("volume", fact(Citation.VOLUME)),
            entry("number", fact(Citation.ISSUE)),
            entry("pagerange", fact(Citation.FIRST_PAGE)),
            entry("doi", both(DcElement.IDENTIFIER, Citation.DOI)),
            entry("isbn", to(DcElement.IDENTIFIER)),
            entry("official_url", to(DcElement.IDENTIFIER)),
            entry("language", to(DcElement.LANGUAGE))));

    @Override
    public void read(HtmlPage page, Findings out) {
        VOCABULARY.read(page, out);
        List<String> names = new ArrayList<>();
        List<String> orcids = new ArrayList<>();
        String date = null;
        String dateType = null;
        for (MetaTag tag : page.metas()) {
            switch (VOCABULARY.term(tag)) {
                case "creators_name" -> names.add(tag.content());
                case "creators_orcid" -> orcids.add(tag.content());
                case "date" -> date = date == null ? tag.content() : date;
                case "date_type" -> dateType = tag.content().strip().toLowerCase(Locale.ROOT);
                case "id_number" -> out.identifier(tag.content());
                case "document_url" -> {
                    if (tag.content().strip().toLowerCase(Locale.ROOT).endsWith(".pdf")) {
                        out.citation(Citation.FULL_TEXT_URL, tag.content());
                    }
                }
                default -> {
                    // read by the vocabulary, or a field Lumbung does not use (divisions, refereed...)
                }
            }
        }
        boolean paired = orcids.size() == names.size();
        for (int i = 0; i < names.size(); i++) {
            out.creator(new Creator(names.get(i), null, paired ? orcids.get(i) : null, false));
        }
        if (date != null) {
            out.add(DcElement.DATE, date);
            if (dateType == null || dateType.equals("published")) {
                out.citation(Citation.PUBLICATION_DATE, date);
            }
        }
    }
}
