package org.lumbung.crosswalk;

import java.util.List;
import java.util.Locale;
import org.lumbung.dc.Citation;
import org.lumbung.dc.Creator;
import org.lumbung.dc.DcElement;
import org.lumbung.dc.DcRecordBuilder;
import org.lumbung.dc.DcTerms;
import org.lumbung.xml.XmlElement;

/**
 * RIOXX, the UK repositories' profile, versions 2 and 3: Dublin Core elements, plus {@code rioxxterms:creator}
 * (v3: a name and ids, among them the ORCID iD) or {@code rioxxterms:author} (v2: the ORCID in an {@code id}
 * attribute), {@code rioxxterms:publication_date}, the v3 {@code dc:relation rel="item"} pointing at the full text
 * with its licence and access rights as attributes, and v2's {@code ali:license_ref} and
 * {@code rioxxterms:version_of_record} (the published DOI). DSpace 7 writes v3 with no namespace on the root.
 */
public final class RioxxCrosswalk implements Crosswalk {

    @Override
    public boolean accepts(String metadataPrefix, String rootNamespace) {
        return metadataPrefix != null && metadataPrefix.toLowerCase(Locale.ROOT).startsWith("rioxx")
                || rootNamespace != null && rootNamespace.startsWith("http://www.rioxx.net/schema/");
    }

    @Override
    public void read(XmlElement metadata, DcRecordBuilder record) {
        for (XmlElement child : metadata.elements()) {
            switch (child.localName()) {
                case "creator", "author" -> record.creator(person(child));
                case "contributor" -> record.add(DcElement.CONTRIBUTOR, person(child).name());
                case "publisher" -> record.add(DcElement.PUBLISHER,
                        child.element("name").map(XmlElement::text).orElse(child.text()));
                case "publication_date" -> record.add(DcElement.DATE, child.text())
                        .citation(Citation.PUBLICATION_DATE, child.text());
                case "relation" -> relation(child, record);
                case "ext_relation" -> record.add(DcElement.RELATION, child.text());
                case "license_ref" -> record.add(DcElement.RIGHTS, child.text());
                case "version_of_record" -> record.add(DcElement.IDENTIFIER, child.text())
                        .citation(Citation.DOI, child.text());
                case "source" -> {
                    // RIOXX asks for the journal's ISSN in dc:source.
                    DcTerms.read(child, record);
                    if (child.text().strip().matches("\\d{4}-\\d{3}[\\dXx]")) {
                        record.citation(Citation.ISSN, child.text());
                    }
                }
                default -> DcTerms.read(child, record);
            }
        }
    }

    /**
     * A person: v3 {@code <rioxxterms:creator><rioxxterms:name/><rioxxterms:id/>...}, v2 {@code
     * <rioxxterms:author id="https://orcid.org/...">Name</rioxxterms:author>}.
     */
    private static Creator person(XmlElement e) {
        String name = e.element("name").map(XmlElement::text).orElse(e.text());
        String orcid = e.attribute("id").filter(id -> id.contains("orcid")).orElse(null);
        List<XmlElement> ids = e.elements("id");
        for (XmlElement id : ids) {
            if (orcid == null && id.text().contains("orcid")) {
                orcid = id.text();
            }
        }
        return new Creator(name, null, orcid, false);
    }

    /** v3's link to a file of the item: {@code rel="item"} is the full text; its licence and access come along. */
    private static void relation(XmlElement e, DcRecordBuilder record) {
        record.add(DcElement.RELATION, e.text());
        if (e.attribute("rel").orElse("").equals("item")) {
            record.citation(Citation.FULL_TEXT_URL, e.text());
        }
        e.attribute("license_ref").ifPresent(uri -> record.add(DcElement.RIGHTS, uri));
        // The schema spells it access_rights; DSpace 7's rioxx crosswalk writes access_rights_.
        e.attribute("access_rights").or(() -> e.attribute("access_rights_"))
                .ifPresent(uri -> record.add(DcElement.RIGHTS, uri));
        e.attribute("coar_type").ifPresent(uri -> record.add(DcElement.TYPE, uri));
    }
}
