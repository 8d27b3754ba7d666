package org.lumbung.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.lumbung.testing.OaiTestServer;

/**
 * Each bot protection recognised by its own answer (headers and a page of its shape), and the answers that are no wall
 * left alone: an overloaded server's 503, a repository's HTML error page, an article page, an OAI-PMH answer.
 */
class BotWallTest {

    private static HttpHeaders headers(String... pairs) {
        Map<String, List<String>> map = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 0; i < pairs.length; i += 2) {
            map.computeIfAbsent(pairs[i], k -> new java.util.ArrayList<>()).add(pairs[i + 1]);
        }
        return HttpHeaders.of(map, (k, v) -> true);
    }

    private static byte[] page(String name) {
        return OaiTestServer.fixture("botwall/" + name);
    }

    private static Optional<String> recognise(int status, HttpHeaders headers, String fixture) {
        return BotWall.recognise(status, headers, fixture == null ? new byte[0] : page(fixture));
    }

    @Test
    void recognisesCloudflaresManagedChallengeByItsHeaderAndByItsPage() {
        assertThat(recognise(403, headers("cf-mitigated", "challenge"), null)).hasValue("Cloudflare");
        assertThat(recognise(403, headers("Server", "cloudflare"), "cloudflare-challenge.html")).hasValue("Cloudflare");
        assertThat(recognise(503, headers(), "cloudflare-challenge.html")).as("its challenge script alone")
                .hasValue("Cloudflare");
    }

    @Test
    void recognisesCloudflaresBlockPage() {
        assertThat(recognise(403, headers("Server", "cloudflare", "Content-Type", "text/html"), "cloudflare-blocked.html"))
                .hasValue("Cloudflare");
    }

    @Test
    void recognisesAwsWafByItsActionHeaderAndItsChallengeScript() {
        assertThat(recognise(202, headers("x-amzn-waf-action", "challenge"), "aws-waf-challenge.html"))
                .hasValue("AWS WAF");
        assertThat(recognise(405, headers("x-amzn-waf-action", "captcha"), null)).hasValue("AWS WAF");
        assertThat(recognise(202, headers(), "aws-waf-challenge.html")).hasValue("AWS WAF");
    }

    @Test
    void recognisesAnubisByItsPageAndByItsCookie() {
        assertThat(recognise(200, headers("Content-Type", "text/html"), "anubis-challenge.html")).hasValue("Anubis");
        assertThat(recognise(401, headers("Set-Cookie", "techaro.lol-anubis-auth=; Path=/; Max-Age=0"), null))
                .hasValue("Anubis");
    }

    @Test
    void recognisesDdosGuardsBrowserCheck() {
        assertThat(recognise(403, headers("Server", "ddos-guard"), "ddos-guard-check.html")).hasValue("DDoS-Guard");
    }

    @Test
    void recognisesSucurisFirewallBlock() {
        assertThat(recognise(403, headers("x-sucuri-id", "18012", "Server", "Sucuri/Cloudproxy"),
                "sucuri-blocked.html")).hasValue("Sucuri");
    }

    @Test
    void recognisesImpervaIncapsulasIncidentPage() {
        assertThat(recognise(200, headers("x-iinfo", "9-1234567-0 0NNN RT(1 2) q(0 -1 -1 -1) r(0 -1)",
                "Set-Cookie", "incap_ses_1234_5678=abc; path=/"), "imperva-incident.html"))
                .hasValue("Imperva Incapsula");
    }

    @Test
    void recognisesAGenericInterstitialAskingForJavaScriptAndCookies() {
        assertThat(recognise(200, headers("Content-Type", "text/html"), "enable-javascript.html"))
                .hasValue("a JavaScript or cookie check");
    }

    @Test
    void anOverloadedServersPlain503IsNoWallEvenBehindCloudflare() {
        assertThat(recognise(503, headers("Content-Type", "text/html"), "service-unavailable.html")).isEmpty();
        assertThat(recognise(503, headers("Server", "cloudflare"), "service-unavailable.html")).isEmpty();
    }

    @Test
    void aRepositorysOwnHtmlPagesAreNoWall() {
        assertThat(BotWall.recognise(200, headers(), OaiTestServer.fixture("oai/html-error-page.html"))).isEmpty();
        assertThat(BotWall.recognise(404, headers("Server", "Apache"),
                OaiTestServer.fixture("oai/html-error-page.html"))).isEmpty();
        assertThat(BotWall.recognise(200, headers("Content-Type", "text/html"),
                OaiTestServer.fixture("landing/ojs3-default-theme-page.html"))).isEmpty();
    }

    @Test
    void anOaiPmhAnswerIsNoWallWhateverTheProxyInFrontSays() {
        byte[] oai = OaiTestServer.fixture("oai/ojs-listrecords-page1.xml");
        assertThat(BotWall.recognise(200, headers("Server", "cloudflare", "x-iinfo", "1-2-3"), oai)).isEmpty();
        assertThat(BotWall.recognise(200, headers("x-sucuri-id", "18012"), oai)).isEmpty();
    }

    @Test
    void theAdviceNamesTheUserAgentAndThePublicAddressOrAsksForIt() {
        assertThat(BotWall.advice("Lumbung/0.1 (x)", "203.0.113.7")).isEqualTo("ask the repository's administrator"
                + " to allow-list Lumbung's User-Agent 'Lumbung/0.1 (x)' and its public address 203.0.113.7"
                + " (lumbung.http-client.user-agent, lumbung.http-client.public-address)");
        assertThat(BotWall.advice("Lumbung/0.1 (x)", "")).contains("and your public address (");
    }
}
