package org.lumbung.landing;

/** A page that could not be fetched: the URL and why (robots.txt, 404, a redirect loop, too large, wrong type...). */
public final class PageFetchException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String url;
    private final int retries;

    public PageFetchException(String url, String reason) {
        this(url, reason, 0);
    }

    /** {@code retries}: requests repeated (after transport errors or 5xx) before giving up. */
    public PageFetchException(String url, String reason, int retries) {
        super(reason + " (" + url + ")");
        this.url = url;
        this.retries = retries;
    }

    public int retries() {
        return retries;
    }

    public String url() {
        return url;
    }
}
