/**
 * Article landing pages: reading them from files or URLs, and extracting Dublin Core from every metadata scheme in
 * their HTML (each read by its own {@code SchemeExtractor}) or from their text dumps.
 */
package org.lumbung.landing;
