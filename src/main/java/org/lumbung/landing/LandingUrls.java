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

    /**
     * The address an article is known by whatever form it is reached in: no scheme (http and https are one), host
     * in lower case without {@code www.}, no trailing slash, no fragment; and for Open Journal Systems the article
     * itself, not its galley ({@code .../article/view/34353/0}, {@code .../article/view/34353/12345} and
     * {@code .../article/download/34353/12345} are all {@code .../article/view/34353}). Null for what is no address.
     */
    public static String mergeKey(String url) {
        try {
            URI uri = URI.create(url.trim());
            if (uri.getScheme() == null || !uri.getScheme().toLowerCase(Locale.ROOT).startsWith("http")
                    || uri.getHost() == null) {
                return null;
            }
            String host = uri.getHost().toLowerCase(Locale.ROOT);
            host = host.startsWith("www.") ? host.substring(4) : host;
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            java.util.regex.Matcher ojs = OJS_ARTICLE.matcher(path);
            if (ojs.matches()) {
                return host + ojs.group(1) + "/article/view/" + ojs.group(2);
            }
            int end = path.length();
            while (end > 0 && path.charAt(end - 1) == '/') {
                end--;
            }
            path = path.substring(0, end);
            return host + path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static final java.util.regex.Pattern OJS_ARTICLE =
            java.util.regex.Pattern.compile("(.*)/article/(?:view|download)/(\\d+)(?:/.*)?");
}
