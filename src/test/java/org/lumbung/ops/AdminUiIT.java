package org.lumbung.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.lumbung.source.Source;
import org.lumbung.source.SourceState;
import org.lumbung.source.SourceStore;
import org.lumbung.testing.Chromium;
import org.lumbung.testing.KnownRecords;
import org.lumbung.testing.LumbungServer;
import org.lumbung.testing.Requirements;
import org.lumbung.testing.TestData;
import org.lumbung.testing.TestElasticsearch;

/**
 * The operator page of a serving Lumbung: over plain HTTP, its cookie's attributes, the login form for a request
 * without a session, a form without its CSRF token refused and the admin API still wanting its bearer token; in
 * Debian's headless Chromium, a wrong then the right token, every source with its state, Pause and Resume changing the
 * source in Elasticsearch, Stop asking the holder of a live lease to stop, a dead holder shown gone, and a source whose
 * name and error are markup and script shown as text. The screenshot lands in target/screenshots/admin-ui.png
 * (docs/admin-ui.png is a copy of it).
 */
@Tag("browser")
class AdminUiIT {

    private static final String TOKEN = "operator-page-token";
    private static final String HOSTILE_NAME = "<script>document.body.dataset.pwned='name'</script><b>Repo B</b>";
    private static final String HOSTILE_ERROR = "source repo-b: HTTP 500: <img src=x onerror=\""
            + "document.body.dataset.pwned='error'\"> (https://repo-b.example/oai)";
    private static LumbungServer server;
    private static SourceStore store;

    @BeforeAll
    static void start() throws Exception {
        String prefix = TestElasticsearch.freshPrefix(AdminUiIT.class);
        // The takeover sweep is kept from running the source whose holder is gone, so the page shows it left as it is.
        server = LumbungServer.start(prefix, Map.of("LUMBUNG_ADMIN_TOKEN", TOKEN),
                Map.of("lumbung.sources.takeover-interval", "1h"));
        KnownRecords.index(prefix + "-records");
        store = server.lumbung().components().sourceStore();
        Instant now = Instant.now();
        source("journal-a", "Jurnal A", s -> s.withLastRun(new SourceState.LastRun(null, now.minusSeconds(3600)
                .toString(), "complete with records set aside", 2, 0, 1, null)));
        source("repo-b", HOSTILE_NAME, s -> s.withLastRun(new SourceState.LastRun(null, now.toString(), "failed", 0,
                0, 0, HOSTILE_ERROR)).withAlerts(Map.of("failed", new SourceState.Alert(now.toString(),
                "run failed: " + HOSTILE_ERROR))));
        source("busy", "Busy repository", s -> s.claimedBy(new SourceState.Lease("4242@elsewhere:abcd0000-1",
                now.plusSeconds(600).toString()), null));
        // This very pid on this machine, but another JVM: a restarted container's earlier self, gone for sure.
        String dead = ProcessHandle.current().pid() + "@" + host() + ":ffff0000-1";
        source("orphan", "Orphaned repository", s -> s.claimedBy(new SourceState.Lease(dead,
                now.plusSeconds(600).toString()), null).withPaused(true));
    }

    private static void source(String id, String name, UnaryOperator<SourceState> state) {
        Source definition = Source.oai(id, name, "https://" + id + ".example/oai", "oai_dc", List.of(),
                "0 0 3 1 1 ? 2099", "ojs").withAlerting("2d", null);
        store.update(id, s -> state.apply(s.withDefinition(definition, "test")));
    }

