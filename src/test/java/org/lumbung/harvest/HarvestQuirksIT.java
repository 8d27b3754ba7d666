package org.lumbung.harvest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
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
 * One test per failure mode of real repositories, each against a real OAI-PMH server on 127.0.0.1 reproducing it and
 * a real Elasticsearch, each asserting the exact documents afterwards: nothing lost, nothing duplicated.
 */
class HarvestQuirksIT {

    private static String classPrefix;
    private String prefix;

    @BeforeAll
    static void clean() {
        classPrefix = TestElasticsearch.freshPrefix(HarvestQuirksIT.class);
    }

    @BeforeEach
    void prefix(TestInfo test) {
        prefix = TestElasticsearch.methodPrefix(classPrefix, test);
    }

    private static List<String> ids(int from, int to) {
        return FakeRepository.documentIds(from, to);
    }

    /** Enough resets to outlast every attempt (the JDK client itself retries a reset GET once). */
    private static Fault[] resets(int n) {
        return IntStream.range(0, n).mapToObj(i -> Fault.connectionReset()).toArray(Fault[]::new);
    }

    @SuppressWarnings("rawtypes")
    private Map<String, Map> records() throws Exception {
        return Harvests.records(prefix);
    }

    @Test
    void retriesA503StormHonouringRetryAfterInSecondsAndAsAnHttpDate() throws Exception {
        String soon = ZonedDateTime.now(java.time.ZoneOffset.UTC).plusSeconds(1).format(DateTimeFormatter.RFC_1123_DATE_TIME);
        try (FakeRepository repo = new FakeRepository().records(7, "2026-01-01")
                .fault(Fault.retryAfter(503, "0"), Fault.retryAfter(503, soon), Fault.retryAfter(429, "0"),
                        Fault.pass(), Fault.status(502))) {
            Cli.Result result = Harvests.harvest(repo.baseUrl(), "fake", prefix);
            assertThat(result.status()).as(result.said()).isZero();
            assertThat(result.out()).contains("harvest fake complete", "7 records indexed", "4 retries");
            assertThat(records()).containsOnlyKeys(ids(1, 7));
        }
    }

    /** The last page's empty token replaced: the list goes on forever. */
    private static final String LAST_TOKEN = "<resumptionToken completeListSize=\"9\" cursor=\"6\"/>";

    @Test
    void stopsAListWhoseTokensRunInACycleKeepingEveryRecordRead() throws Exception {
        AtomicReference<String> first = new AtomicReference<>();
        try (FakeRepository repo = new FakeRepository().records(9, "2026-01-01").pageFilter(xml -> {
            Matcher token = Pattern.compile("<resumptionToken[^>]*>([^<]+)<").matcher(xml);
            if (token.find()) {
                first.compareAndSet(null, token.group(1));
            }
            return xml.replace(LAST_TOKEN, "<resumptionToken>" + first.get() + "</resumptionToken>");
        })) {
            Cli.Result result = Harvests.harvest(repo.baseUrl(), "fake", prefix, "--no-windows");
            assertThat(result.status()).isNotZero();
            assertThat(result.out()).contains("harvest fake incomplete", "9 records indexed",
                    "the repository sent resumption token 'fake/+3///' again (page 3): the list runs in a loop; stopped");
            assertThat(records()).containsOnlyKeys(ids(1, 9));
            assertThat(repo.queries().stream().filter(q -> q.contains("ListRecords"))).hasSize(3);
        }
    }

    @Test
    void stopsAListThatNeverEndsServingTheSameRecordsUnderNewTokens() throws Exception {
        AtomicInteger pluses = new AtomicInteger(1);
        try (FakeRepository repo = new FakeRepository().records(9, "2026-01-01").pageFilter(xml ->
                xml.replace(LAST_TOKEN, "<resumptionToken>fake/" + "+".repeat(pluses.incrementAndGet())
                        + "6///</resumptionToken>"))) {
            Cli.Result result = Harvests.harvest(repo.baseUrl(), "fake", prefix, "--no-windows");
            assertThat(result.status()).isNotZero();
            // page 4's records were read already (same identifiers and datestamps): not written again
            assertThat(result.out()).contains("harvest fake incomplete", "9 records indexed", "3 records read again",
                    "page 4 holds exactly the records of page 3: the list runs in a loop; stopped");
            assertThat(records()).containsOnlyKeys(ids(1, 9));
        }
    }

