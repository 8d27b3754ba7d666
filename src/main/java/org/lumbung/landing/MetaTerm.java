package org.lumbung.landing;

import org.lumbung.dc.Citation;
import org.lumbung.dc.Creator;
import org.lumbung.dc.DcElement;

/**
 * Where a scheme's meta tag goes: a Dublin Core element, a publication fact, or both; {@code keywords} when one tag
 * holds a list of them. A tag that goes to {@code creator} names a creator (without affiliation).
 */
record MetaTerm(DcElement element, Citation fact, boolean keywords) {

    static MetaTerm to(DcElement element) {
        return new MetaTerm(element, null, false);
    }

    static MetaTerm fact(Citation fact) {
        return new MetaTerm(null, fact, false);
    }

    static MetaTerm both(DcElement element, Citation fact) {
        return new MetaTerm(element, fact, false);
    }

    static MetaTerm keywordList() {
        return new MetaTerm(DcElement.SUBJECT, null, true);
    }

    void put(MetaTag tag, Findings out) {
        if (keywords) {
            out.keywords(tag.content(), tag.lang());
        } else if (element == DcElement.CREATOR) {
            out.creator(new Creator(tag.content(), null, null, false));
        } else if (element == DcElement.IDENTIFIER && fact == Citation.DOI) {
            out.doi(tag.content());
        } else {
            if (element != null) {
                out.add(element, tag.content(), tag.lang());
            }
            if (fact != null) {
                out.citation(fact, tag.content());
            }
        }
    }
}
