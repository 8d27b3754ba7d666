package org.lumbung.harvest;

/** One entry of ListMetadataFormats: the prefix to ask for, its schema and its namespace. */
public record MetadataFormat(String metadataPrefix, String schema, String metadataNamespace) {
}
