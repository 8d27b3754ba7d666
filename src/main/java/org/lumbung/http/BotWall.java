package org.lumbung.http;

import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Recognises the answer of a bot protection put in front of a repository: a challenge page (JavaScript, proof of work,
 * a captcha) or a block, sent where OAI-PMH XML was asked for. Lumbung solves no challenge; asked again, the wall
 * answers the same, so such an answer is never retried as if the server were busy. Only the repository's
 * administrator can let Lumbung through, by allow-listing its User-Agent and its address. Since 2025 Cloudflare, AWS
 * WAF and Anubis stand in front of many repositories (DOAB, DSpace 7+ sites, university OJS).
 */
public final class BotWall {

    /** How much of a body is looked at: challenge pages are small and say what they are near the top. */
    private static final int HEAD = 64 * 1024;

    /** What generic interstitials (and DDoS-Guard's, Sucuri's, Imperva's) ask of a browser. */
    private static final List<String> INTERSTITIAL = List.of("please enable cookies", "enable javascript and cookies",
            "checking your browser", "verify you are human", "javascript is required to continue",
            "please turn javascript on", "please enable javascript to continue");

    private BotWall() {
    }

    /**
     * The name of the protection whose challenge or block this answer is, or empty for any other answer (an OAI-PMH
     * page, a repository's own error page, a plain 503 of an overloaded server).
     */
    public static Optional<String> recognise(int status, HttpHeaders headers, byte[] body) {
        String page = body == null ? "" : new String(body, 0, Math.min(body.length, HEAD), StandardCharsets.UTF_8)
                .toLowerCase(Locale.ROOT);
        if (page.contains("<oai-pmh")) {
            return Optional.empty();
        }
        String server = header(headers, "server");
        String cookies = String.join("; ", headers == null ? List.of() : headers.allValues("set-cookie"))
                .toLowerCase(Locale.ROOT);
        boolean refused = status == 403 || status == 429 || status == 503;
        if (header(headers, "cf-mitigated").equals("challenge") || page.contains("/cdn-cgi/challenge-platform/")
                || server.equals("cloudflare") && refused && (title(page, "just a moment")
                || title(page, "attention required! | cloudflare"))) {
            return Optional.of("Cloudflare");
        }
        if (!header(headers, "x-amzn-waf-action").isEmpty()
                || (status == 202 || status == 405) && page.contains("awswaf")) {
            return Optional.of("AWS WAF");
        }
        if (page.contains("within.website/x/cmd/anubis") || page.contains("anubis_challenge")
                || page.contains("making sure you") && page.contains("not a bot") || cookies.contains("anubis")) {
            return Optional.of("Anubis");
        }
        boolean asks = INTERSTITIAL.stream().anyMatch(page::contains);
        if (server.startsWith("ddos-guard") && (refused || asks) || page.contains("/.well-known/ddos-guard/")) {
            return Optional.of("DDoS-Guard");
        }
        if (!header(headers, "x-sucuri-id").isEmpty() && (refused || asks) || page.contains("sucuri website firewall")) {
            return Optional.of("Sucuri");
        }
        boolean imperva = !header(headers, "x-iinfo").isEmpty() || cookies.contains("incap_ses");
        if (imperva && (refused || asks || page.contains("_incapsula_resource")) || page.contains("incapsula incident id")) {
            return Optional.of("Imperva Incapsula");
        }
        return asks ? Optional.of("a JavaScript or cookie check") : Optional.empty();
    }

    /** What to ask of the repository's administrator, naming Lumbung's User-Agent and, when known, its address. */
    public static String advice(String userAgent, String publicAddress) {
        return "ask the repository's administrator to allow-list Lumbung's User-Agent '" + userAgent + "' and "
                + (publicAddress == null || publicAddress.isBlank() ? "your public address"
                : "its public address " + publicAddress.trim())
                + " (lumbung.http-client.user-agent, lumbung.http-client.public-address)";
    }

    /** The reason a harvest stops at a wall: which protection, what it answered, what to do. */
    public static String reason(String protection, String userAgent, String publicAddress) {
        return "blocked by bot protection: " + protection + " answered with a challenge instead of OAI-PMH, which"
                + " Lumbung cannot pass; " + advice(userAgent, publicAddress);
    }

    private static String header(HttpHeaders headers, String name) {
        return headers == null ? "" : headers.firstValue(name).orElse("").trim().toLowerCase(Locale.ROOT);
    }

    private static boolean title(String page, String title) {
        int start = page.indexOf("<title");
        int end = page.indexOf("</title>");
        return start >= 0 && end > start && page.substring(start, end).contains(title);
    }
}