    @Test
    void weathersAStormOf503sOnEveryRequestOfTheHarvest() throws Exception {
        Fault[] storm = IntStream.range(0, 16).mapToObj(i -> i % 4 == 3 ? Fault.pass() : Fault.status(503))
                .toArray(Fault[]::new);
        try (FakeRepository repo = new FakeRepository().records(7, "2026-01-01").fault(storm)) {
            // Identify and three pages, each answered 503 three times before it is served: 12 503s in all.
            Cli.Result result = Harvests.harvest(repo.baseUrl(), "fake", prefix, "--no-windows");
            assertThat(result.status()).as(result.said()).isZero();
            assertThat(result.out()).contains("harvest fake complete: 3 pages, 7 records indexed", "12 retries");
            assertThat(records()).containsOnlyKeys(ids(1, 7));
            assertThat(repo.queries()).hasSize(16);
        }
    }

    @Test
    void survivesResetConnectionsAndAServerStallingPastTheReadTimeout() throws Exception {
        try (FakeRepository repo = new FakeRepository().records(7, "2026-01-01")
                .fault(Fault.pass(), Fault.connectionReset(), Fault.stall(1500))) {
            Cli.Result result = Harvests.harvest(repo.baseUrl(), "fake", prefix);
            assertThat(result.status()).as(result.said()).isZero();
            assertThat(records()).containsOnlyKeys(ids(1, 7));
        }
    }

    @Test
    void readsGzipTheServerDoesNotAnnounce() throws Exception {
        try (FakeRepository repo = new FakeRepository().records(5, "2026-01-01").gzipWithoutSaying()) {
            Harvests.harvest(repo.baseUrl(), "fake", prefix).exits(0);
            assertThat(records()).containsOnlyKeys(ids(1, 5));
        }
    }

    @Test
    void anInterruptedHarvestWhoseTokenMayBeSpentResumesFromItsWindowsStartNotTheToken() throws Exception {
        try (FakeRepository repo = new FakeRepository().records(10, "2026-01-01")) {
            // Identify, page 1, page 2 pass; page 3 never answers (every attempt resets).
            repo.fault(Fault.pass(), Fault.pass(), Fault.pass());
            repo.fault(resets(12));
            Cli.Result first = Harvests.harvest(repo.baseUrl(), "fake", prefix);
            assertThat(first.status()).isEqualTo(1);
            assertThat(first.out()).contains("incomplete: 2 pages, 6 records indexed");
            assertThat(records()).containsOnlyKeys(ids(1, 6));
            // Lumbung does not send it again (it would, four times, for a request without a token); the JDK's client
            // itself sends a GET once more when the connection closes before the first byte of an answer (a keep-alive
            // race, where the server never read the request): the cursor check is what catches a server that did.
            assertThat(repo.queries().stream().filter(q -> q.contains("resumptionToken=fake%2F%2B6")))
                    .as("a reset after the request left may have spent the token: it is not sent again").hasSize(2);

            repo.clearFaults();
            repo.clearQueries();
            Cli.Result second = Harvests.harvest(repo.baseUrl(), "fake", prefix);
            assertThat(second.status()).as(second.said()).isZero();
            // After Identify, the window is read from its start: the checkpoint kept no token that may be spent.
            assertThat(repo.queries().get(1)).isEqualTo("verb=ListRecords&metadataPrefix=oai_dc");
            assertThat(second.out()).contains("4 pages, 10 records indexed");
            assertThat(records()).containsOnlyKeys(ids(1, 10));
        }
    }

    @Test
    void readsTheWindowAgainWhenTheRepositoryRefusesTheTokenNeverTheWholeRepository() throws Exception {
        try (FakeRepository repo = new FakeRepository().records(10, "2026-01-01")) {
            repo.fault(Fault.pass(), Fault.pass());
            repo.fault(resets(12));
            assertThat(Harvests.harvest(repo.baseUrl(), "fake", prefix).status()).isEqualTo(1);
            repo.clearFaults();
            repo.refuseTokens("+3", 1, false);
            repo.clearQueries();
            Cli.Result resumed = Harvests.harvest(repo.baseUrl(), "fake", prefix);
            assertThat(resumed.status()).as(resumed.said()).isZero();
            assertThat(repo.queries()).containsSubsequence("verb=ListRecords&resumptionToken=fake%2F%2B3%2F%2F%2F",
                    "verb=ListRecords&metadataPrefix=oai_dc");
            assertThat(records()).containsOnlyKeys(ids(1, 10));
        }
    }

    @Test
    void aServerErrorOnTheTokenUrlAlsoRestartsTheWindow() throws Exception {
        try (FakeRepository repo = new FakeRepository().records(8, "2026-01-01").refuseTokens("+3", 4, true)) {
            Cli.Result result = Harvests.harvest(repo.baseUrl(), "fake", prefix);
            assertThat(result.status()).as(result.said()).isZero();
            assertThat(records()).containsOnlyKeys(ids(1, 8));
        }
    }

