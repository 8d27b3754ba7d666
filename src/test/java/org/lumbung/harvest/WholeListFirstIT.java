package org.lumbung.harvest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
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
 * Windows only when needed: a first harvest asks for the whole list and reads it whole when its first page shows it
 * small; a large list, one that fails, and a source seen to need them are read in date windows; an incremental harvest
 * asks one window from its checkpoint. Each asserts the requests the repository saw and every record once.
 */
class WholeListFirstIT {

    private static String classPrefix;
    private String prefix;

    @BeforeAll
    static void clean() {
        classPrefix = TestElasticsearch.freshPrefix(WholeListFirstIT.class);
    }

    @BeforeEach
    void prefix(TestInfo test) {
        prefix = TestElasticsearch.methodPrefix(classPrefix, test);
    }

    private static List<String> ids(int from, int to) {
        return FakeRepository.documentIds(from, to);
    }

    /** n records, one every {@code days} days from 2019-01-01: a repository spanning years. */
    private static FakeRepository spread(int n, int days, int pageSize) {
        FakeRepository repo = new FakeRepository().pageSize(pageSize);
        for (int i = 1; i <= n; i++) {
            repo.add(new FakeRepository.Item("oai:fake:" + i, Instant.parse("2019-01-01T10:00:00Z")
                    .plus(Duration.ofDays((long) days * (i - 1))), false, "Record " + i, "set" + (i % 2)));
        }
        return repo;
    }

    private static List<String> lists(FakeRepository repo) {
        return repo.queries().stream().filter(q -> q.startsWith("verb=ListRecords")).toList();
    }

