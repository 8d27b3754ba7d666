package org.lumbung.landing;

/**
 * What Lumbung remembers of a page between visits, to ask with If-None-Match and If-Modified-Since: an unchanged page
 * costs the site one short answer (304) and Lumbung nothing.
 */
public interface PageValidators {

    /** The ETag and Last-Modified a page came with last time (either may be null). */
    record Validators(String etag, String lastModified) {
    }

    Validators get(String url);

    void put(String url, Validators validators);

    /** Remembers nothing: every visit fetches the whole page. */
    PageValidators NONE = new PageValidators() {
        @Override
        public Validators get(String url) {
            return null;
        }

        @Override
        public void put(String url, Validators validators) {
            // nothing kept
        }
    };
}
