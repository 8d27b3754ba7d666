package org.lumbung.crosswalk;

import org.lumbung.dc.DcRecordBuilder;
import org.lumbung.xml.XmlElement;

/** Reads one metadata format into a Dublin Core record. One class per format. */
public interface Crosswalk {

    /** Whether this crosswalk reads metadata with this metadataPrefix or this root element namespace. */
    boolean accepts(String metadataPrefix, String rootNamespace);

    /** Adds what the metadata says to the record being built. */
    void read(XmlElement metadata, DcRecordBuilder record);
}
