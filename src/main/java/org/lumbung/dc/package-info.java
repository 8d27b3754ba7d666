/** The Dublin Core record, value cleaning, language detection and the crosswalks into the record, one class per format. */
package org.lumbung.dc;
