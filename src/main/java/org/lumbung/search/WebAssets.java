package org.lumbung.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The search page's files, served from Lumbung's jar ({@code lumbung/web/}): no CDN, nothing fetched at run time.
 * Only the files named here are served, so no path a client sends can reach anything else.
 */
public final class WebAssets {

    /** A file and its media type. */
    public record Asset(byte[] bytes, String contentType) {
    }

    /**
     * The policy every page is served with: scripts and styles only from Lumbung itself, no inline script, no
     * plugins, no framing. A second wall behind the pages' rule of never parsing harvested text as markup.
     */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self';"
            + " img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private static final Map<String, String> TYPES = Map.of(
            "index.html", "text/html; charset=UTF-8",
            "record.html", "text/html; charset=UTF-8",
            "lumbung.css", "text/css; charset=UTF-8",
            "lumbung.js", "text/javascript; charset=UTF-8");

    private final Map<String, Asset> assets;

    public WebAssets() {
        Map<String, Asset> loaded = new java.util.HashMap<>();
        TYPES.forEach((name, type) -> loaded.put(name, new Asset(read(name), type)));
        this.assets = Map.copyOf(loaded);
    }

    /**
     * The file a request path names: {@code /} the search page, {@code /record} a record's page, {@code /assets/<file>}
     * a file. Taken from the path the server saw, not from a header a query parameter could also set.
     */
    public Asset page(String path) {
        String name = switch (path == null ? "" : path) {
            case "/" -> "index.html";
            case "/record" -> "record.html";
            default -> path.startsWith("/assets/") ? path.substring("/assets/".length()) : path;
        };
        Asset asset = assets.get(name);
        if (asset == null) {
            throw new NotFoundException("no such page: " + path);
        }
        return asset;
    }

    private static byte[] read(String name) {
        try (InputStream in = WebAssets.class.getResourceAsStream("/lumbung/web/" + name)) {
            if (in == null) {
                throw new IllegalStateException("lumbung/web/" + name + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
