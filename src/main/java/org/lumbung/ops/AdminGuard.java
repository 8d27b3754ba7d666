package org.lumbung.ops;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * The admin endpoints' door: {@code Authorization: Bearer <lumbung.admin.token>}. Without a header the answer is 401,
 * with a wrong token 403, and with no token configured every admin request is 403. The token is compared in constant
 * time and never logged; an error says what was wrong, never what was sent.
 */
public final class AdminGuard {

    private final byte[] token;

    public AdminGuard(Optional<String> token) {
        this.token = token.map(t -> t.getBytes(StandardCharsets.UTF_8)).orElse(null);
    }

    public void check(String authorization) {
        if (token == null) {
            throw new AdminDeniedException(403, "the admin endpoints are off: set LUMBUNG_ADMIN_TOKEN to use them");
        }
        if (authorization == null || authorization.isBlank()) {
            throw new AdminDeniedException(401, "the admin endpoints need 'Authorization: Bearer <token>'");
        }
        String given = authorization.strip();
        byte[] sent = given.regionMatches(true, 0, "Bearer ", 0, 7)
                ? given.substring(7).strip().getBytes(StandardCharsets.UTF_8) : new byte[0];
        if (!MessageDigest.isEqual(sent, token)) {
            throw new AdminDeniedException(403, "wrong admin token");
        }
    }
}
