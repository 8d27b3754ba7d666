/**
 * The end-to-end benchmark: synthetic records served as OAI-PMH pages by a separate process, harvested by Lumbung in
 * a child JVM, and set beside the same documents posted straight to Elasticsearch's {@code _bulk} (the ceiling).
 */
package org.lumbung.bench;
