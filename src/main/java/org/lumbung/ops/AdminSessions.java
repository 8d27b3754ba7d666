package org.lumbung.ops;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The operator page's sessions, held in this process's memory: a login with the admin token opens one, named by a
 * random id (256 bits) that goes out only in an HttpOnly, SameSite=Strict cookie scoped to {@code /admin}, and carrying
 * a CSRF token of its own that every form of the page sends back. A session ends at logout or after
 * {@code lumbung.admin.session-ttl}; a restart ends them all. Failed logins are counted: past {@link #FAILED_LOGINS}
 * in a minute, logins wait for the minute to pass, so the token cannot be guessed at speed.
 */
public final class AdminSessions {

    /** The cookie's name. */
    public static final String COOKIE = "lumbung_admin";
    /** Failed logins a minute before logins are refused for the rest of it. */
    static final int FAILED_LOGINS = 10;
    private static final Duration FAILURE_WINDOW = Duration.ofMinutes(1);

    /** A logged-in operator: the session's id (the cookie's value), its CSRF token, and when it ends. */
    public record Session(String id, String csrf, Instant expires) {
    }

    private final Duration ttl;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    /** What the page says once, after a form's action: by session id. */
    private final Map<String, String> notices = new ConcurrentHashMap<>();
    private final Deque<Instant> failures = new ArrayDeque<>();

    public AdminSessions(Duration ttl, Clock clock) {
        this.ttl = ttl;
        this.clock = clock;
    }

    /** A new session, after the admin token was given. */
    public Session open() {
        Instant now = clock.instant();
        sessions.values().removeIf(s -> !s.expires().isAfter(now));
        notices.keySet().retainAll(sessions.keySet());
        Session session = new Session(randomToken(), randomToken(), now.plus(ttl));
        sessions.put(session.id(), session);
        return session;
    }

    /** The live session a request's {@code Cookie} header names, if any. */
    public Optional<Session> find(String cookieHeader) {
        if (cookieHeader == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        for (String pair : cookieHeader.split(";")) {
            String[] nameValue = pair.strip().split("=", 2);
            Session s = nameValue.length == 2 && nameValue[0].equals(COOKIE) ? sessions.get(nameValue[1]) : null;
            if (s != null && s.expires().isAfter(now)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    public void close(Session session) {
        sessions.remove(session.id());
        notices.remove(session.id());
    }

    /** Whether a form's CSRF token is the session's, compared in constant time. */
    public static boolean csrfMatches(Session session, String given) {
        return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.US_ASCII),
                session.csrf().getBytes(StandardCharsets.US_ASCII));
    }

    public void notice(Session session, String text) {
        notices.put(session.id(), text);
    }

    /** What the page says once: the notice left by the last action, taken. */
    public Optional<String> takeNotice(Session session) {
        return Optional.ofNullable(notices.remove(session.id()));
    }

    /** Whether a login may be tried now: fewer than {@link #FAILED_LOGINS} failed in the last minute. */
    public synchronized boolean loginAllowed() {
        Instant since = clock.instant().minus(FAILURE_WINDOW);
        while (!failures.isEmpty() && !failures.peekFirst().isAfter(since)) {
            failures.removeFirst();
        }
        return failures.size() < FAILED_LOGINS;
    }

    public synchronized void loginFailed() {
        failures.addLast(clock.instant());
    }

    /**
     * The Set-Cookie value of a session: only sent back to {@code /admin} paths, never to script, never on a request
     * from another site; {@code Secure} when the browser reached Lumbung over TLS.
     */
    public String cookie(Session session, boolean overTls) {
        return COOKIE + "=" + session.id() + "; Path=/admin; Max-Age=" + ttl.toSeconds() + "; HttpOnly;"
                + " SameSite=Strict" + (overTls ? "; Secure" : "");
    }

    /** The Set-Cookie value that makes the browser forget the session's cookie. */
    public static String clearedCookie(boolean overTls) {
        return COOKIE + "=; Path=/admin; Max-Age=0; HttpOnly; SameSite=Strict" + (overTls ? "; Secure" : "");
    }

    /**
     * Whether the browser's request came over TLS. Lumbung's server speaks plain HTTP, so TLS ends at a reverse proxy in
     * front of it, which says so in {@code X-Forwarded-Proto}; a client that claims it falsely only gets a cookie its
     * browser keeps off plain HTTP.
     */
    public static boolean overTls(String forwardedProto) {
        return forwardedProto != null && forwardedProto.strip().toLowerCase(Locale.ROOT).startsWith("https");
    }

    private String randomToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
