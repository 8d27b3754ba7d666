package org.lumbung.landing;

/** A page that could not be fetched: the URL and why (robots.txt, 404, a redirect loop, too large, wrong type...). */
public final class PageFetchException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String url;

    public PageFetchException(String url, String reason) {
        super(reason + " (" + url + ")");
        this.url = url;
    }

    public String url() {
        return url;
    }
}
