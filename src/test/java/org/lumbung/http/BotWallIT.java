package org.lumbung.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.lumbung.harvest.HarvestException;
import org.lumbung.harvest.OaiInspector;
import org.lumbung.pipeline.FailureKind;
import org.lumbung.testing.Cli;
import org.lumbung.testing.FakeRepository;
import org.lumbung.testing.FakeRepository.Fault;
import org.lumbung.testing.Harvests;
import org.lumbung.testing.OaiTestServer;
import org.lumbung.testing.TestElasticsearch;

/**
 * A repository behind a bot protection, on 127.0.0.1: every request answered with the protection's challenge, as
 * Cloudflare, AWS WAF and Anubis answer a harvester. The harvest stops within three requests (a challenge is never
 * retried as a busy server would be), exits 1 naming the protection and what to ask the repository's administrator,
 * indexes nothing, and its stored report says {@code blocked}.
 */
class BotWallIT {

    private static final String ADDRESS = "-Dlumbung.http-client.public-address=203.0.113.7";

    private static String classPrefix;
    private String prefix;

    @BeforeAll
    static void clean() {
        classPrefix = TestElasticsearch.freshPrefix(BotWallIT.class);
    }

    @BeforeEach
    void prefix(TestInfo test) {
        prefix = TestElasticsearch.methodPrefix(classPrefix, test);
    }

    /** The wall's answer to every request (more than any harvest asks). */
    private static Fault[] wall(int status, Map<String, String> headers, String fixture) {
        String body = new String(OaiTestServer.fixture("botwall/" + fixture), StandardCharsets.UTF_8);
        return IntStream.range(0, 20).mapToObj(i -> Fault.answer(status, headers, body)).toArray(Fault[]::new);
    }

    private static String lastLine(Cli.Result result) {
        List<String> lines = result.out().lines().filter(l -> !l.isBlank()).toList();
        return lines.get(lines.size() - 1);
    }

    /** Harvests a repository behind the wall and asserts it blocked, within three requests, with nothing indexed. */
    @SuppressWarnings("rawtypes")
    private void harvestsBehind(Fault[] wall, String protection, String addressSaid, String... settings)
            throws Exception {
        try (FakeRepository repo = new FakeRepository().records(3, "2026-01-01").fault(wall)) {
            Cli.Result result = Harvests.harvest(repo.baseUrl(), "walled", prefix, settings);
            assertThat(result.status()).isEqualTo(1);
            assertThat(repo.queries()).as("requests to the wall").hasSizeLessThanOrEqualTo(3);
            assertThat(lastLine(result)).contains("harvest walled blocked: 0 pages, 0 records indexed",
                    "blocked by bot protection: " + protection + " answered with a challenge",
                    "ask the repository's administrator to allow-list Lumbung's User-Agent 'Lumbung/0.1", addressSaid);
        }
        assertThat(Harvests.records(prefix)).isEmpty();
        Map<String, Map> reports = TestElasticsearch.documents(prefix + "-harvests");
        assertThat(reports).hasSize(1);
        Map report = reports.values().iterator().next();
        assertThat(report.get("outcome")).isEqualTo("blocked");
        assertThat(report.get("complete")).isEqualTo(false);
        assertThat(report.get("error").toString()).contains(protection);
    }

    @Test
    void aCloudflareChallengeAnswered503IsNotRetriedAndBlocksTheHarvest() throws Exception {
        harvestsBehind(wall(503, Map.of("Server", "cloudflare", "cf-mitigated", "challenge",
                "Content-Type", "text/html; charset=UTF-8"), "cloudflare-challenge.html"),
                "Cloudflare", "its public address 203.0.113.7", ADDRESS);
    }

    @Test
    void anAwsWafChallengeBlocksTheHarvest() throws Exception {
        harvestsBehind(wall(202, Map.of("x-amzn-waf-action", "challenge", "Content-Type", "text/html; charset=UTF-8"),
                "aws-waf-challenge.html"), "AWS WAF", "its public address 203.0.113.7", ADDRESS);
    }