    @Test
    void harvestsIncrementallyFromWhereTheLastHarvestBeganWithAnOverlap() throws Exception {
        try (FakeRepository repo = new FakeRepository().records(4, "2020-01-01")) {
            Harvests.harvest(repo.baseUrl(), "fake", prefix).exits(0);
            repo.add(new FakeRepository.Item("oai:fake:99", java.time.Instant.now(), false, "New today", "set1"));
            repo.clearQueries();
            Cli.Result second = Harvests.harvest(repo.baseUrl(), "fake", prefix);
            assertThat(second.out()).contains("1 records indexed");
            String yesterday = java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(1).toString();
            assertThat(repo.queries()).contains("verb=ListRecords&metadataPrefix=oai_dc&from=" + yesterday);
            assertThat(records()).hasSize(5).containsKey("fake:oai:fake:99");
        }
    }

    @Test
    void readsALongRepositoryInDateWindowsThatGrowWhileTheyComeBackSmall() throws Exception {
        try (FakeRepository repo = new FakeRepository().pageSize(50)) {
            for (int i = 1; i <= 30; i++) {
                repo.add(new FakeRepository.Item("oai:fake:" + i, java.time.Instant.parse("2020-01-01T10:00:00Z")
                        .plus(java.time.Duration.ofDays(36L * i)), false, "Record " + i, "set0"));
            }
            // 30 records in one page would be read as one list (WholeListFirstIT): windows from the start here.
            Cli.Result result = Harvests.harvest(repo.baseUrl(), "fake", prefix, "--window", "60d",
                    "-Dlumbung.harvest.whole-list-pages=0");
            assertThat(result.status()).as(result.said()).isZero();
            List<String> windows = repo.queries().stream().filter(q -> q.contains("from=")).toList();
            assertThat(windows).hasSizeGreaterThan(3);
            assertThat(windows.get(0)).contains("from=2020-02-06&until=2020-04-05");
            assertThat(windows.get(1)).as("a small window doubles the next").contains("from=2020-04-06&until=2020-08-03");
            assertThat(windows.get(2)).contains("from=2020-08-04&until=2021-03-31");
            assertThat(windows.get(windows.size() - 1)).doesNotContain("until=");
            assertThat(records()).containsOnlyKeys(ids(1, 30));
        }
    }

    @Test
    void halvesAWindowTheServerCannotServe() throws Exception {
        try (FakeRepository repo = new FakeRepository().records(20, "2026-01-01").tooManyAbove(6)) {
            Cli.Result result = Harvests.harvest(repo.baseUrl(), "fake", prefix, "--window", "40d");
            assertThat(result.status()).as(result.said()).isZero();
            assertThat(records()).containsOnlyKeys(ids(1, 20));
        }
    }

    @Test
    @SuppressWarnings("rawtypes")
    void noticesAServerThatIgnoresFromAndRecordsItOnTheSource() throws Exception {
        try (FakeRepository repo = new FakeRepository().records(6, "2020-01-01").ignoreFrom()) {
            // Windows from the start (a whole list read first has no from to betray the quirk; an incremental one has).
            Cli.Result result = Harvests.harvest(repo.baseUrl(), "fake", prefix, "--window", "2d",
                    "-Dlumbung.harvest.whole-list-pages=0");
            assertThat(result.status()).as(result.said()).isZero();
            assertThat(records()).containsOnlyKeys(ids(1, 6));
            Map state = TestElasticsearch.documents(prefix + "-sources").get("fake");
            assertThat(((Map<?, ?>) state.get("quirks")).containsKey("ignoresFrom")).isTrue();
            // Once known, the source is read as one list: no more windows.
            repo.clearQueries();
            Harvests.harvest(repo.baseUrl(), "fake", prefix);
            assertThat(repo.queries().stream().filter(q -> q.contains("until="))).isEmpty();
        }
    }

    @Test
    @SuppressWarnings("rawtypes")
    void repairsIllegalCharactersReferencesAndHtmlEntities() throws Exception {
        try (FakeRepository repo = new FakeRepository().records(3, "2026-01-01")
                .pageFilter(xml -> xml.replace("Record number 2", "Record\u0001 number&#x1; 2&nbsp;&amp; AT&T"))) {
            Cli.Result result = Harvests.harvest(repo.baseUrl(), "fake", prefix);
            assertThat(result.status()).as(result.said()).isZero();
            assertThat(result.out()).containsPattern("\\d+ characters repaired");
            Map dc = (Map) records().get("fake:oai:fake:2").get("dc");
            assertThat(dc.get("title")).isEqualTo(List.of("Record number 2 & AT&T"));
        }
    }

