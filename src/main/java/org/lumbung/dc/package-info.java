/** The Dublin Core record and its parts, value cleaning, deriving standard values and merging records. */
package org.lumbung.dc;