    private static List<String> windows(FakeRepository repo) {
        return lists(repo).stream().filter(q -> q.contains("from=") || q.contains("until=")).toList();
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private Map<String, Object> quirks() throws Exception {
        Map<String, Object> quirks = (Map<String, Object>) Harvests.sources(prefix).get("fake").get("quirks");
        return quirks == null ? Map.of() : quirks;
    }

    /** The source's checkpoints forgotten, as for a source harvested again from the beginning. */
    @SuppressWarnings("rawtypes")
    private void forgetCheckpoints() throws Exception {
        TestElasticsearch.client().update(u -> u.index(prefix + "-sources").id("fake")
                .doc(Map.of("checkpoints", List.of())), Map.class);
    }

    @Test
    void readsASmallRepositorySpanningYearsAsOneListInIdentifyAndItsPages() throws Exception {
        try (FakeRepository repo = spread(30, 73, 10)) {
            Cli.Result result = Harvests.harvest(repo.baseUrl(), "fake", prefix);
            assertThat(result.status()).as(result.said()).isZero();
            assertThat(result.out()).contains("harvest fake complete: 3 pages, 30 records indexed");
            assertThat(repo.queries()).containsExactly("verb=Identify", "verb=ListRecords&metadataPrefix=oai_dc",
                    "verb=ListRecords&resumptionToken=fake%2F%2B10%2F%2F%2F",
                    "verb=ListRecords&resumptionToken=fake%2F%2B20%2F%2F%2F");
            assertThat(Harvests.records(prefix)).containsOnlyKeys(ids(1, 30));
            assertThat(quirks()).doesNotContainKey(OaiHarvester.NEEDS_WINDOWS);
        }
    }

    @Test
    void theSameSmallRepositoryInWindowsFromTheStartCostsMoreRequests() throws Exception {
        // The rule switched off (whole-list-pages=0) is how every first harvest was read before it.
        try (FakeRepository repo = spread(30, 73, 10)) {
            Cli.Result result = Harvests.harvest(repo.baseUrl(), "fake", prefix,
                    "-Dlumbung.harvest.whole-list-pages=0");
            assertThat(result.status()).as(result.said()).isZero();
            // One window a year at first, growing while small: 5 ListRecords (and a sixth request, Identify) for 3 pages.
            assertThat(lists(repo)).hasSize(5);
            assertThat(Harvests.records(prefix)).containsOnlyKeys(ids(1, 30));
        }
    }

    @Test
    void readsALargeRepositoryInDateWindowsAfterItsFirstPage() throws Exception {
        try (FakeRepository repo = spread(120, 10, 3)) {
            Cli.Result result = Harvests.harvest(repo.baseUrl(), "fake", prefix);
            assertThat(result.status()).as(result.said()).isZero();
            // 120 records announced, more than 10 pages of 3: the first page is left unread, windows follow.
            assertThat(lists(repo).get(0)).isEqualTo("verb=ListRecords&metadataPrefix=oai_dc");
            assertThat(windows(repo).get(0)).contains("from=2019-01-01&until=");
            assertThat(windows(repo).get(windows(repo).size() - 1)).doesNotContain("until=");
            assertThat(result.out()).contains("120 records indexed").doesNotContain("read again");
            assertThat(Harvests.records(prefix)).containsOnlyKeys(ids(1, 120));
            assertThat(quirks()).as("a large list is no fault").doesNotContainKey(OaiHarvester.NEEDS_WINDOWS);
        }
    }

    @Test
    void readsAListThatDoesNotAnnounceItsSizeInDateWindows() throws Exception {
        try (FakeRepository repo = spread(30, 73, 10)
                .pageFilter(xml -> xml.replaceAll(" completeListSize=\"\\d+\"", ""))) {
            Cli.Result result = Harvests.harvest(repo.baseUrl(), "fake", prefix);
            assertThat(result.status()).as(result.said()).isZero();
            assertThat(windows(repo)).isNotEmpty();
            assertThat(result.out()).contains("30 records indexed");
            assertThat(Harvests.records(prefix)).containsOnlyKeys(ids(1, 30));
        }
    }

    @Test
    void aWholeListWhoseTokenIsRefusedTurnsToWindowsAndTheSourceKeepsThem() throws Exception {
        try (FakeRepository repo = spread(30, 73, 10).refuseTokens("+20", 1, false)) {
            Cli.Result result = Harvests.harvest(repo.baseUrl(), "fake", prefix);
            assertThat(result.status()).as(result.said()).isZero();
            assertThat(lists(repo).subList(0, 3)).containsExactly("verb=ListRecords&metadataPrefix=oai_dc",
                    "verb=ListRecords&resumptionToken=fake%2F%2B10%2F%2F%2F",
                    "verb=ListRecords&resumptionToken=fake%2F%2B20%2F%2F%2F");
            assertThat(lists(repo).get(3)).contains("from=2019-01-01&until=");
            assertThat(lists(repo)).as("the refused token is not sent again")
                    .filteredOn(q -> q.contains("%2B20%2F%2F")).hasSize(1);
            // The 20 records of the whole list are read again in the windows: counted once.
            assertThat(result.out()).contains("30 records indexed", "20 records read again");
            assertThat(Harvests.records(prefix)).containsOnlyKeys(ids(1, 30));
            assertThat(quirks()).containsKey(OaiHarvester.NEEDS_WINDOWS);

            forgetCheckpoints();
            repo.clearQueries();
            Cli.Result again = Harvests.harvest(repo.baseUrl(), "fake", prefix);
            assertThat(again.status()).as(again.said()).isZero();
            assertThat(lists(repo)).as("windows from the start, no whole list")
                    .doesNotContain("verb=ListRecords&metadataPrefix=oai_dc");
            assertThat(lists(repo).get(0)).contains("from=2019-01-01&until=");
            assertThat(again.out()).contains("30 records indexed");
            assertThat(Harvests.records(prefix)).containsOnlyKeys(ids(1, 30));
        }
    }

    @Test
    void aWholeListWhoseTokenIsSpentByADroppedConnectionTurnsToWindows() throws Exception {
        // Tokens spent when read (a scroll): a page cut mid-body must not be asked again by its token.
        try (FakeRepository repo = spread(30, 73, 10).consumingTokens()) {
            repo.fault(Fault.pass(), Fault.pass(), Fault.dropMidBody());
            Cli.Result result = Harvests.harvest(repo.baseUrl(), "fake", prefix);
            assertThat(result.status()).as(result.said()).isZero();
            assertThat(windows(repo)).isNotEmpty();
            assertThat(result.out()).contains("30 records indexed");
            assertThat(Harvests.records(prefix)).containsOnlyKeys(ids(1, 30));
            assertThat(quirks()).containsKey(OaiHarvester.NEEDS_WINDOWS);
        }
    }

    @Test
    void aWholeListTheServerCannotServeTurnsToWindows() throws Exception {
        try (FakeRepository repo = spread(30, 73, 10).tooManyAbove(12)) {
            Cli.Result result = Harvests.harvest(repo.baseUrl(), "fake", prefix);
            assertThat(result.status()).as(result.said()).isZero();
            assertThat(result.out()).contains("30 records indexed");
            assertThat(Harvests.records(prefix)).containsOnlyKeys(ids(1, 30));
            assertThat(quirks()).containsKey(OaiHarvester.NEEDS_WINDOWS);
        }
    }

    @Test
    void anIncrementalHarvestAsksOneWindowFromItsCheckpoint() throws Exception {
        try (FakeRepository repo = spread(30, 73, 10)) {
            Harvests.harvest(repo.baseUrl(), "fake", prefix).exits(0);
            repo.add(new FakeRepository.Item("oai:fake:31", Instant.now(), false, "New today", "set1"));
            repo.clearQueries();
            Cli.Result second = Harvests.harvest(repo.baseUrl(), "fake", prefix);
            assertThat(second.status()).as(second.said()).isZero();
            String yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
            assertThat(repo.queries()).containsExactly("verb=Identify",
                    "verb=ListRecords&metadataPrefix=oai_dc&from=" + yesterday);
            assertThat(second.out()).contains("1 records indexed");
            assertThat(Harvests.records(prefix)).containsOnlyKeys(ids(1, 31));
        }
    }
}