    @Test
    void salvagesAPageWithOneBrokenRecordFetchingThatRecordAlone() throws Exception {
        try (FakeRepository repo = new FakeRepository().records(9, "2026-01-01").brokenRecord("oai:fake:5", false)) {
            Cli.Result result = Harvests.harvest(repo.baseUrl(), "fake", prefix);
            assertThat(result.status()).as(result.said()).isZero();
            assertThat(repo.queries()).contains("verb=GetRecord&identifier=oai%3Afake%3A5&metadataPrefix=oai_dc");
            assertThat(records()).containsOnlyKeys(ids(1, 9));
        }
    }

    @Test
    @SuppressWarnings("rawtypes")
    void deadLettersARecordThatCannotBeReadEvenAlone() throws Exception {
        try (FakeRepository repo = new FakeRepository().records(9, "2026-01-01").brokenRecord("oai:fake:5", true)) {
            Cli.Result result = Harvests.harvest(repo.baseUrl(), "fake", prefix);
            assertThat(result.status()).as("complete, with a failure").isEqualTo(1);
            assertThat(result.out()).contains("harvest fake complete", "8 records indexed", "1 failed");
            List<String> expected = new java.util.ArrayList<>(ids(1, 9));
            expected.remove("fake:oai:fake:5");
            assertThat(records()).containsOnlyKeys(expected);
            Map letter = TestElasticsearch.documents(prefix + "-deadletter").get("fake:oai:fake:5");
            assertThat(letter.get("stage")).isEqualTo("harvest");
            assertThat((String) letter.get("reason")).contains("unparseable record");
            assertThat((String) letter.get("raw")).contains("Broken < title");
        }
    }

    @Test
    void fetchesAWindowRecordByRecordWhenAPageStaysTruncated() throws Exception {
        try (FakeRepository repo = new FakeRepository().records(9, "2026-01-01")
                .pageFilter(xml -> xml.contains("oai:fake:4<") ? xml.substring(0, xml.length() / 2) : xml)) {
            Cli.Result result = Harvests.harvest(repo.baseUrl(), "fake", prefix);
            assertThat(result.status()).as(result.said()).isZero();
            assertThat(repo.queries()).anyMatch(q -> q.startsWith("verb=ListIdentifiers"));
            assertThat(records()).containsOnlyKeys(ids(1, 9));
        }
    }

    @Test
    void anHtmlPageStopsTheHarvestNamingTheSourceAndTheUrl() throws Exception {
        try (FakeRepository repo = new FakeRepository().records(3, "2026-01-01")
                .fault(Fault.pass(), Fault.body("<!DOCTYPE html><html><head><title>Login</title></head></html>"),
                        Fault.body("<!DOCTYPE html><html><head><title>Login</title></head></html>"))) {
            Cli.Result result = Harvests.harvest(repo.baseUrl(), "fake", prefix);
            assertThat(result.status()).isEqualTo(1);
            assertThat(result.out()).contains("source fake: not an OAI-PMH response: an HTML page titled 'Login'",
                    repo.baseUrl() + "?verb=ListRecords");
        }
    }

    @Test
    @SuppressWarnings("rawtypes")
    void tombstonesWhatARepositoryWithoutDeletionsNoLongerLists() throws Exception {
        try (FakeRepository repo = new FakeRepository().records(5, "2026-01-01").deletedRecord("no")) {
            Harvests.harvest(repo.baseUrl(), "fake", prefix).exits(0);
            repo.remove("oai:fake:3");
            Cli.Result result = Harvests.harvest(repo.baseUrl(), "fake", prefix, "--reconcile-deletions");
            assertThat(result.status()).as(result.said()).isZero();
            assertThat(result.out()).contains("1 deleted");
            Map<String, Map> docs = records();
            assertThat(docs).containsOnlyKeys(ids(1, 5));
            assertThat(docs.get("fake:oai:fake:3").get("deleted")).isEqualTo(true);
            assertThat(docs.get("fake:oai:fake:2").get("deleted")).isEqualTo(false);
        }
    }

    @Test
    void aSourceBeingHarvestedElsewhereIsNotHarvestedAgain() throws Exception {
        try (FakeRepository repo = new FakeRepository().records(3, "2026-01-01")) {
            Harvests.harvest(repo.baseUrl(), "fake", prefix).exits(0);
            org.lumbung.source.SourceStore other = new org.lumbung.source.SourceStore(TestElasticsearch.client(),
                    prefix + "-sources", "another-lumbung", java.time.Duration.ofMinutes(5));
            assertThat(other.acquire("fake")).isTrue();
            Cli.Result refused = Harvests.harvest(repo.baseUrl(), "fake", prefix);
            assertThat(refused.status()).isEqualTo(1);
            other.release("fake", null);
            Harvests.harvest(repo.baseUrl(), "fake", prefix).exits(0);
        }
    }
}
