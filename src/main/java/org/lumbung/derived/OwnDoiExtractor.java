package org.lumbung.derived;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A record's own DOI when only the citation of the record in dc:source names it, as HAL's does
 * ({@code Earth, Planets and Space, ..., 2013, 65 (8), pp.845-850. 〈10.5047/eps.2013.05.019〉}). Asked only when
 * dc:identifier names no DOI (and no format field or OpenAIRE altIdentifier states one); it answers only when exactly
 * one DOI stands inside the dc:source citations and it is none of the DOIs that belong to other works:
 * <ul>
 *   <li>a DOI standing alone in dc:source is the or the journal's (Open Journal Systems writes the issue's
 *       DOI so);</li>
 *   <li>a DOI in dc:relation is another work's even standing alone: OJS lists its galleys there, each with a DOI of
 *       its own ({@code 10.14710/jsp.v9i2.4521.g2210}), and others mark related works ({@code isPartOf},
 *       {@code references}, a dataset).</li>
 * </ul>
 */
public final class OwnDoiExtractor {

    private OwnDoiExtractor() {
    }

    /** The record's own DOI by these rules, or null. */
    public static String of(List<String> sources, List<String> relations) {
        Set<String> cited = new LinkedHashSet<>();
        Set<String> others = new HashSet<>();
        for (String source : sources) {
            String alone = IdentifierNormaliser.doi(source);
            if (alone != null) {
                others.add(alone);
            } else {
                cited.addAll(IdentifierNormaliser.dois(source));
            }
        }
        for (String relation : relations) {
            others.addAll(IdentifierNormaliser.dois(relation));
        }
        if (cited.size() != 1) {
            return null;
        }
        String doi = cited.iterator().next();
        return others.contains(doi) ? null : doi;
    }
}
