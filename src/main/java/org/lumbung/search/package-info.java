/** Searching the index: the search API used by the command line and the HTTP endpoints, and health. */
package org.lumbung.search;
