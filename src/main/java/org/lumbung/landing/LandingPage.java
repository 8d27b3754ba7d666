package org.lumbung.landing;

/**
 * An article landing page as read: its address (the record's landing URL and identifier), its text or HTML, the
 * source it belongs to, and where the bytes came from (a file or the URL fetched), for messages.
 */
public record LandingPage(String url, String content, String sourceId, String origin) {
}
