package org.lumbung.testing;

/**
 * A browser test's stage: Lumbung's server on a fresh index prefix with the test's records in it, and a fresh
 * headless Chromium. Skipped, loudly, where Debian's chromium and chromium-driver are missing.
 */
public final class BrowserStage implements AutoCloseable {

    /** What puts the test's records into the started server. */
    @FunctionalInterface
    public interface Records {
        void index(String prefix, LumbungServer server) throws Exception;
    }

    private final LumbungServer server;
    private final Chromium browser;

    private BrowserStage(LumbungServer server, Chromium browser) {
        this.server = server;
        this.browser = browser;
    }

    /**
     * @param what    the test, as the skip names it
     * @param profile the browser profile's folder name
     */
    public static BrowserStage start(Class<?> test, String what, String profile, Records records) throws Exception {
        Requirements.debianPackages(Chromium.installed(), "chromium chromium-driver", what);
        String prefix = TestElasticsearch.freshPrefix(test);
        LumbungServer server = LumbungServer.start(prefix);
        try {
            records.index(prefix, server);
            return new BrowserStage(server, Chromium.startFresh(profile));
        } catch (Exception | Error e) {
            server.close();
            throw e;
        }
    }

    public LumbungServer server() {
        return server;
    }

    public Chromium browser() {
        return browser;
    }

    @Override
    public void close() {
        try {
            browser.close();
        } finally {
            server.close();
        }
    }
}
