/**
 * Lumbung: an OAI-PMH harvester and landing-page reader that indexes Dublin Core into Elasticsearch.
 *
 * <p>The packages follow the pipeline (source, fetch, parse, crosswalk, clean and derive, index, search). Each layer
 * below may import only the layers listed before it, never one of its own line or a later one; {@code
 * PackageLayersTest} reads this list and checks every import and every qualified name in the main sources.
 *
 * <ol>
 *   <li>{@code xml}, {@code pipeline}, {@code es}: the XML tree, the types the stages hand each other, the embedded node
 *   <li>{@code http}: the HTTP client shared by harvesting and landing pages
 *   <li>{@code derived}, {@code language}: standard values and language detection, pure functions on text
 *   <li>{@code dc}: the Dublin Core record, its cleaning, derivation and merging
 *   <li>{@code harvest}: the OAI-PMH protocol and harvest loop
 *   <li>{@code landing}: landing pages, fetched and extracted
 *   <li>{@code crosswalk}: metadata formats into the Dublin Core record
 *   <li>{@code index}: writing to Elasticsearch
 *   <li>{@code reindex}: rebuilding from the raw archive, replaying dead letters
 *   <li>{@code source}: the source list and each source's state
 *   <li>{@code ingest}: files, folders, URLs and the inbox
 *   <li>{@code search}: the search API and the OAI-PMH data provider
 *   <li>{@code ops}: health, metrics, admin
 *   <li>{@code config}: settings and the one composition root
 *   <li>{@code camel}: the plugin's beans behind the Kamelets, entry points (as the commands are) whose parts the
 *       composition root builds from the Kamelets' properties
 *   <li>{@code bench}: the end-to-end benchmark command
 *   <li>{@code cli}: the commands
 * </ol>
 *
 * <p>{@code App}, in this package, is the entry point and may import anything.
 */
package org.lumbung;
