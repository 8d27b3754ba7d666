/** The embedded Elasticsearch: finds the distribution, unpacks it once, runs one node per data folder and stops it. */
package org.lumbung.es;
