/**
 * Lumbung's Elasticsearch analysis plugin (a stable plugin, packaged apart from Lumbung's jar): the Lucene filters
 * its index template needs, under Lumbung's names, for the integ-test distribution that lacks analysis-common.
 */
package org.lumbung.es.analysis;
