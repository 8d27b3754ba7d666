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
 * Reads OpenGraph ({@code og:*}) and its article vertical ({@code article:*}): written for link previews, so the
 * title may carry the site's name and the description is a teaser. {@code article:author} is usually a profile
 * address, which is not a name and is dropped.
 */
final class OpenGraphExtractor implements SchemeExtractor {

    private static final MetaVocabulary VOCABULARY = new MetaVocabulary(List.of(""), Map.ofEntries(
            entry("og:title", to(DcElement.TITLE)),
            entry("og:description", to(DcElement.DESCRIPTION)),
            entry("article:published_time", both(DcElement.DATE, Citation.PUBLICATION_DATE)),
            entry("article:tag", keywordList()),
            entry("article:author", to(DcElement.CREATOR))));

    @Override
    public void read(HtmlPage page, Findings out) {
        VOCABULARY.read(page, out);
    }
}