    @Test
    void anAnubisProofOfWorkPageAnswered200BlocksTheHarvestAskingForTheAddressWhenNoneIsSet() throws Exception {
        harvestsBehind(wall(200, Map.of("Content-Type", "text/html; charset=utf-8"), "anubis-challenge.html"),
                "Anubis", "and your public address");
    }

    @Test
    void sourcesAddAndInspectStopAtTheWallWithoutTryingEveryUsualPath() throws Exception {
        try (FakeRepository repo = new FakeRepository().records(3, "2026-01-01").fault(wall(403, Map.of(
                "Server", "cloudflare", "Content-Type", "text/html"), "cloudflare-blocked.html"))) {
            HttpFetcher fetcher = new HttpFetcher(new HttpOptions(Duration.ofSeconds(2), Duration.ofSeconds(2),
                    Duration.ofSeconds(10), "Lumbung-test", null, "203.0.113.7"),
                    new RetryPolicy(4, Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(1)),
                    new HostQueues(1, Duration.ZERO));
            HarvestException e = catchThrowableOfType(HarvestException.class,
                    () -> new OaiInspector(fetcher).find(repo.baseUrl()));
            assertThat(e.kind()).isEqualTo(FailureKind.BOT_WALL);
            assertThat(e.status()).isEqualTo(403);
            assertThat(e.reason()).isEqualTo("blocked by bot protection: Cloudflare answered with a challenge"
                    + " instead of OAI-PMH, which Lumbung cannot pass; ask the repository's administrator"
                    + " to allow-list Lumbung's User-Agent 'Lumbung-test' and its public address 203.0.113.7"
                    + " (lumbung.http-client.user-agent, lumbung.http-client.public-address)");
            assertThat(repo.queries()).hasSize(1);
        }
    }

    /**
     * A wall that goes up in the middle of a list (a protection switched on while Lumbung harvests): the run is blocked,
     * not complete; the pages read before it stay indexed, the checkpoint stays on the token of the first page not
     * read, and once the wall is down the next run asks that token and reads the rest, every record once.
     */
    @Test
    void aWallRaisedMidListBlocksTheRunKeepsWhatWasReadAndTheNextRunResumesAtTheToken() throws Exception {
        int beforeThirdPage;
        try (FakeRepository clean = new FakeRepository().records(9, "2026-01-01").pageSize(3)) {
            Harvests.harvest(clean.baseUrl(), "fake", prefix + "-clean").exits(0);
            List<String> asked = clean.queries();
            beforeThirdPage = asked.indexOf(asked.stream().filter(q -> q.contains("resumptionToken")).skip(1)
                    .findFirst().orElseThrow());
        }
        try (FakeRepository repo = new FakeRepository().records(9, "2026-01-01").pageSize(3)) {
            repo.fault(IntStream.range(0, beforeThirdPage).mapToObj(i -> Fault.pass()).toArray(Fault[]::new));
            repo.fault(wall(503, Map.of("Server", "cloudflare", "cf-mitigated", "challenge",
                    "Content-Type", "text/html; charset=UTF-8"), "cloudflare-challenge.html"));
            Cli.Result blocked = Harvests.harvest(repo.baseUrl(), "fake", prefix);
            assertThat(blocked.status()).isEqualTo(1);
            assertThat(lastLine(blocked)).contains("harvest fake blocked: 2 pages, 6 records indexed",
                    "Cloudflare", "the next run resumes at the list at resumption token");
            assertThat(Harvests.records(prefix).keySet()).containsExactlyInAnyOrderElementsOf(
                    FakeRepository.documentIds(1, 6));
            String token = repo.queries().get(beforeThirdPage);

            repo.clearFaults();
            repo.clearQueries();
            Cli.Result resumed = Harvests.harvest(repo.baseUrl(), "fake", prefix);
            assertThat(resumed.status()).as(resumed.out()).isZero();
            assertThat(repo.queries().stream().filter(q -> q.contains("ListRecords")).findFirst().orElseThrow())
                    .as("the first list request of the next run is the token the wall answered")
                    .isEqualTo(token);
            assertThat(Harvests.records(prefix).keySet()).containsExactlyInAnyOrderElementsOf(
                    FakeRepository.documentIds(1, 9));
        }
    }
}
