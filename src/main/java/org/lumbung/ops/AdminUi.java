package org.lumbung.ops;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lumbung.search.NotFoundException;

/**
 * The operator page at {@code /admin/ui}: a login with the admin token opens a session (a cookie, see
 * {@link AdminSessions}); the page lists every source; its buttons post forms that do what the admin API does. The
 * cookie authorises only these pages and their forms: the admin API keeps asking for the bearer token. Each form
 * carries the session's CSRF token besides the SameSite=Strict cookie, and a form that lacks it is refused.
 */
public final class AdminUi {

    /** Where the page is; the forms' actions answer with a redirect back to it (so a reload posts nothing again). */
    public static final String PAGE = "/admin/ui";
    private static final String SOURCES = PAGE + "/sources/";

    /** An answer: its status, its HTML, its Set-Cookie and Location values (null: none). */
    public record Reply(int status, String html, String cookie, String location) {
        static Reply page(int status, String html) {
            return new Reply(status, html, null, null);
        }

        static Reply backToPage(String cookie) {
            return new Reply(303, "", cookie, PAGE);
        }
    }

    private final AdminGuard guard;
    private final AdminSessions sessions;
    private final AdminActions actions;
    private final SourceHealth health;
    private final Clock clock;

    public AdminUi(AdminGuard guard, AdminSessions sessions, AdminActions actions, SourceHealth health, Clock clock) {
        this.guard = guard;
        this.sessions = sessions;
        this.actions = actions;
        this.health = health;
        this.clock = clock;
    }

    /** GET /admin/ui: the sources for a logged-in operator, else the login form. */
    public Reply page(String cookie) throws IOException {
        Optional<AdminSessions.Session> session = guard.on() ? sessions.find(cookie) : Optional.empty();
        if (session.isEmpty()) {
            return Reply.page(200, AdminPage.login(guard.on(), null));
        }
        String notice = sessions.takeNotice(session.get()).orElse(null);
        return Reply.page(200, AdminPage.sources(health.summaries(), session.get(), notice, clock.instant()));
    }

    /** POST /admin/ui/login with the form's {@code token}: a session and its cookie, or 403 and the form again. */
    public Reply login(Object form, String forwardedProto) {
        if (!guard.on()) {
            return Reply.page(403, AdminPage.login(false, null));
        }
        if (!sessions.loginAllowed()) {
            return Reply.page(429, AdminPage.login(true, "Too many wrong tokens in the last minute: wait a minute and"
                    + " try again."));
        }
        if (!guard.matches(field(form, "token"))) {
            sessions.loginFailed();
            return Reply.page(403, AdminPage.login(true, "Wrong admin token."));
        }
        return Reply.backToPage(sessions.cookie(sessions.open(), AdminSessions.overTls(forwardedProto)));
    }

    /** POST /admin/ui/logout: the session ended and its cookie cleared. */
    public Reply logout(String cookie, Object form, String forwardedProto) {
        Optional<AdminSessions.Session> session = sessions.find(cookie);
        Reply refused = refusal(session, form);
        if (refused != null) {
            return refused;
        }
        sessions.close(session.get());
        return Reply.backToPage(AdminSessions.clearedCookie(AdminSessions.overTls(forwardedProto)));
    }

    /**
     * POST /admin/ui/sources/{id}/{action}: one of the {@link SourceAction}s, taken from the path the server saw;
     * what it did (or why it was refused: an unknown source, nothing to stop) is said on the page it redirects to.
     */
    public Reply act(String cookie, String path, Object form) {
        Optional<AdminSessions.Session> session = sessions.find(cookie);
        Reply refused = refusal(session, form);
        if (refused != null) {
            return refused;
        }
        String[] parts = path == null || !path.startsWith(SOURCES) ? new String[0]
                : path.substring(SOURCES.length()).split("/");
        Optional<SourceAction> action = parts.length == 2 ? SourceAction.of(parts[1]) : Optional.empty();
        if (action.isEmpty()) {
            return Reply.page(404, AdminPage.message("No such action: " + path));
        }
        String id = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
        String said;
        try {
            said = action.get().run(actions, id);
        } catch (NotFoundException | ConflictException e) {
            said = e.getMessage();
        }
        sessions.notice(session.get(), said);
        return Reply.backToPage(null);
    }

    /** Why a form is refused (no session: log in; no or a wrong CSRF token), or null when it may go on. */
    private Reply refusal(Optional<AdminSessions.Session> session, Object form) {
        if (session.isEmpty()) {
            return Reply.page(403, AdminPage.login(guard.on(), "Log in first: there is no session, or it ended."));
        }
        if (!AdminSessions.csrfMatches(session.get(), field(form, "csrf"))) {
            return Reply.page(403, AdminPage.message("Refused: the form did not come from this session's operator"
                    + " page. Reload the page and try again."));
        }
        return null;
    }

    /** A form field's value: the server hands a posted form over as a map of its fields (one sent twice: a list). */
    static String field(Object form, String name) {
        Object value = form instanceof Map<?, ?> fields ? fields.get(name) : null;
        if (value instanceof List<?> values) {
            value = values.size() == 1 ? values.get(0) : null;
        }
        return value == null ? null : value.toString();
    }
}
