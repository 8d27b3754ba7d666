package org.lumbung.index;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.lumbung.config.BuildInfo;
import org.lumbung.es.EmbeddedElasticsearch;
import org.lumbung.es.NodeOptions;
import org.lumbung.harvest.OaiRequest;
import org.lumbung.testing.Await;
import org.lumbung.testing.Cli;
import org.lumbung.testing.EsProxy;
import org.lumbung.testing.FakeRepository;
import org.lumbung.testing.Harvests;
import org.lumbung.testing.TestData;
import org.lumbung.testing.TestElasticsearch;

/**
 * Elasticsearch failing under a harvest, for real: its node stopped in the middle of a harvest and started again on
 * the same port and data, and a cluster pushing back with 429s (whole bulk requests and single documents). The
 * harvest waits and goes on; the index ends holding every record exactly once.
 */
class ElasticsearchFaultsIT {

    private static final int RECORDS = 30;
    private static final List<String> PATIENT = List.of("-Dlumbung.es.retry.initial-delay=100ms",
            "-Dlumbung.es.retry.max-delay=1s", "-Dlumbung.es.retry.timeout=5m");
    private static final Duration LEASE = Duration.ofSeconds(3);
    /** Gives up on Elasticsearch after three seconds; the lease of a harvest that could not release it ends soon. */
    private static final List<String> IMPATIENT = List.of("-Dlumbung.es.retry.initial-delay=100ms",
            "-Dlumbung.es.retry.max-delay=500ms", "-Dlumbung.es.retry.timeout=3s",
            "-Dlumbung.harvest.lease=" + LEASE.toSeconds() + "s");

    @Test
    void aHarvestWaitsForElasticsearchStoppedMidHarvestAndLosesNothing() throws Exception {
        String prefix = "t-es-stopped";
        Path data = TestData.newDataDir("es-stopped");
        EmbeddedElasticsearch node = EmbeddedElasticsearch.startOrAttach(node(data, 0));
        int port = node.url().getPort();
        CountDownLatch stopped = new CountDownLatch(1);
        // The node is stopped the moment it has written the bulk request carrying page five's first record, before
        // it could answer: the harvest sends that request again, and meets a stopped node for every request after.
        try (FakeRepository repo = new FakeRepository().records(RECORDS, "2026-01-01");
             EsProxy proxy = new EsProxy(node.url()).afterBulk(body -> body.contains("fake:oai:fake:13\""), () -> {
                 node.close();
                 stopped.countDown();
             })) {
            CompletableFuture<Cli.Result> harvest = CompletableFuture.supplyAsync(() -> harvest(repo, proxy.url(),
                    prefix));
            assertThat(stopped.await(2, TimeUnit.MINUTES)).as("the harvest reached page five").isTrue();
            // Evidence rather than time: the harvest meets the stopped node three times (its retries, 100 ms apart
            // and growing, leave a page it was reading time to arrive), then three times more, at most a second
            // apart, and meanwhile neither ends nor asks for a page.
            Await.until("the harvest to meet the stopped node", Duration.ofMinutes(1), () -> proxy.dropped() >= 3);
            int asked = repo.queries().size();
            int dropped = proxy.dropped();
            Await.until("the harvest to try the stopped node again", Duration.ofMinutes(1),
                    () -> harvest.isDone() || proxy.dropped() >= dropped + 3);
            assertThat(harvest).as("the harvest waits for Elasticsearch instead of failing").isNotDone();
            assertThat(repo.queries()).as("and asks for no further page meanwhile").hasSize(asked);
            try (EmbeddedElasticsearch again = EmbeddedElasticsearch.startOrAttach(node(data, port));
                 EsConnection es = EsConnection.open(again.url())) {
                Cli.Result result = harvest.get(5, TimeUnit.MINUTES);
                System.out.print(result.out());
                assertThat(result.status()).as(result.out()).isZero();
                assertThat(result.out()).contains(RECORDS + " records indexed, 0 deleted, 0 failed")
                        .containsPattern("waited for Elasticsearch [0-9.]+ s in all \\(longest [0-9.]+ s\\): "
                                + "[1-9][0-9]* requests");
                assertThat(proxy.dropped()).as("requests that met the stopped node").isGreaterThan(1);
                assertThat(proxy.conflicts()).as("the unanswered bulk, sent again, found its documents written")
                        .isPositive();
                assertExactlyTheRecords(es.client(), prefix);
            }
        } finally {
            node.close();
            TestData.delete(data);
        }
    }

