package org.lumbung.harvest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lumbung.testing.Cli;
import org.lumbung.testing.FakeRepository;
import org.lumbung.testing.Harvests;
import org.lumbung.testing.TestElasticsearch;

/**
 * Hostile answers in the middle of a real harvest (a real OAI-PMH server on 127.0.0.1, a real Elasticsearch): what is
 * refused is named with the source and the URL, and nothing else is lost. {@code HostileInputIT} has the refusals
 * themselves in a small heap; this class has what becomes of the harvest around them.
 */
class HostileHarvestIT {

    private static String base;

    @BeforeAll
    static void clean() {
        base = TestElasticsearch.freshPrefix(HostileHarvestIT.class);
    }

    private static List<String> ids(int from, int to) {
        return FakeRepository.documentIds(from, to);
    }

    @Test
    void anEntityBombMidListStopsTheHarvestKeepingThePagesBeforeAndTheNextHarvestResumes() throws Exception {
        AtomicBoolean hostile = new AtomicBoolean(true);
        String bomb = HostileInputIT.laughs();
        String prefix = base + "-bomb";
        try (FakeRepository repo = new FakeRepository().records(9, "2026-01-01").pageFilter(xml ->
                hostile.get() && xml.contains("oai:fake:4<") ? xml.replaceFirst("<OAI-PMH", bomb + "<OAI-PMH") : xml)) {
            Cli.Result first = Harvests.harvest(repo.baseUrl(), "fake", prefix);
            assertThat(first.status()).isEqualTo(1);
            assertThat(first.out()).contains("source fake: refused: the response declares a DTD (<!DOCTYPE>), which "
                    + "OAI-PMH responses never do; its entities are not resolved (" + repo.baseUrl() + "?verb=ListRecords");
            assertThat(Harvests.records(prefix)).containsOnlyKeys(ids(1, 3));

            hostile.set(false);
            repo.clearQueries();
            Cli.Result second = Harvests.harvest(repo.baseUrl(), "fake", prefix);
            assertThat(second.status()).as(second.said()).isZero();
            assertThat(repo.queries()).noneMatch(q -> q.contains("metadataPrefix=oai_dc") && !q.contains("from="));
            assertThat(Harvests.records(prefix)).containsOnlyKeys(ids(1, 9));
        }
    }

    @Test
    void aRecordNestedAHundredThousandDeepInAListIsAskedForAloneAndNothingIsLost() throws Exception {
        String deep = "<i>".repeat(100_000) + "deep" + "</i>".repeat(100_000);
        String prefix = base + "-deep";
        // The list's copy of oai:fake:5 is hostile, GetRecord's is not (a repository whose list rendering is broken).
        try (FakeRepository repo = new FakeRepository().records(9, "2026-01-01").pageFilter(xml -> xml.contains("ListRecords")
                ? xml.replaceFirst("(?s)(oai:fake:5<.*?<dc:title>)[^<]*</dc:title>", "$1" + deep + "</dc:title>") : xml)) {
            Cli.Result result = Harvests.harvest(repo.baseUrl(), "fake", prefix);
            assertThat(result.status()).as(result.said()).isZero();
            assertThat(result.out()).contains("harvest fake complete", "9 records indexed", "0 failed");
            assertThat(repo.queries()).contains("verb=GetRecord&identifier=oai%3Afake%3A5&metadataPrefix=oai_dc");
            assertThat(Harvests.records(prefix)).containsOnlyKeys(ids(1, 9));
        }
    }
}
