package org.lumbung.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.lumbung.index.IndexLayout;
import org.lumbung.index.IndexSetup;
import org.lumbung.testing.Await;
import org.lumbung.testing.FakeHost;
import org.lumbung.testing.FakeRepository;
import org.lumbung.testing.Harvests;
import org.lumbung.testing.LumbungServer;
import org.lumbung.testing.TestElasticsearch;

/**
 * Two serving workers on one index prefix, started together with {@code at-start=due}: every source runs once, by
 * one of them, and a run left unfinished by a worker that died elsewhere (its lease expired) is taken over by the
 * sweep of one of them, once.
 */
class TwoWorkersIT {

    private static final int RECORDS = 7;

    @Test
    void startedTogetherTheyRunEverySourceOnceAndTakeOverARunLeftUnfinished() throws Exception {
        String prefix = TestElasticsearch.freshPrefix(TwoWorkersIT.class);
        IndexLayout layout = new IndexLayout(prefix, 0);
        new IndexSetup(TestElasticsearch.client(), layout).ensure();
        SourceStore setup = new SourceStore(TestElasticsearch.client(), layout.sourcesIndex(), "setup",
                Duration.ofMinutes(1));
        List<FakeHost> hosts = List.of(new FakeHost(10), new FakeHost(10));
        List<FakeRepository> repositories = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                String id = "w-journal" + i;
                FakeRepository repository = new FakeRepository(hosts.get(i % 2), "/" + id + "/oai")
                        .records(RECORDS, "2024-01-01").landingPages("https://" + id + ".example/");
                repositories.add(repository);
                ids.add(id);
                new SourceRegistry(setup).importSeeds(List.of(Source.oai(id, id, repository.baseUrl(), "oai_dc",
                        List.of(), "0 0 3 * * ?", "ojs")));
            }
            // A run left unfinished by a worker on another machine: its lease expired a minute ago, generation 5.
            String orphan = ids.get(7);
            setup.update(orphan, s -> new SourceState(s.id(), s.definition(), s.origin(), false, null, List.of(),
                    Map.of(), new SourceState.Lease("4242@elsewhere:dead", Instant.now().minusSeconds(60).toString()),
                    null, null, false, 5, SourceRegistry.previousFire("0 0 3 * * ?", Instant.now()).toString(), null,
                    Map.of(), null, null));

            Map<String, String> settings = Map.of("lumbung.harvest.at-start", "due",
                    "lumbung.harvest.lease", "2s", "lumbung.sources.takeover-interval", "200ms");
            try (LumbungServer one = LumbungServer.start(prefix, Map.of(), settings);
                 LumbungServer two = LumbungServer.start(prefix, Map.of(), settings)) {
                Await.until("every source's run recorded, no lease left", Duration.ofMinutes(2), () -> ids.stream()
                        .map(id -> setup.get(id).orElseThrow())
                        .allMatch(s -> s.lastRun() != null && s.lease() == null));

                SourceStore.Counters a = one.lumbung().components().sourceStore().counters();
                SourceStore.Counters b = two.lumbung().components().sourceStore().counters();
                assertThat(a.claims() + b.claims()).as("claims of both workers").isEqualTo(8);
                assertThat(a.takeovers() + b.takeovers()).isEqualTo(1);
                assertThat(a.fenced() + b.fenced()).isZero();
            }
            for (FakeRepository repository : repositories) {
                assertThat(repository.queries().stream().filter(q -> q.startsWith("verb=Identify")).count())
                        .as("runs of %s", repository.baseUrl()).isEqualTo(1);
            }
            for (String id : ids) {
                SourceState state = setup.get(id).orElseThrow();
                assertThat(state.lastRun().outcome()).as(id).isEqualTo("complete");
                assertThat(state.generation()).as(id).isEqualTo(id.equals(orphan) ? 6 : 1);
            }
            TreeSet<String> expected = new TreeSet<>();
            ids.forEach(id -> java.util.stream.IntStream.rangeClosed(1, RECORDS)
                    .forEach(i -> expected.add(id + ":oai:fake:" + i)));
            assertThat(new TreeSet<>(Harvests.records(prefix).keySet())).isEqualTo(expected);
        } finally {
            repositories.forEach(FakeRepository::close);
            hosts.forEach(FakeHost::close);
            setup.close();
        }
    }
}
