/** Values derived from a record's Dublin Core in standard vocabularies (W3CDTF, ISO 639, COAR, Creative Commons), and the normalisers that compute them. */
package org.lumbung.derived;