    /** The host part of this worker's name, {@code pid@host:jvm-n}. */
    private static String host() {
        String me = store.instance();
        return me.substring(me.indexOf('@') + 1, me.lastIndexOf(':'));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static HttpResponse<String> post(String path, String form, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.base() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return server.send(request);
    }

    /** The session's cookie (name=value) from a login's Set-Cookie. */
    private static String login() throws Exception {
        String setCookie = post("/admin/ui/login", "token=" + TOKEN, null).headers().firstValue("Set-Cookie")
                .orElseThrow();
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    @Test
    void theCookieIsHttpOnlySameSiteStrictOnAdminAndOnlyThePageTakesIt() throws Exception {
        HttpResponse<String> anonymous = server.get("/admin/ui");
        assertThat(anonymous.statusCode()).isEqualTo(200);
        assertThat(anonymous.body()).contains("<form method=\"post\" action=\"/admin/ui/login\">", "name=\"token\"")
                .doesNotContain("journal-a");
        assertThat(anonymous.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(anonymous.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("script-src 'self'", "form-action 'self'", "frame-ancestors 'none'"));
        assertThat(anonymous.headers().firstValue("Cache-Control")).hasValue("no-store");

        HttpResponse<String> wrong = post("/admin/ui/login", "token=guess", null);
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(wrong.body()).contains("Wrong admin token.", "name=\"token\"");
        assertThat(wrong.headers().firstValue("Set-Cookie")).isEmpty();

        HttpResponse<String> right = post("/admin/ui/login", "token=" + TOKEN, null);
        assertThat(right.statusCode()).isEqualTo(303);
        assertThat(right.headers().firstValue("Location")).hasValue("/admin/ui");
        assertThat(right.headers().allValues("Set-Cookie")).singleElement().satisfies(c -> assertThat(c)
                .matches("lumbung_admin=[A-Za-z0-9_-]{43}; Path=/admin; Max-Age=28800; HttpOnly; SameSite=Strict"));
        HttpRequest.Builder behindTls = HttpRequest.newBuilder(URI.create(server.base() + "/admin/ui/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-Forwarded-Proto", "https")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + TOKEN));
        assertThat(server.send(behindTls).headers().firstValue("Set-Cookie")).hasValueSatisfying(c ->
                assertThat(c).endsWith("; HttpOnly; SameSite=Strict; Secure"));

        String cookie = login();
        assertThat(server.send(HttpRequest.newBuilder(URI.create(server.base() + "/admin/ui")).header("Cookie", cookie)
                .GET()).body()).contains("data-source=\"journal-a\"", "name=\"csrf\"");
        HttpResponse<String> noCsrf = post("/admin/ui/sources/journal-a/pause", "", cookie);
        assertThat(noCsrf.statusCode()).isEqualTo(403);
        assertThat(noCsrf.body()).contains("the form did not come from this session");
        assertThat(post("/admin/ui/sources/journal-a/pause", "csrf=forged", cookie).statusCode()).isEqualTo(403);
        assertThat(store.get("journal-a").orElseThrow().paused()).as("nothing paused").isFalse();

        HttpResponse<String> apiWithCookie = post("/admin/sources/journal-a/pause", "", cookie);
        assertThat(apiWithCookie.statusCode()).as("the API wants its bearer token, not the cookie").isEqualTo(401);
        assertThat(server.send(HttpRequest.newBuilder(URI.create(server.base() + "/admin/sources/journal-a/pause"))
                .header("Cookie", cookie).header("Authorization", "Bearer guess").POST(HttpRequest.BodyPublishers
                        .noBody())).statusCode()).isEqualTo(403);
        assertThat(store.get("journal-a").orElseThrow().paused()).isFalse();
        assertThat(server.get("/health").headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void anOperatorLogsInSeesEverySourceAndPausesResumesAndStopsThem() throws Exception {
        Requirements.debianPackages(Chromium.installed(), "chromium chromium-driver", "The operator page's browser test");
        Path work = TestData.newDataDir("chromium-admin");
        try (Chromium browser = Chromium.start(Files.createDirectories(work.resolve("profile")))) {
            browser.open(server.base() + "/admin/ui");
            browser.type(browser.await("input[name=token]").get(0), "guess");
            browser.click(browser.find("button[type=submit]").get(0));
            assertThat(browser.text(browser.await(".problem").get(0))).isEqualTo("Wrong admin token.");
            assertThat(browser.cookies()).isEmpty();

            browser.type(browser.find("input[name=token]").get(0), TOKEN);
            browser.click(browser.find("button[type=submit]").get(0));
            browser.await("table.sources");
            assertThat(browser.url()).endsWith("/admin/ui");
            JsonNode cookie = browser.cookies().get(0);
            assertThat(cookie.get("name").asText()).isEqualTo("lumbung_admin");
            assertThat(cookie.get("httpOnly").asBoolean()).isTrue();
            assertThat(cookie.get("sameSite").asText()).isEqualTo("Strict");
            assertThat(cookie.get("path").asText()).isEqualTo("/admin");

            assertThat(texts(browser, "tr[data-source] td.source")).containsExactly("Busy repository\nbusy · oai",
                    "Jurnal A\njournal-a · oai", "Orphaned repository\norphan · oai", HOSTILE_NAME + "\nrepo-b · oai");
            assertThat(texts(browser, "td.state")).containsExactly("running", "idle", "paused, left unfinished",
                    "idle");
            assertThat(cell(browser, "journal-a", "outcome")).startsWith("complete, 1 set aside\n")
                    .endsWith(", 2 indexed");
            assertThat(cell(browser, "journal-a", "freshness")).isEqualTo("2d: within it");
            assertThat(cell(browser, "journal-a", "records")).isEqualTo("2");
            assertThat(cell(browser, "repo-b", "outcome")).startsWith("incomplete: " + HOSTILE_ERROR);
            assertThat(cell(browser, "repo-b", "freshness")).isEqualTo("2d: past it");
            assertThat(cell(browser, "repo-b", "records")).isEqualTo("3");
            assertThat(cell(browser, "repo-b", "alerts")).startsWith("failed run failed: " + HOSTILE_ERROR);
            assertThat(cell(browser, "busy", "lease")).startsWith("4242@elsewhere:abcd0000-1\ngeneration 1: lease"
                    + " renewed until ");
            assertThat(cell(browser, "orphan", "lease")).contains(":ffff0000-1\ngeneration 1: holder gone, lease"
                    + " expires at ");
            assertThat(texts(browser, "tr[data-source=busy] button")).containsExactly("Pause", "Stop");
            assertThat(texts(browser, "tr[data-source=orphan] button")).containsExactly("Resume");
            assertInert(browser);
            browser.screenshot(Path.of("target", "screenshots", "admin-ui.png"));

            press(browser, "journal-a", "Pause");
            awaitNotice(browser, "paused journal-a: its schedule and triggers skip it until resumed");
            assertThat(store.get("journal-a").orElseThrow().paused()).isTrue();
            assertThat(cell(browser, "journal-a", "state")).isEqualTo("paused");
            press(browser, "journal-a", "Resume");
            awaitNotice(browser, "resumed journal-a");
            assertThat(store.get("journal-a").orElseThrow().paused()).isFalse();
            press(browser, "busy", "Stop");
            awaitNotice(browser, "stopping busy: 4242@elsewhere:abcd0000-1 stops its harvest at the next page");
            assertThat(store.get("busy").orElseThrow().stopRequested()).isNotNull();
            assertThat(cell(browser, "busy", "state")).isEqualTo("running, stop requested");
            browser.open(server.base() + "/admin/ui");
            assertThat(browser.find(".notice")).as("a notice is said once").isEmpty();
            assertInert(browser);

            browser.click(browser.find("form[action='/admin/ui/logout'] button").get(0));
            browser.await("input[name=token]");
            assertThat(browser.cookies()).isEmpty();
        } finally {
            TestData.delete(work);
        }
    }

    private static void press(Chromium browser, String source, String button) throws Exception {
        for (String b : browser.find("tr[data-source=" + source + "] button")) {
            if (browser.text(b).equals(button)) {
                browser.click(b);
                return;
            }
        }
        throw new AssertionError("no " + button + " button on " + source);
    }

    /** Waits for the page the action redirected to, saying what the action did. */
    private static void awaitNotice(Chromium browser, String expected) throws Exception {
        long deadline = System.nanoTime() + 20_000_000_000L;
        String notice = "";
        while (System.nanoTime() < deadline) {
            try {
                List<String> found = browser.find(".notice");
                notice = found.isEmpty() ? "" : browser.text(found.get(0));
                if (notice.equals(expected)) {
                    return;
                }
            } catch (IllegalStateException staleWhileTheNextPageLoads) {
                notice = "";
            }
            Thread.sleep(100);
        }
        throw new AssertionError("notice '" + notice + "', expected '" + expected + "'");
    }

    private static String cell(Chromium browser, String source, String kind) throws Exception {
        return browser.text(browser.await("tr[data-source=" + source + "] td." + kind).get(0));
    }

    private static List<String> texts(Chromium browser, String css) throws Exception {
        List<String> out = new ArrayList<>();
        for (String e : browser.find(css)) {
            out.add(browser.text(e));
        }
        return out;
    }

    /** Nothing from a source became an element, and no injected code ran. */
    private static void assertInert(Chromium browser) throws Exception {
        assertThat(browser.script("return document.body.dataset.pwned || null;").isNull())
                .as("no injected handler or script ran").isTrue();
        assertThat(browser.script("return document.querySelectorAll('main script, main img, main b').length;")
                .asInt()).isZero();
    }
}
