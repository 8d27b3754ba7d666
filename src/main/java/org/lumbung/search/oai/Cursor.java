package org.lumbung.search.oai;

/**
 * Where a list stopped: the Elasticsearch point in time the list reads (one consistent view of the index for the
 * whole harvest) and the sort values of the last record sent ({@code indexedAt} in milliseconds and
 * {@code _shard_doc}), which search_after continues from, past the 10,000-hit window.
 */
record Cursor(String pit, long indexedAt, long shardDoc) {
}
