package org.lumbung.ops;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * The admin endpoints' door: {@code Authorization: Bearer <lumbung.admin.token>}. Without a header the answer is 401,
 * with a wrong token 403, and with no token configured every admin request is 403. The token is compared in constant
 * time and never logged; an error says what was wrong, never what was sent. The operator page's login form is checked
 * against the same token ({@link #matches}).
 */
public final class AdminGuard {

    private final byte[] token;

    public AdminGuard(Optional<String> token) {
        this.token = token.map(t -> t.getBytes(StandardCharsets.UTF_8)).orElse(null);
    }

    /** Whether an admin token is configured: without one the admin endpoints and the operator page are off. */
    public boolean on() {
        return token != null;
    }

    /** Whether {@code given} is the admin token (false while none is configured), compared in constant time. */
    public boolean matches(String given) {
        return token != null && given != null
                && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), token);
    }

    public void check(String authorization) {
        if (token == null) {
            throw new AdminDeniedException(403, "the admin endpoints are off: set LUMBUNG_ADMIN_TOKEN to use them");
        }
        if (authorization == null || authorization.isBlank()) {
            throw new AdminDeniedException(401, "the admin endpoints need 'Authorization: Bearer <token>'");
        }
        String given = authorization.strip();
        if (!given.regionMatches(true, 0, "Bearer ", 0, 7) || !matches(given.substring(7).strip())) {
            throw new AdminDeniedException(403, "wrong admin token");
        }
    }
}
