package org.lumbung.ops;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.lumbung.source.SourceState;
import org.lumbung.xml.XmlWriter;

/**
 * The operator page's HTML, written on the server: the login form, and every source with its state and its buttons.
 * No script. Every text that came from a repository or a source list (names, errors, alerts) is escaped, so it stays
 * text; the page is served under the search page's Content-Security-Policy as a second wall.
 */
final class AdminPage {

    private AdminPage() {
    }

    /** The login form, with what went wrong (null: nothing); with no admin token set, only that the page is off. */
    static String login(boolean on, String problem) {
        StringBuilder html = head("operator login");
        html.append("<main class=\"admin login\">\n<h1>Operator login</h1>\n");
        if (!on) {
            return html.append("<p class=\"problem\">The admin endpoints are off: set LUMBUNG_ADMIN_TOKEN (or"
                    + " lumbung.admin.token-file) and start Lumbung again to use this page.</p>\n</main>\n")
                    .append(FOOT).toString();
        }
        if (problem != null) {
            html.append("<p class=\"problem\" role=\"alert\">").append(escape(problem)).append("</p>\n");
        }
        return html.append("<form method=\"post\" action=\"/admin/ui/login\">\n<label>Admin token <input"
                + " type=\"password\" name=\"token\" autocomplete=\"current-password\" required autofocus></label>\n"
                + "<button type=\"submit\">Log in</button>\n</form>\n</main>\n").append(FOOT).toString();
    }

    /** Every source, a row each; {@code notice}: what the last action did (null: nothing). */
    static String sources(List<SourceSummary> sources, AdminSessions.Session session, String notice, Instant now) {
        StringBuilder html = head("operator");
        html.append("<main class=\"admin\">\n<div class=\"heading\"><h1>Sources</h1>")
                .append(form("/admin/ui/logout", session, "Log out")).append("</div>\n");
        if (notice != null) {
            html.append("<p class=\"notice\" role=\"status\">").append(escape(notice)).append("</p>\n");
        }
        html.append("<table class=\"sources\">\n<thead><tr><th>Source</th><th>State</th><th>Last run</th>"
                + "<th>Last complete run</th><th>Freshness</th><th>Records</th><th>Last audit</th><th>Open alerts</th>"
                + "<th>Lease</th><th></th></tr></thead>\n<tbody>\n");
        sources.forEach(s -> row(html, s, session, now));
        if (sources.isEmpty()) {
            html.append("<tr><td colspan=\"10\">No sources yet: add one with sources add or POST /admin/sources."
                    + "</td></tr>\n");
        }
        return html.append("</tbody>\n</table>\n</main>\n").append(FOOT).toString();
    }

    private static void row(StringBuilder html, SourceSummary s, AdminSessions.Session session, Instant now) {
        SourceState.LastRun run = s.lastRun();
        html.append("<tr data-source=\"").append(escape(s.id())).append("\">")
                .append(cell("source", "<strong>" + escape(s.name()) + "</strong>", s.id() + " · " + s.kind()))
                .append(cell("state", escape(s.state()), null))
                .append(cell("outcome", escape(s.outcome()), run == null ? null
                        : seconds(run.finishedAt()) + ", " + run.indexed() + " indexed"))
                .append(s.lastSuccess() == null ? cell("success", "never", null)
                        : cell("success", escape(seconds(s.lastSuccess().toString())), ago(s.lastSuccess(), now)))
                .append(cell("freshness", escape(s.freshness() == null ? "no target"
                        : s.freshness() + (s.stale(now) ? ": past it" : ": within it")), null))
                .append(cell("records", Long.toString(s.records()), null))
                .append(s.audit() == null ? cell("audit", "never audited", null) : cell("audit",
                        escape(s.audit().outcome()), seconds(s.audit().finishedAt()) + ": " + findings(s.audit())))
                .append(alerts(s.alerts()))
                .append(s.holder() == null ? cell("lease", "free", null) : cell("lease", escape(s.holder().owner()),
                        "generation " + s.holder().generation() + ": " + s.holder().describe()))
                .append("<td class=\"actions\">");
        for (SourceAction action : SourceAction.values()) {
            if (action.offeredOn(s)) {
                html.append(form("/admin/ui/sources/" + URLEncoder.encode(s.id(), StandardCharsets.UTF_8) + "/"
                        + action.path(), session, action.label()));
            }
        }
        html.append("</td></tr>\n");
    }

    /** A page that only says something (a refusal), with a way back. */
    static String message(String text) {
        return head("operator").append("<main class=\"admin\">\n<p class=\"problem\" role=\"alert\">")
                .append(escape(text)).append("</p>\n<p><a href=\"/admin/ui\">Back to the sources</a></p>\n</main>\n")
                .append(FOOT).toString();
    }

    private static final String FOOT = "</body>\n</html>\n";

    private static StringBuilder head(String title) {
        return new StringBuilder("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta"
                + " name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>Lumbung · ")
                .append(title).append("</title>\n<link rel=\"stylesheet\" href=\"/assets/lumbung.css\">\n</head>\n"
                        + "<body data-page=\"admin\">\n<header class=\"bar\"><a class=\"brand\" href=\"/\">Lumbung"
                        + "</a><span class=\"role\">operator</span></header>\n");
    }

    /** A POST button carrying the session's CSRF token. */
    private static String form(String action, AdminSessions.Session session, String label) {
        return "<form method=\"post\" action=\"" + escape(action) + "\"><input type=\"hidden\" name=\"csrf\" value=\""
                + escape(session.csrf()) + "\"><button type=\"submit\">" + escape(label) + "</button></form>";
    }

    /** A cell: its markup (escaped by the caller), and a detail line of text (null: none). */
    private static String cell(String kind, String html, String detail) {
        return "<td class=\"" + kind + "\">" + html + (detail == null ? ""
                : "<br><span class=\"detail\">" + escape(detail) + "</span>") + "</td>";
    }

    private static String alerts(Map<String, SourceState.Alert> open) {
        if (open.isEmpty()) {
            return cell("alerts", "none", null);
        }
        StringBuilder html = new StringBuilder("<td class=\"alerts\"><ul>");
        open.forEach((condition, alert) -> html.append("<li><strong>").append(escape(condition)).append("</strong> ")
                .append(escape(alert.detail())).append("<br><span class=\"detail\">since ")
                .append(escape(seconds(alert.since()))).append("</span></li>"));
        return html.append("</ul></td>").toString();
    }

    private static String findings(SourceHealth.Audit a) {
        return a.listed() + " listed" + (a.advertised() == null ? "" : " of " + a.advertised() + " advertised") + ", "
                + a.missing() + " missing, " + a.stale() + " stale, " + a.extra() + " extra";
    }

    /** How long ago an instant was, to the hour once it is a day old. */
    private static String ago(Instant at, Instant now) {
        Duration ago = Duration.between(at, now);
        return ago.toDays() > 0 ? ago.toDays() + " d " + ago.toHoursPart() + " h ago"
                : ago.toHours() > 0 ? ago.toHours() + " h " + ago.toMinutesPart() + " min ago"
                : ago.toMinutes() + " min ago";
    }

    /** An instant as written in the source's document, to the second (people read it); other text as it is. */
    private static String seconds(String instant) {
        try {
            return Instant.parse(instant).truncatedTo(ChronoUnit.SECONDS).toString();
        } catch (RuntimeException e) {
            return String.valueOf(instant);
        }
    }

    /** Text as HTML text or a double-quoted attribute's value (every attribute here is): inert whatever it holds. */
    static String escape(String text) {
        return text == null ? "" : XmlWriter.escape(text);
    }
}
