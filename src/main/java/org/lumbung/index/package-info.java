/** Elasticsearch: the connection, the index template and alias, the document shape and the bulk indexer. */
package org.lumbung.index;
