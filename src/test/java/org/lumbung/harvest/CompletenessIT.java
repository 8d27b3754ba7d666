package org.lumbung.harvest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.lumbung.testing.Cli;
import org.lumbung.testing.FakeRepository;
import org.lumbung.testing.FakeRepository.Fault;
import org.lumbung.testing.Harvests;
import org.lumbung.testing.TestElasticsearch;

/**
 * Completeness against servers that punish a repeated token: tokens spent when read (a repeat gives the next page, as
 * a scroll does), connections dropped in the middle of a body, bodies cut short without a Content-Length, bodies
 * that stall after their headers, cursors that jump, lists that end short of what they announced, pages that repeat
 * records. Each test asserts the exact index afterwards and that no run missing a record calls itself complete.
 */
class CompletenessIT {

    private static final int RECORDS = 200;
    private static final int PAGE = 20;
    private static String classPrefix;
    private String prefix;

    @BeforeAll
    static void clean() {
        classPrefix = TestElasticsearch.freshPrefix(CompletenessIT.class);
    }

    @BeforeEach
    void prefix(TestInfo test) {
        prefix = TestElasticsearch.methodPrefix(classPrefix, test);
    }

    private static List<String> ids(int from, int to) {
        return FakeRepository.documentIds(from, to);
    }

    private static FakeRepository scrollLike() {
        return new FakeRepository().records(RECORDS, "2026-01-01").pageSize(PAGE).consumingTokens();
    }

    /** Identify, the first page and two token pages pass; the fault hits the third token page (records 61-80). */
    private static Fault[] onThirdToken(Fault fault) {
        return new Fault[] {Fault.pass(), Fault.pass(), Fault.pass(), Fault.pass(), fault};
    }

