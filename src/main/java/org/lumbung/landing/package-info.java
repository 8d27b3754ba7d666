/** Article landing pages: fetching them politely and extracting Dublin Core from every metadata scheme in their HTML (each read by its own {@code SchemeExtractor}) or from their text dumps. */
package org.lumbung.landing;
