package org.lumbung.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.lumbung.source.LeaseHolder;
import org.lumbung.source.SourceState;

/** The operator page's sessions, cookie, CSRF check and login throttle, and its HTML, without a server. */
class AdminSessionsTest {

    private static final String TOKEN = "the-admin-token";
    private final MovableClock clock = new MovableClock(Instant.parse("2026-05-01T10:00:00Z"));
    private final AdminSessions sessions = new AdminSessions(Duration.ofHours(8), clock);
    /** Login and logout touch neither the sources nor the actions. */
    private final AdminUi ui = new AdminUi(new AdminGuard(Optional.of(TOKEN)), sessions, null, null, clock);

    @Test
    void aSessionIsARandom256BitIdInAnHttpOnlySameSiteStrictCookieScopedToAdmin() {
        AdminSessions.Session session = sessions.open();
        assertThat(session.id()).hasSize(43).matches("[A-Za-z0-9_-]+").isNotEqualTo(sessions.open().id());
        assertThat(session.csrf()).hasSize(43).isNotEqualTo(session.id());
        assertThat(sessions.cookie(session, false)).isEqualTo("lumbung_admin=" + session.id()
                + "; Path=/admin; Max-Age=28800; HttpOnly; SameSite=Strict");
        assertThat(sessions.cookie(session, true)).endsWith("; HttpOnly; SameSite=Strict; Secure");
        assertThat(AdminSessions.clearedCookie(false)).isEqualTo("lumbung_admin=; Path=/admin; Max-Age=0; HttpOnly;"
                + " SameSite=Strict");
        assertThat(AdminSessions.overTls("https")).isTrue();
        assertThat(AdminSessions.overTls("HTTPS, http")).isTrue();
        assertThat(AdminSessions.overTls("http")).isFalse();
        assertThat(AdminSessions.overTls(null)).as("Lumbung's own server speaks plain HTTP").isFalse();
    }

    @Test
    void findsTheSessionItsCookieNamesUntilItEndsOrExpires() {
        AdminSessions.Session session = sessions.open();
        assertThat(sessions.find("other=1; lumbung_admin=" + session.id() + "; x=y")).contains(session);
        assertThat(sessions.find("lumbung_admin=" + session.id() + "x")).isEmpty();
        assertThat(sessions.find("lumbung_admin=")).isEmpty();
        assertThat(sessions.find(null)).isEmpty();
        clock.move(Duration.ofHours(8).minusSeconds(1));
        assertThat(sessions.find("lumbung_admin=" + session.id())).contains(session);
        clock.move(Duration.ofSeconds(1));
        assertThat(sessions.find("lumbung_admin=" + session.id())).as("expired").isEmpty();
        AdminSessions.Session next = sessions.open();
        sessions.close(next);
        assertThat(sessions.find("lumbung_admin=" + next.id())).as("logged out").isEmpty();
    }

    @Test
    void aFormIsTakenOnlyWithItsSessionsCsrfToken() {
        AdminSessions.Session session = sessions.open();
        assertThat(AdminSessions.csrfMatches(session, session.csrf())).isTrue();
        assertThat(AdminSessions.csrfMatches(session, sessions.open().csrf())).isFalse();
        assertThat(AdminSessions.csrfMatches(session, "")).isFalse();
        assertThat(AdminSessions.csrfMatches(session, null)).isFalse();

        String cookie = "lumbung_admin=" + session.id();
        AdminUi.Reply noToken = ui.logout(cookie, Map.of(), null);
        assertThat(noToken.status()).isEqualTo(403);
        assertThat(noToken.html()).contains("the form did not come from this session");
        assertThat(ui.logout(cookie, Map.of("csrf", List.of(session.csrf(), "x")), null).status())
                .as("a field sent twice").isEqualTo(403);
        assertThat(ui.act(cookie, "/admin/ui/sources/repo/pause", Map.of("csrf", "wrong")).status()).isEqualTo(403);
        assertThat(ui.act("lumbung_admin=guess", "/admin/ui/sources/repo/pause", Map.of("csrf", session.csrf()))
                .html()).as("no session: the login form").contains("Log in first", "name=\"token\"");
        AdminUi.Reply out = ui.logout(cookie, Map.of("csrf", session.csrf()), "https");
        assertThat(out.status()).isEqualTo(303);
        assertThat(out.location()).isEqualTo("/admin/ui");
        assertThat(out.cookie()).isEqualTo(AdminSessions.clearedCookie(true));
        assertThat(sessions.find(cookie)).isEmpty();
    }

    @Test
    void aWrongTokenGetsTheFormAgainWithoutACookieAndTenAMinuteHoldLoginsOff() {
        AdminUi.Reply wrong = ui.login(Map.of("token", "guess"), null);
        assertThat(wrong.status()).isEqualTo(403);
        assertThat(wrong.cookie()).isNull();
        assertThat(wrong.html()).contains("Wrong admin token.", "name=\"token\"").doesNotContain("guess");
        AdminUi.Reply right = ui.login(Map.of("token", TOKEN), null);
        assertThat(right.status()).isEqualTo(303);
        assertThat(right.cookie()).startsWith("lumbung_admin=").doesNotContain("Secure");

        for (int i = 1; i < AdminSessions.FAILED_LOGINS; i++) {
            assertThat(ui.login(Map.of("token", "guess-" + i), null).status()).isEqualTo(403);
        }
        AdminUi.Reply held = ui.login(Map.of("token", TOKEN), "https");
        assertThat(held.status()).as("even the right token waits").isEqualTo(429);
        assertThat(held.cookie()).isNull();
        clock.move(Duration.ofMinutes(1));
        assertThat(ui.login(Map.of("token", TOKEN), "https").cookie()).endsWith("; Secure");
    }

    @Test
    void withNoAdminTokenThePageSaysTheAdminEndpointsAreOff() throws Exception {
        AdminUi off = new AdminUi(new AdminGuard(Optional.empty()), sessions, null, null, clock);
        assertThat(off.page(null).html()).contains("The admin endpoints are off").doesNotContain("name=\"token\"");
        assertThat(off.login(Map.of("token", ""), null).status()).isEqualTo(403);
    }

    @Test
    void textFromARepositoryStaysTextOnThePage() {
        String hostile = "<script>document.body.dataset.pwned='x'</script>\"><img src=x onerror=alert(1)>";
        SourceState.LastRun run = new SourceState.LastRun(null, "2026-05-01T09:00:00Z", "failed", 0, 0, 0, hostile);
        SourceSummary source = new SourceSummary("repo", hostile, "oai", false, false, run, null, "2d", 0, null,
                Map.of("failed", new SourceState.Alert("2026-05-01T09:00:00Z", hostile)),
                new LeaseHolder("1@box:ab-1", 3, Instant.parse("2026-05-01T09:30:00Z"), true, true),
                new SourceState.Move("https://old.example/oai", "https://new.example/oai?<b>x</b>", "2026-05-01"));
        String html = AdminPage.sources(List.of(source), sessions.open(), hostile, clock.instant());
        assertThat(html).doesNotContain("<script", "<img", "<b>").contains("&lt;script&gt;document.body.dataset.pwned=",
                "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;", "incomplete: &lt;script&gt;", "2d: past it",
                "generation 3: holder gone, lease expired at 2026-05-01T09:30:00Z", ">Pause</button>",
                "moved to https://new.example/oai?&lt;b&gt;x&lt;/b&gt;", ">Accept move</button>",
                "/admin/ui/sources/repo/accept-move")
                .doesNotContain(">Resume</button>", ">Stop</button>");
    }

    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void move(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