    @SuppressWarnings("rawtypes")
    private Map<String, Map> records() throws Exception {
        return Harvests.records(prefix);
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private Map checkpoint() throws Exception {
        List cps = (List) Harvests.sources(prefix).get("fake").get("checkpoints");
        return (Map) cps.get(0);
    }

    private static long listStarts(FakeRepository repo) {
        return repo.queries().stream().filter(q -> q.startsWith("verb=ListRecords") && !q.contains("resumptionToken"))
                .count();
    }

    /** Harvests with these settings through the dropped body; complete, every record, the window read again. */
    private void assertCompleteThroughADroppedBody(FakeRepository repo, String... settings) throws Exception {
        Cli.Result result = Harvests.harvest(repo.baseUrl(), "fake", prefix, settings);
        assertThat(result.status()).as(result.out()).isZero();
        assertThat(result.out()).contains("harvest fake complete", RECORDS + " records indexed", "0 failed");
        assertThat(records()).containsOnlyKeys(ids(1, RECORDS));
        assertThat(listStarts(repo)).as("the window is read again from its start").isEqualTo(2);
    }

    @Test
    void aConnectionDroppedMidBodyOnASpendingServerReadsTheWindowAgainAndLosesNothing() throws Exception {
        try (FakeRepository repo = scrollLike().fault(onThirdToken(Fault.dropMidBody()))) {
            assertCompleteThroughADroppedBody(repo);
            // the spending server's tokens name their list (.../1, then .../2 when the window is read again)
            assertThat(repo.queries().stream().filter(q -> q.endsWith("resumptionToken=fake%2F%2B60%2F%2F%2F%2F1")))
                    .as("the token whose answer was cut is never sent again").hasSize(1);
        }
    }

    /**
     * A token page whose head the JDK client cannot read (a Content-Length that is no number, beside a chunked body):
     * the request reached the server, so the token counts as spent and the window is read again, never called
     * complete with the page missing.
     */
    @Test
    void aTokenPageWithAnUnreadableHeadOnASpendingServerReadsTheWindowAgainAndLosesNothing() throws Exception {
        Fault unreadable = Fault.answer(200, Map.of("Content-Length", "twelve"), "");
        try (FakeRepository repo = scrollLike().fault(onThirdToken(unreadable))) {
            assertCompleteThroughADroppedBody(repo);
            assertThat(repo.queries().stream().filter(q -> q.endsWith("resumptionToken=fake%2F%2B60%2F%2F%2F%2F1")))
                    .as("the token whose answer could not be read is never sent again").hasSize(1);
        }
    }

    /**
     * The same with two bulk requests in flight, as Lumbung sends them to a remote cluster (one to a node on its own
     * machine, as here by default): pages indexed out of their order still lose nothing.
     */
    @Test
    void withTwoBulkRequestsInFlightADroppedBodyOnASpendingServerLosesNothing() throws Exception {
        try (FakeRepository repo = scrollLike().fault(onThirdToken(Fault.dropMidBody()))) {
            assertCompleteThroughADroppedBody(repo, "-Dlumbung.index.bulk-concurrency=2",
                    "-Dlumbung.index.bulk-operations=7");
        }
    }

    @Test
    void aBodyCutShortWithoutContentLengthOnASpendingServerLosesNothing() throws Exception {
        try (FakeRepository repo = scrollLike().fault(onThirdToken(Fault.cutXml()))) {
            Cli.Result result = Harvests.harvest(repo.baseUrl(), "fake", prefix);
            assertThat(result.status()).as(result.out()).isZero();
            assertThat(result.out()).contains("harvest fake complete", RECORDS + " records indexed", "0 failed",
                    "records read again");
            assertThat(records()).containsOnlyKeys(ids(1, RECORDS));
            assertThat(listStarts(repo)).isEqualTo(2);
        }
    }

    @Test
    void withoutWindowsASpentTokenEndsTheHarvestIncompleteNamingTheGapAndTheNextHarvestCompletes() throws Exception {
        try (FakeRepository repo = scrollLike().fault(onThirdToken(Fault.dropMidBody()))) {
            Cli.Result result = Harvests.harvest(repo.baseUrl(), "fake", prefix, "--no-windows");
            assertThat(result.status()).as(result.out()).isEqualTo(1);
            assertThat(result.out()).contains("harvest fake incomplete", "the page does not continue the list",
                    "the cursor jumped to 80 where 60 was expected: 20 records skipped");
            assertThat(records()).containsOnlyKeys(ids(1, 60));
            assertThat(checkpoint().get("resumptionToken")).as("never a token that may be spent").isNull();

            repo.clearQueries();
            Cli.Result next = Harvests.harvest(repo.baseUrl(), "fake", prefix, "--no-windows");
            assertThat(next.status()).as(next.out()).isZero();
            assertThat(next.out()).contains("harvest fake complete");
            assertThat(records()).containsOnlyKeys(ids(1, RECORDS));
            assertThat(repo.queries().get(1)).as("the list read again from its start").doesNotContain("resumptionToken");
        }
    }

    @Test
    void withoutWindowsACutBodyAskedAgainOfASpendingServerIsAGapNotAComplete() throws Exception {
        try (FakeRepository repo = scrollLike().fault(onThirdToken(Fault.cutXml()))) {
            Cli.Result result = Harvests.harvest(repo.baseUrl(), "fake", prefix, "--no-windows");
            assertThat(result.status()).as(result.out()).isEqualTo(1);
            assertThat(result.out()).contains("harvest fake incomplete", "20 records skipped");
            assertThat(records()).containsOnlyKeys(ids(1, 60));
        }
    }

    @Test
    void withoutWindowsATokenSentAgainToAServerThatRepeatsItsPageLosesNothing() throws Exception {
        // Most servers answer a repeated token with the same page: there, sending it again is safe and checked.
        try (FakeRepository repo = new FakeRepository().records(RECORDS, "2026-01-01").pageSize(PAGE)
                .fault(onThirdToken(Fault.dropMidBody()))) {
            Cli.Result result = Harvests.harvest(repo.baseUrl(), "fake", prefix, "--no-windows");
            assertThat(result.status()).as(result.out()).isZero();
            assertThat(result.out()).contains("harvest fake complete", RECORDS + " records indexed");
            assertThat(records()).containsOnlyKeys(ids(1, RECORDS));
            assertThat(listStarts(repo)).isEqualTo(1);
        }
    }

    @Test
    void withoutWindowsAServerThatRewindsOnARepeatedTokenIsCaughtByTheRecordsItRepeats() throws Exception {
        try (FakeRepository repo = new FakeRepository().records(RECORDS, "2026-01-01").pageSize(PAGE).rewindOnRepeat()
                .fault(onThirdToken(Fault.dropMidBody()))) {
            Cli.Result result = Harvests.harvest(repo.baseUrl(), "fake", prefix, "--no-windows");
            assertThat(result.status()).as(result.out()).isEqualTo(1);
            assertThat(result.out()).contains("harvest fake incomplete",
                    "after its resumption token was sent again, the page holds records already read (oai:fake:41");
            assertThat(records()).containsOnlyKeys(ids(1, 60));
        }
    }

    @Test
    void aCursorThatJumpsAheadReadsTheWindowAgain() throws Exception {
        try (FakeRepository repo = scrollLike()) {
            // Another client (or a page read ahead before a crash) spends the second token first.
            String token = "fake/+40////";
            String list = repo.baseUrl() + "?verb=ListRecords&metadataPrefix=oai_dc";
            String body = get(list);
            java.util.regex.Matcher generation = java.util.regex.Pattern.compile("fake/\\+20////(\\d+)<").matcher(body);
            assertThat(generation.find()).as(body).isTrue();
            // the harvest's own list will be the next generation
            int next = Integer.parseInt(generation.group(1)) + 1;
            get(repo.baseUrl() + "?verb=ListRecords&resumptionToken=" + OaiRequest.encode(token + next));
            repo.clearQueries();
            Cli.Result result = Harvests.harvest(repo.baseUrl(), "fake", prefix);
            assertThat(result.status()).as(result.out()).isZero();
            assertThat(result.out()).contains("harvest fake complete", RECORDS + " records indexed");
            assertThat(records()).containsOnlyKeys(ids(1, RECORDS));
            assertThat(listStarts(repo)).isEqualTo(2);
        }
    }

    @Test
    void aListThatEndsShortOfItsCompleteListSizeOnceIsReadAgainAndCompletes() throws Exception {
        try (FakeRepository repo = new FakeRepository().records(30, "2026-01-01").pageSize(PAGE).hideOnce("oai:fake:7")) {
            Cli.Result result = Harvests.harvest(repo.baseUrl(), "fake", prefix);
            assertThat(result.status()).as(result.out()).isZero();
            assertThat(result.out()).contains("harvest fake complete", "30 records indexed");
            assertThat(records()).containsOnlyKeys(ids(1, 30));
            assertThat(listStarts(repo)).isEqualTo(2);
        }
    }

    @Test
    void aListThatStaysShortOfItsCompleteListSizeIsIncompleteSayingByHowMuch() throws Exception {
        try (FakeRepository repo = new FakeRepository().records(30, "2026-01-01").pageSize(PAGE).announceExtra(2)) {
            Cli.Result result = Harvests.harvest(repo.baseUrl(), "fake", prefix);
            assertThat(result.status()).as(result.out()).isEqualTo(1);
            assertThat(result.out()).contains("harvest fake incomplete", "30 records indexed",
                    "ended after 30 of the 32 records its completeListSize announced (2 short), read twice");
            assertThat(records()).containsOnlyKeys(ids(1, 30));

            Cli.Result tolerant = Harvests.harvest(repo.baseUrl(), "fake", prefix,
                    "-Dlumbung.harvest.short-list-tolerance=2");
            assertThat(tolerant.status()).as(tolerant.out()).isZero();
        }
    }

    @Test
    void aBodyStallingAfterItsHeadersIsAbortedAndTheWindowReadAgain() throws Exception {
        long stall = 30_000;
        try (FakeRepository repo = scrollLike().fault(onThirdToken(Fault.stallMidBody(stall)))) {
            Cli.Result result = Harvests.harvest(repo.baseUrl(), "fake", prefix);
            assertThat(result.status()).as(result.out()).isZero();
            assertThat(result.out()).contains("harvest fake complete", RECORDS + " records indexed");
            assertThat(records()).containsOnlyKeys(ids(1, RECORDS));
            double seconds = Double.parseDouble(result.out().replaceAll("(?s).*records indexed.*?, ([0-9.]+) s.*", "$1"));
            assertThat(seconds).as("aborted after the 1 s read timeout, not waited out").isLessThan(stall / 1000.0 / 2);
        }
    }

    @Test
    void aStallBeforeTheHeadersOnAPageWithoutATokenIsRetried() throws Exception {
        try (FakeRepository repo = scrollLike().fault(Fault.pass(), Fault.stallMidBody(30_000))) {
            Cli.Result result = Harvests.harvest(repo.baseUrl(), "fake", prefix);
            assertThat(result.status()).as(result.out()).isZero();
            assertThat(records()).containsOnlyKeys(ids(1, RECORDS));
            assertThat(listStarts(repo)).as("a first page may be asked again").isEqualTo(2);
        }
    }

    @Test
    void aTokenCycleLeavesNoLoopingTokenInTheCheckpointAndAFixedServerCompletes() throws Exception {
        java.util.concurrent.atomic.AtomicBoolean broken = new java.util.concurrent.atomic.AtomicBoolean(true);
        try (FakeRepository repo = new FakeRepository().records(9, "2026-01-01").pageFilter(xml -> broken.get()
                ? xml.replaceAll("<resumptionToken([^>]*)>fake/\\+6///<", "<resumptionToken$1>fake/+3///<") : xml)) {
            Cli.Result looping = Harvests.harvest(repo.baseUrl(), "fake", prefix, "--no-windows");
            assertThat(looping.status()).isEqualTo(1);
            assertThat(looping.out()).contains("the list runs in a loop");
            assertThat(checkpoint().get("resumptionToken")).isNull();

            broken.set(false);
            repo.clearQueries();
            Cli.Result fixed = Harvests.harvest(repo.baseUrl(), "fake", prefix, "--no-windows");
            assertThat(fixed.status()).as(fixed.out()).isZero();
            assertThat(fixed.out()).contains("harvest fake complete");
            assertThat(records()).containsOnlyKeys(ids(1, 9));
            assertThat(repo.queries().get(1)).doesNotContain("resumptionToken");
        }
    }

    @Test
    void aWindowFetchedRecordByRecordIsListedCompletelyFirst() throws Exception {
        // Page 2 of the list stays cut short, so the window is fetched record by record; the first ListIdentifiers of
        // it leaves oai:fake:8 out while counting it in completeListSize: the listing is read again, not trusted.
        try (FakeRepository repo = new FakeRepository().records(9, "2026-01-01").hideOnce("oai:fake:8")
                .pageFilter(xml -> xml.contains("oai:fake:4<") ? xml.substring(0, xml.length() / 2) : xml)) {
            Cli.Result result = Harvests.harvest(repo.baseUrl(), "fake", prefix);
            assertThat(result.status()).as(result.out()).isZero();
            assertThat(result.out()).contains("harvest fake complete");
            assertThat(repo.queries().stream().filter(q -> q.startsWith("verb=ListIdentifiers"))).hasSizeGreaterThan(3);
            assertThat(records()).containsOnlyKeys(ids(1, 9));
        }
    }

    @Test
    void theLastLineNamesTheRecordsSetAsideAndWhereTheRestAre() throws Exception {
        try (FakeRepository repo = new FakeRepository().records(5, "2026-01-01").brokenRecord("oai:fake:2", true)) {
            Cli.Result result = Harvests.harvest(repo.baseUrl(), "fake", prefix);
            String last = result.out().strip().lines().reduce((a, b) -> b).orElseThrow();
            assertThat(last).contains("harvest fake complete", "1 failed", "set aside: oai:fake:2 (",
                    "see: deadletter list --source fake");
        }
    }

    private static String get(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
