/** Searching the index: the search API used by the command line and the HTTP endpoints, and the OAI-PMH data provider that serves the records again. */
package org.lumbung.search;
