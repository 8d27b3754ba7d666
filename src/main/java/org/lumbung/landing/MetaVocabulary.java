package org.lumbung.landing;

import java.util.List;
import java.util.Map;

/**
 * A scheme's meta tags: the name prefixes that mark them ({@code citation_}, {@code dc.} and {@code dcterms.}) and
 * where each term goes. Terms it does not list are left to the scheme's reader or ignored.
 */
record MetaVocabulary(List<String> prefixes, Map<String, MetaTerm> terms) {

    MetaVocabulary {
        prefixes = List.copyOf(prefixes);
        terms = Map.copyOf(terms);
    }

    /** Puts every tag of the page that has a listed term where the term says, in page order. */
    void read(HtmlPage page, Findings out) {
        for (MetaTag tag : page.metas()) {
            MetaTerm term = terms.get(term(tag));
            if (term != null) {
                term.put(tag, out);
            }
        }
    }

    /** The tag's term in this vocabulary ({@code title} of {@code DC.Title}), or the empty string if not one of ours. */
    String term(MetaTag tag) {
        for (String prefix : prefixes) {
            String term = tag.term(prefix);
            if (term != null) {
                return term;
            }
        }
        return "";
    }
}
