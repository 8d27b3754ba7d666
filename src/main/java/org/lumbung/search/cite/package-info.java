/** A record as a citation: the page head reference managers read, Signposting links, and BibTeX, RIS and CSL-JSON. */
package org.lumbung.search.cite;