    @Test
    void aHarvestRetriesBulkRequestsAndDocumentsElasticsearchRejectsWith429AndLosesNothing() throws Exception {
        String prefix = TestElasticsearch.freshPrefix(ElasticsearchFaultsIT.class);
        try (FakeRepository repo = new FakeRepository().records(RECORDS, "2026-01-01");
             EsProxy proxy = new EsProxy(TestElasticsearch.url()).pushBack()) {
            Cli.Result result = harvest(repo, proxy.url(), prefix);
            System.out.print(result.out());
            assertThat(result.status()).as(result.out()).isZero();
            assertThat(result.out()).contains(RECORDS + " records indexed, 0 deleted, 0 failed")
                    .containsPattern("waited for Elasticsearch .*: [1-9][0-9]* requests and [1-9][0-9]* documents"
                            + " sent again");
            assertThat(proxy.rejectedRequests()).as("whole bulk requests answered 429").isPositive();
            assertThat(proxy.rejectedItems()).as("documents rejected with 429 inside a bulk answer").isPositive();
            assertExactlyTheRecords(TestElasticsearch.client(), prefix);
        }
    }

    @Test
    @SuppressWarnings("rawtypes")
    void aHarvestThatWaitsLongerThanItsTimeoutStopsWithItsCheckpointBeforeEveryUnindexedRecord() throws Exception {
        String prefix = TestElasticsearch.freshPrefix(ElasticsearchFaultsIT.class);
        try (FakeRepository repo = new FakeRepository().records(RECORDS, "2026-01-01");
             EsProxy proxy = new EsProxy(TestElasticsearch.url())) {
            // Elasticsearch goes away with page five's bulk unanswered and stays away past the retry timeout.
            proxy.afterBulk(body -> body.contains("fake:oai:fake:13\""), () -> proxy.down(true));
            Cli.Result failed = harvest(repo, proxy.url(), prefix, IMPATIENT);
            assertThat(failed.status()).as(failed.out()).isOne();

            Map checkpoint = (Map) ((List<?>) Harvests.sources(prefix).get("fake").get("checkpoints")).get(0);
            String token = (String) checkpoint.get("resumptionToken");
            int before = token == null ? 0 : Integer.parseInt(token.replaceAll(".*\\+(\\d+)/.*", "$1"));
            assertThat(before).as("the checkpoint stands before page five's records").isLessThanOrEqualTo(12);
            assertThat(Harvests.records(prefix)).as("every record before the checkpoint is indexed")
                    .containsKeys(IntStream.rangeClosed(1, before).mapToObj(i -> "fake:oai:fake:" + i)
                            .toArray(String[]::new));

            proxy.down(false);
            repo.clearQueries();
            // Elasticsearch was away when the failed harvest ended, so its lease stands until it expires.
            Await.until("the failed harvest's lease to end", LEASE.multipliedBy(10), () -> leaseEnded(prefix, "fake"));
            Cli.Result again = harvest(repo, proxy.url(), prefix, IMPATIENT);
            System.out.print(again.out());
            assertThat(again.status()).as(again.out()).isZero();
            if (token != null) {
                assertThat(repo.queries().get(1)).as("the next harvest resumes from that checkpoint")
                        .isEqualTo("verb=ListRecords&resumptionToken=" + OaiRequest.encode(token));
            }
            assertExactlyTheRecords(TestElasticsearch.client(), prefix);
        }
    }

    private static Cli.Result harvest(FakeRepository repo, String es, String prefix) {
        return harvest(repo, es, prefix, PATIENT);
    }

    private static Cli.Result harvest(FakeRepository repo, String es, String prefix, List<String> retry) {
        List<String> target = new ArrayList<>(List.of("--es", es, "--index-prefix", prefix));
        target.addAll(retry);
        return Harvests.harvestInto(target, repo.baseUrl(), "fake");
    }

    /** Every record once, under its stable id, with its own title; nothing else. */
    @SuppressWarnings("rawtypes")
    private static void assertExactlyTheRecords(ElasticsearchClient client, String prefix) throws Exception {
        Map<String, Map> docs = TestElasticsearch.documents(client, prefix + "-records");
        assertThat(docs).containsOnlyKeys(IntStream.rangeClosed(1, RECORDS).mapToObj(i -> "fake:oai:fake:" + i)
                .toList());
        docs.forEach((id, doc) -> assertThat(((Map) doc.get("dc")).get("title"))
                .isEqualTo(List.of("Record number " + id.substring("fake:oai:fake:".length()))));
        assertThat(client.count(c -> c.index(prefix + "-records")).count()).isEqualTo(RECORDS);
    }

    /** Whether the source's lease is given back or past its end, so another harvest may take it. */
    @SuppressWarnings("rawtypes")
    private static boolean leaseEnded(String prefix, String source) throws Exception {
        Map lease = (Map) Harvests.sources(prefix).get(source).get("lease");
        return lease == null || Instant.parse((String) lease.get("expiresAt")).isBefore(Instant.now());
    }

    private static NodeOptions node(Path data, int port) {
        return new NodeOptions(data, "384m", port, null, Duration.ofMinutes(3), "nobody",
                BuildInfo.elasticsearchVersion());
    }
}
