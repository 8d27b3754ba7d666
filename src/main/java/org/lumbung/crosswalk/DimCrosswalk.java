package org.lumbung.crosswalk;

import org.lumbung.dc.DcRecordBuilder;
import org.lumbung.xml.XmlElement;

/**
 * DSpace Intermediate Metadata ({@code dim}): every field of the item as a flat {@code <dim:field mdschema element
 * qualifier lang authority>}. Fields mean what {@link DspaceFields} says; an ORCID iD DSpace-CRIS keeps as the
 * author's authority becomes the creator's.
 */
public final class DimCrosswalk implements Crosswalk {

    public static final String NAMESPACE = "http://www.dspace.org/xmlns/dspace/dim";

    @Override
    public boolean accepts(String metadataPrefix, String rootNamespace) {
        return "dim".equals(metadataPrefix) || NAMESPACE.equals(rootNamespace);
    }

    @Override
    public void read(XmlElement metadata, DcRecordBuilder record) {
        for (XmlElement field : metadata.elements("field")) {
            DspaceFields.read(new DspaceFields.Field(field.attribute("mdschema").orElse(""),
                    field.attribute("element").orElse(""), field.attribute("qualifier").orElse(null),
                    field.attribute("lang").orElse(null), field.text(), field.attribute("authority").orElse(null)),
                    record);
        }
    }
}
