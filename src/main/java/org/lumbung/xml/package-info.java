/** A small namespace-aware XML tree built from a streaming reader, one record at a time. */
package org.lumbung.xml;
