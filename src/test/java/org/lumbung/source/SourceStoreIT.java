package org.lumbung.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lumbung.harvest.Checkpoint;
import org.lumbung.harvest.HarvestException;
import org.lumbung.harvest.HarvestRequest;
import org.lumbung.index.IndexLayout;
import org.lumbung.index.IndexSetup;
import org.lumbung.testing.Await;
import org.lumbung.testing.TestElasticsearch;

/** Source state in a real Elasticsearch: leases between two Lumbung instances, checkpoints, seeds. */
class SourceStoreIT {

    private static final Source REPOSITORY = Source.oai("repo", "A repository", "https://r.example/oai", "oai_dc",
            List.of("a", "b"), "0 0 3 * * ?", "dspace");
    private static String index;

    @BeforeAll
    static void indices() throws Exception {
        String prefix = TestElasticsearch.freshPrefix(SourceStoreIT.class);
        IndexLayout layout = new IndexLayout(prefix, 0);
        new IndexSetup(TestElasticsearch.client(), layout).ensure();
        index = layout.sourcesIndex();
    }

    private static SourceStore instance(String name, Duration lease) {
        return new SourceStore(TestElasticsearch.client(), index, name, lease);
    }

    @Test
    void twoInstancesNeverHoldTheSameSourceAtOnce() throws Exception {
        SourceStore first = instance("first", Duration.ofMinutes(10));
        SourceStore second = instance("second", Duration.ofMinutes(10));
        SourceRegistry one = new SourceRegistry(first);
        SourceRegistry two = new SourceRegistry(second);
        one.importSeeds(List.of(REPOSITORY));

        assertThat(one.claim("repo")).isEqualTo(REPOSITORY);
        assertThat(two.claim("repo")).as("a trigger in another instance while it runs is skipped").isNull();
        assertThatThrownBy(() -> second.save("repo", Checkpoint.none("a")))
                .isInstanceOf(HarvestException.class).hasMessageContaining("lost the source's lease to first");
        one.release("repo", null);
        assertThat(two.claim("repo")).isEqualTo(REPOSITORY);
    }

    @Test
    void aKilledInstancesLeaseExpires() throws Exception {
        Duration lease = Duration.ofSeconds(1);
        SourceStore dead = instance("dead", lease);
        new SourceRegistry(dead).importSeeds(List.of(Source.oai("expiring", "x", "https://x.example/oai", "oai_dc",
                List.of(), "0 0 3 * * ?", "other")));
        long taken = System.nanoTime();
        assertThat(dead.acquire("expiring")).isTrue();
        dead.close(); // killed: nothing renews its lease any more
        SourceStore alive = instance("alive", Duration.ofMinutes(1));
        boolean early = alive.acquire("expiring");
        // Only a look within the lease can see it held: a machine that paused longer looked after it had ended.
        if (System.nanoTime() - taken < lease.toNanos()) {
            assertThat(early).as("the lease holds for its length").isFalse();
        }
        Await.until("the dead instance's lease to end", Duration.ofSeconds(30), () -> alive.acquire("expiring"));
        assertThat(Duration.ofNanos(System.nanoTime() - taken)).as("not before it ends").isGreaterThanOrEqualTo(lease);
    }

    @Test
    void keepsACheckpointPerSetAndSeedsNeverEraseIt() throws Exception {
        SourceStore store = instance("keeper", Duration.ofMinutes(1));
        SourceRegistry registry = new SourceRegistry(store);
        registry.importSeeds(List.of(Source.oai("kept", "x", "https://k.example/oai", "oai_dc", List.of("a", "b"),
                "0 0 3 * * ?", "other")));
        store.save("kept", new Checkpoint("a", "2026-01-01", null, null, null, null, 0));
        store.save("kept", new Checkpoint("b", "2026-02-02", "2026-11-20T00:00:00Z", "2026-02-02", null, "tok/1+=", 86400));
        registry.importSeeds(List.of(Source.oai("kept", "renamed", "https://k.example/oai", "oai_dc", List.of("a", "b"),
                "0 0 4 * * ?", "other")));

        assertThat(store.checkpoint("kept", "a").nextFrom()).isEqualTo("2026-01-01");
        assertThat(store.checkpoint("kept", "b").resumptionToken()).isEqualTo("tok/1+=");
        assertThat(store.checkpoint("kept", "c")).isEqualTo(Checkpoint.none("c"));
        assertThat(store.get("kept").orElseThrow().definition().name()).isEqualTo("renamed");
        assertThat(registry.harvestRequests(registry.all().stream().filter(s -> s.id().equals("kept")).findFirst()
                .orElseThrow())).extracting(HarvestRequest::set).containsExactly("a", "b");
    }

    @Test
    void aPausedSourcesRunIsRefusedInTheClaimItselfAndAnAdHocHarvestIsNot() throws Exception {
        SourceStore store = instance("pauser", Duration.ofMinutes(1));
        SourceRegistry registry = new SourceRegistry(store);
        registry.importSeeds(List.of(Source.oai("resting", "x", "https://p.example/oai", "oai_dc", List.of(),
                "0 0 3 * * ?", "other")));
        assertThat(registry.pause("resting", true)).isTrue();

        assertThat(registry.claimRun(RunTrigger.now("resting"))).isNull();
        SourceStore.Claim claim = store.claim(RunTrigger.now("resting"), true);
        assertThat(claim.taken()).isFalse();
        assertThat(claim.reason()).isEqualTo("paused (sources resume resting lets it run again)");
        assertThat(store.get("resting").orElseThrow().lease()).as("nothing taken").isNull();

        assertThat(store.acquire("resting")).as("an ad-hoc harvest of it").isTrue();
        store.release("resting", null);
        assertThat(registry.pause("resting", false)).isTrue();
        assertThat(registry.claimRun(RunTrigger.now("resting"))).isEqualTo(registry.all().stream()
                .filter(s -> s.id().equals("resting")).findFirst().orElseThrow());
    }
}
