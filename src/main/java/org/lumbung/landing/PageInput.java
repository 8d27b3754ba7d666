package org.lumbung.landing;

/**
 * One thing to ingest: a file, a folder or an http(s) URL, and optionally the address the page lives at (for a saved
 * file, which does not know its own address).
 */
public record PageInput(String location, String url) {
}
