package org.lumbung.http;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A redirect followed: its status, the address that answered it and the address it pointed to. A temporary redirect
 * (302, 303, 307) says nothing of where the address lives: load balancers, maintenance pages and login walls send
 * them. A permanent one (301, 308) says the address moved, unless it only takes it from http to https on the same
 * host, default port, path and query (a site turning TLS on), which asks nothing of anyone. Any other permanent
 * redirect is a move: a repository on a new host or path, or an old domain now serving someone else, which a harvest
 * records and follows only when told to.
 */
public record Redirect(int status, String from, String to) {

    /** Whether an answer of this status redirects (when it carries a Location). */
    public static boolean redirects(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    public boolean permanent() {
        return status == 301 || status == 308;
    }

    /** From http to https, on the same host, each on its scheme's default port, with the same path and query. */
    public boolean secureUpgrade() {
        URI before = URI.create(from);
        URI after = URI.create(to);
        return "http".equalsIgnoreCase(before.getScheme()) && "https".equalsIgnoreCase(after.getScheme())
                && before.getHost() != null && before.getHost().equalsIgnoreCase(after.getHost())
                && (before.getPort() == -1 || before.getPort() == 80)
                && (after.getPort() == -1 || after.getPort() == 443)
                && path(before).equals(path(after)) && Objects.equals(before.getRawQuery(), after.getRawQuery());
    }

    /** A permanent redirect that is more than a move to https: the address itself moved. */
    public boolean move() {
        return permanent() && !secureUpgrade();
    }

    /**
     * The move in the redirects followed for one request: the first that {@link #move}s, as long as only permanent
     * ones came before it. After a temporary redirect the chain speaks for a stand-in address, not the one asked.
     */
    public static Optional<Redirect> move(List<Redirect> chain) {
        for (Redirect redirect : chain) {
            if (!redirect.permanent()) {
                return Optional.empty();
            }
            if (redirect.move()) {
                return Optional.of(redirect);
            }
        }
        return Optional.empty();
    }

    private static String path(URI uri) {
        String path = uri.getRawPath();
        return path == null || path.isEmpty() ? "/" : path;
    }
}
