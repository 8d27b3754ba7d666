package org.lumbung.harvest;

import org.lumbung.xml.XmlElement;

/**
 * A record as the repository sent it: its header and the root element of its metadata (null for deleted records
 * and for ListIdentifiers answers), in the metadataPrefix it was asked for.
 */
public record RawRecord(OaiHeader header, XmlElement metadata, String metadataPrefix) {
}
