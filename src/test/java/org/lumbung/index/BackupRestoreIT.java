package org.lumbung.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.lumbung.config.BuildInfo;
import org.lumbung.es.EmbeddedElasticsearch;
import org.lumbung.es.NodeOptions;
import org.lumbung.harvest.OaiRequest;
import org.lumbung.testing.Cli;
import org.lumbung.testing.FakeRepository;
import org.lumbung.testing.FakeRepository.Fault;
import org.lumbung.testing.Harvests;
import org.lumbung.testing.TestData;
import org.lumbung.testing.TestElasticsearch;

/**
 * Backup and restore on real nodes: a source harvested part-way on one embedded node is backed up, the node is
 * stopped, and the snapshot is restored into a second, empty node of its own data folder; records, raw archive,
 * sources and checkpoints are back, and the harvest resumes there from the restored checkpoint.
 */
class BackupRestoreIT {

    private static final String PREFIX = "t-backup";

    @Test
    @SuppressWarnings("rawtypes")
    void restoresEverythingIntoAnEmptyNodeAndTheHarvestResumesFromTheRestoredCheckpoint() throws Exception {
        Path dataA = TestData.newDataDir("backup-a");
        Path dataB = TestData.newDataDir("backup-b");
        // Record 2 cannot be read, even alone: it goes to the dead letters, which the backup must keep too.
        try (FakeRepository repo = new FakeRepository().records(12, "2026-01-01").brokenRecord("oai:fake:2", true)) {
            Map<String, Map> records;
            Map<String, Map> sources;
            Map<String, Map> deadLetters;
            Map<String, Map> reports;
            Path snapshots;
            try (EmbeddedElasticsearch nodeA = EmbeddedElasticsearch.startOrAttach(node(dataA, null));
                 EsConnection a = EsConnection.open(nodeA.url())) {
                // Identify, page one twice (it does not parse), record 2 alone, page two; then the repository fails
                // until the harvest gives up.
                repo.fault(Fault.pass(), Fault.pass(), Fault.pass(), Fault.pass(), Fault.pass());
                IntStream.range(0, 10).forEach(i -> repo.fault(Fault.status(500)));
                Cli.Result first = harvest(repo, dataA);
                assertThat(first.status()).as(first.said()).isOne();
                records = TestElasticsearch.documents(a.client(), PREFIX + "-records");
                sources = TestElasticsearch.documents(a.client(), PREFIX + "-sources");
                deadLetters = TestElasticsearch.documents(a.client(), PREFIX + "-deadletter");
                reports = TestElasticsearch.documents(a.client(), PREFIX + "-harvests");
                assertThat(records).containsOnlyKeys(ids(1, 3, 4, 5, 6));
                assertThat(deadLetters).containsOnlyKeys("fake:oai:fake:2");
                assertThat(reports).hasSize(1);
                assertThat(token(sources)).contains("+6/");

                Cli.Result backup = Cli.run("backup", "--data", dataA.toString(), "--index-prefix", PREFIX);
                System.out.print(backup.out());
                assertThat(backup.status()).as(backup.said()).isZero();
                assertThat(backup.out()).startsWith("snapshot " + PREFIX + "-").contains(
                        "in repository lumbung-backups: 5 indices",
                        PREFIX + "-records-v" + IndexLayout.TEMPLATE_VERSION, PREFIX + "-sources",
                        PREFIX + "-harvests", PREFIX + "-deadletter", PREFIX + "-pages");
                String name = backup.out().split(" ")[1];
                Cli.Result list = Cli.run("backup", "--list", "--data", dataA.toString(), "--index-prefix", PREFIX);
                assertThat(list.out()).contains(name + "  ", "  SUCCESS  5 indices", "1 snapshots in repository");
                snapshots = TestData.nodeHome(dataA).resolve("snapshots");
            }

            try (EmbeddedElasticsearch nodeB = EmbeddedElasticsearch.startOrAttach(node(dataB, snapshots));
                 EsConnection b = EsConnection.open(nodeB.url())) {
                assertThat(b.client().indices().get(g -> g.index(PREFIX + "-*").allowNoIndices(true)).result())
                        .as("the second node starts empty").isEmpty();
                Cli.Result restore = Cli.run("restore", "--data", dataB.toString(), "--index-prefix", PREFIX);
                System.out.print(restore.out());
                assertThat(restore.status()).as(restore.said()).isZero();
                assertThat(restore.out()).contains("restored snapshot " + PREFIX + "-",
                        "alias " + PREFIX + "-records restored");
                assertThat(TestElasticsearch.documents(b.client(), PREFIX + "-records"))
                        .as("records, ids and raw archive exactly as backed up").isEqualTo(records);
                assertThat(records.get("fake:oai:fake:1").get("provenance").toString())
                        .contains("raw=<record", "<dc:title>Record number 1</dc:title>");
                assertThat(TestElasticsearch.documents(b.client(), PREFIX + "-sources"))
                        .as("sources and their checkpoints").isEqualTo(sources);
                assertThat(TestElasticsearch.documents(b.client(), PREFIX + "-deadletter")).as("dead letters")
                        .isEqualTo(deadLetters);
                assertThat(TestElasticsearch.documents(b.client(), PREFIX + "-harvests")).as("harvest reports")
                        .isEqualTo(reports);

                Cli.Result again = Cli.run("restore", "--data", dataB.toString(), "--index-prefix", PREFIX);
                assertThat(again.status()).as("refuses to overwrite without --replace").isOne();
                assertThat(Cli.run("restore", "--replace", "--data", dataB.toString(), "--index-prefix", PREFIX)
                        .status()).isZero();

                repo.clearFaults();
                repo.clearQueries();
                String token = token(sources);
                Cli.Result resumed = harvest(repo, dataB);
                assertThat(resumed.status()).as(resumed.said()).isZero();
                assertThat(repo.queries().get(1)).as("resumes from the restored checkpoint")
                        .isEqualTo("verb=ListRecords&resumptionToken=" + OaiRequest.encode(token));
                assertThat(repo.queries()).as("and reads no page before it again")
                        .noneMatch(q -> q.startsWith("verb=ListRecords&metadataPrefix="));
                Map<String, Map> after = TestElasticsearch.documents(b.client(), PREFIX + "-records");
                assertThat(after).containsOnlyKeys(ids(1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12));
                after.forEach((id, doc) -> assertThat(((Map) doc.get("dc")).get("title"))
                        .isEqualTo(List.of("Record number " + id.substring("fake:oai:fake:".length()))));
                assertThat(b.client().count(c -> c.index(PREFIX + "-records")).count()).isEqualTo(11);
                assertThat(TestElasticsearch.documents(b.client(), PREFIX + "-deadletter")).as("dead letters")
                        .containsOnlyKeys("fake:oai:fake:2");
            }
        } finally {
            TestData.delete(dataA);
            TestData.delete(dataB);
        }
    }

    private static List<String> ids(int... numbers) {
        return IntStream.of(numbers).mapToObj(i -> "fake:oai:fake:" + i).toList();
    }

    private static NodeOptions node(Path data, Path snapshots) {
        return new NodeOptions(data, "384m", 0, null, Duration.ofMinutes(3), "nobody",
                BuildInfo.elasticsearchVersion(), snapshots);
    }

    private static Cli.Result harvest(FakeRepository repo, Path data) {
        return Harvests.harvestInto(List.of("--data", data.toString(), "--index-prefix", PREFIX), repo.baseUrl(),
                "fake");
    }

    @SuppressWarnings("rawtypes")
    private static Map checkpoint(Map<String, Map> sources) {
        return (Map) ((List<?>) sources.get("fake").get("checkpoints")).get(0);
    }

    @SuppressWarnings("rawtypes")
    private static String token(Map<String, Map> sources) {
        return (String) checkpoint(sources).get("resumptionToken");
    }
}
