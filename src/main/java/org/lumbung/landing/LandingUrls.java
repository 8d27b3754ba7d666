package org.lumbung.landing;

import java.net.URI;
import java.util.Locale;

/**
 * The canonical form of a landing page address, used as the page's document id: scheme and host in lower case, the
 * default port and the fragment dropped. The same page reached twice is one document.
 */
public final class LandingUrls {

    private LandingUrls() {
    }

    public static String canonical(String url) {
        try {
            URI uri = URI.create(url.trim());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return url.trim();
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            int port = uri.getPort();
            boolean defaultPort = port == -1 || scheme.equals("http") && port == 80 || scheme.equals("https") && port == 443;
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port) + path
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        } catch (IllegalArgumentException e) {
            return url.trim();
        }
    }
}
