package org.lumbung.crosswalk;

import java.util.Locale;
import java.util.regex.Pattern;
import org.lumbung.dc.DcRecordBuilder;
import org.lumbung.dc.DcTerms;
import org.lumbung.xml.XmlElement;

/**
 * Qualified Dublin Core: the fifteen elements and the DCMI terms that refine them ({@code dcterms:issued},
 * {@code dcterms:abstract}, {@code dcterms:isPartOf}...), as DSpace ({@code qdc}), OCLC/CONTENTdm
 * ({@code qualifieddc}) and the {@code *_dc} formats of aggregators (BASE's {@code base_dc}, NSDL's {@code nsdl_dc})
 * write them. Read like oai_dc; refinements count as their element, DSpace's {@code <identifier type="doi">} as a DOI,
 * and {@code issued} as the publication date. Elements outside Dublin Core (BASE's {@code typenorm}) are left out.
 */
public final class QdcCrosswalk implements Crosswalk {

    private static final Pattern PREFIX = Pattern.compile("q?dc|qualifieddc|dcterms|dcq|[a-z0-9-]+[_-]dc");
    private static final Pattern NAMESPACE = Pattern.compile("http://purl\\.org/dc/terms/?|.*(qdc|qualifieddc).*"
            + "|http://oai\\.base-search\\.net/base_dc/?|http://ns\\.nsdl\\.org/nsdl_dc_v[0-9.]+/?");

    @Override
    public boolean accepts(String metadataPrefix, String rootNamespace) {
        return metadataPrefix != null && PREFIX.matcher(metadataPrefix.toLowerCase(Locale.ROOT)).matches()
                || rootNamespace != null && NAMESPACE.matcher(rootNamespace).matches();
    }

    @Override
    public void read(XmlElement metadata, DcRecordBuilder record) {
        for (XmlElement child : metadata.elements()) {
            DcTerms.read(child, record);
        }
    }
}
