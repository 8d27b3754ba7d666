package org.lumbung.harvest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.lumbung.testing.Cli;
import org.lumbung.testing.FakeRepository;
import org.lumbung.testing.FakeRepository.Fault;
import org.lumbung.testing.FakeRepository.Item;
import org.lumbung.testing.Harvests;
import org.lumbung.testing.LumbungServer;
import org.lumbung.testing.TestElasticsearch;

/**
 * Audits against a real OAI-PMH server on 127.0.0.1 and a real Elasticsearch: records gone from the repository
 * without a tombstone, never indexed, changed since the harvest, or deleted at the source are each named, repaired
 * to the exact documents, and a second audit proves the source complete; a list cut short proves nothing and
 * tombstones nothing.
 */
class AuditIT {

    private static String classPrefix;
    private String prefix;

    @BeforeAll
    static void clean() {
        classPrefix = TestElasticsearch.freshPrefix(AuditIT.class);
    }

    @BeforeEach
    void prefix(TestInfo test) {
        prefix = TestElasticsearch.methodPrefix(classPrefix, test);
    }

    private static List<String> ids(int from, int to) {
        return FakeRepository.documentIds(from, to);
    }

    private Cli.Result audit(String... more) {
        List<String> args = new ArrayList<>(List.of("audit", "fake"));
        args.addAll(Harvests.FAST);
        args.addAll(List.of(more));
        return Cli.onTestEs(prefix, args.toArray(String[]::new));
    }

    @SuppressWarnings("rawtypes")
    private Map<String, Map> records() throws Exception {
        return Harvests.records(prefix);
    }

    /** The audit reports stored in the harvests index, oldest first. */
    @SuppressWarnings("rawtypes")
    private static List<Map> audits(String prefix) throws Exception {
        return TestElasticsearch.documents(prefix + "-harvests").values().stream()
                .filter(d -> "audit".equals(d.get("kind")))
                .sorted(java.util.Comparator.comparing(d -> d.get("finishedAt").toString())).toList();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Map<String, Object> typed(Map document) {
        return document;
    }

    /** The same record at a new datestamp (today), as a repository writes it after a change. */
    private static void change(FakeRepository repo, String identifier, boolean deleted, String title) {
        Item old = repo.items().stream().filter(i -> i.identifier().equals(identifier)).findFirst().orElseThrow();
        repo.remove(identifier);
        repo.add(new Item(identifier, Instant.now(), deleted, title, old.set()));
    }

    /** Documents deleted behind Lumbung's back, as if never indexed. */
    private void deleteFromIndex(List<String> ids) throws Exception {
        String index = TestElasticsearch.client().indices().getAlias(g -> g.name(prefix + "-records")).result()
                .keySet().iterator().next();
        TestElasticsearch.client().bulk(b -> {
            ids.forEach(id -> b.operations(op -> op.delete(d -> d.index(index).id(id))));
            return b.refresh(co.elastic.clients.elasticsearch._types.Refresh.True);
        });
    }

    @Test
    @SuppressWarnings("rawtypes")
    void namesMissingStaleExtraAndDeletedRecordsAndRepairsTheIndexToMatch() throws Exception {
        try (FakeRepository repo = new FakeRepository().records(9, "2026-01-01")) {
            // a source of the list (an ad-hoc harvest's state is no source, and sources list leaves it out)
            Cli.Result added = Cli.onTestEs(prefix, "sources", "add", repo.baseUrl(), "--id", "fake");
            assertThat(added.status()).as(added.out()).isZero();
            Harvests.harvest(repo.baseUrl(), "fake", prefix).exits(0);
            repo.remove("oai:fake:3");
            deleteFromIndex(List.of("fake:oai:fake:4"));
            change(repo, "oai:fake:5", true, null);
            change(repo, "oai:fake:7", false, "Record number 7, revised");

            Cli.Result found = audit();
            assertThat(found.status()).as(found.out()).isEqualTo(1);
            assertThat(found.out()).contains("audit fake differs: 8 listed (8 advertised), 8 indexed;"
                            + " 1 missing, 1 stale, 1 extra, 1 deleted at the source; 0 repaired",
                    "\n  missing 1: oai:fake:4\n", "\n  stale 1: oai:fake:7\n", "\n  extra 1: oai:fake:3\n",
                    "\n  deleted at the source 1: oai:fake:5");
            Map<String, Object> report = typed(audits(prefix).get(0));
            assertThat(report).containsEntry("sourceId", "fake").containsEntry("outcome", "differs")
                    .containsEntry("complete", true).containsEntry("advertised", 8).containsEntry("listed", 8)
                    .containsEntry("indexed", 8).containsEntry("missing", 1).containsEntry("stale", 1)
                    .containsEntry("extra", 1).containsEntry("deletedAtSource", 1).containsEntry("repaired", 0)
                    .containsEntry("missingIds", List.of("oai:fake:4")).containsEntry("staleIds", List.of("oai:fake:7"))
                    .containsEntry("extraIds", List.of("oai:fake:3"))
                    .containsEntry("deletedAtSourceIds", List.of("oai:fake:5"));
            assertThat(Cli.onTestEs(prefix, "sources", "list").out())
                    .contains("last audit: differs at ", ", 1 missing, 1 stale, 1 extra");

            Cli.Result repaired = audit("--repair");
            assertThat(repaired.status()).as(repaired.out()).isZero();
            assertThat(repaired.out()).contains("1 missing, 1 stale, 1 extra, 1 deleted at the source; 4 repaired",
                    "audit fake proven complete: 8 listed (8 advertised), 7 indexed; 0 missing, 0 stale, 0 extra");
            Map<String, Map> docs = records();
            assertThat(docs).containsOnlyKeys(ids(1, 9));
            for (String id : ids(1, 9)) {
                boolean gone = id.endsWith(":3") || id.endsWith(":5");
                assertThat(docs.get(id).get("deleted")).as(id).isEqualTo(gone);
            }
            assertThat(docs.get("fake:oai:fake:7").get("dc").toString()).contains("Record number 7, revised");
            assertThat(docs.get("fake:oai:fake:4").get("dc").toString()).contains("Record number 4");
            assertThat(repo.queries()).anyMatch(q -> q.startsWith("verb=GetRecord") && q.contains("oai%3Afake%3A4"));

            Cli.Result again = audit();
            assertThat(again.status()).as(again.out()).isZero();
            assertThat(again.out()).contains("audit fake proven complete").doesNotContain("\n  ");
        }
    }

    @Test
    void repairsManyRecordsByHarvestingTheWindowsThatHoldThemAgain() throws Exception {
        try (FakeRepository repo = new FakeRepository().records(60, "2026-01-01").pageSize(20)) {
            Harvests.harvest(repo.baseUrl(), "fake", prefix).exits(0);
            deleteFromIndex(ids(1, 55));
            repo.clearQueries();
            Cli.Result repaired = audit("--repair");
            assertThat(repaired.status()).as(repaired.out()).isZero();
            assertThat(repaired.out()).contains("55 missing", "55 repaired", "audit fake proven complete: 60 listed");
            assertThat(repo.queries()).noneMatch(q -> q.startsWith("verb=GetRecord"))
                    .anyMatch(q -> q.startsWith("verb=ListRecords&metadataPrefix=oai_dc&until="));
            assertThat(records()).containsOnlyKeys(ids(1, 60));
        }
    }

    /** A second ListIdentifiers page that says noRecordsMatch: the list ends, short of its completeListSize. */
    private static Fault cut(FakeRepository repo) {
        return Fault.body("<?xml version=\"1.0\" encoding=\"UTF-8\"?><OAI-PMH xmlns=\"http://www.openarchives.org/OAI"
                + "/2.0/\"><responseDate>2026-01-01T00:00:00Z</responseDate><request verb=\"ListIdentifiers\">"
                + repo.baseUrl() + "</request><error code=\"noRecordsMatch\">No records match</error></OAI-PMH>");
    }

    @Test
    @SuppressWarnings("rawtypes")
    void aListCutShortTombstonesNothingInReconciliationOrRepair() throws Exception {
        try (FakeRepository repo = new FakeRepository().records(9, "2026-01-01").deletedRecord("no")) {
            Harvests.harvest(repo.baseUrl(), "fake", prefix).exits(0);
            repo.remove("oai:fake:9");
            // Identify and the (empty) incremental ListRecords pass; each read of the identifiers is cut after page 1.
            repo.fault(Fault.pass(), Fault.pass(), Fault.pass(), cut(repo), Fault.pass(), cut(repo));
            Cli.Result reconciled = Harvests.harvest(repo.baseUrl(), "fake", prefix, "--reconcile-deletions");
            assertThat(reconciled.status()).isEqualTo(1);
            assertThat(reconciled.out()).contains("0 deleted", "deletions not reconciled, nothing tombstoned",
                    "the list held 3 records of the 8 its completeListSize announced");
            assertThat(records().values()).allSatisfy(d -> assertThat(d.get("deleted")).isEqualTo(false));

            repo.fault(Fault.pass(), Fault.pass(), cut(repo), Fault.pass(), cut(repo));
            Cli.Result audited = audit("--repair");
            assertThat(audited.status()).isEqualTo(1);
            assertThat(audited.out()).contains("audit fake incomplete: 3 listed", "0 extra", "0 repaired",
                    "3 records of the 8 its completeListSize announced");
            Map<String, Map> docs = records();
            assertThat(docs).containsOnlyKeys(ids(1, 9));
            assertThat(docs.values()).allSatisfy(d -> assertThat(d.get("deleted")).isEqualTo(false));

            Cli.Result whole = Harvests.harvest(repo.baseUrl(), "fake", prefix, "--reconcile-deletions");
            assertThat(whole.status()).as(whole.out()).isZero();
            assertThat(whole.out()).contains("1 deleted");
            assertThat(records().get("fake:oai:fake:9").get("deleted")).isEqualTo(true);
        }
    }

    private static HttpResponse<String> admin(LumbungServer server, String path, String body) throws Exception {
        return server.send(HttpRequest.newBuilder(URI.create(server.base() + path))
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + TOKEN));
    }

    private static final String TOKEN = "audit-admin-token";

    /** Polls until the source's harvest or audit has left its report in the harvests index. */
    @SuppressWarnings("rawtypes")
    private static List<Map> await(String prefix, String kind) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            List<Map> found = TestElasticsearch.documents(prefix + "-harvests").values().stream()
                    .filter(d -> kind.equals(d.get("kind"))).toList();
            if (!found.isEmpty()) {
                return found;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no " + kind + " report in " + prefix + "-harvests");
    }

    /** Polls until the source's run has ended and its lease is given back (its last run recorded). */
    @SuppressWarnings("rawtypes")
    private void awaitRelease(String source) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            Map state = Harvests.sources(prefix).get(source);
            if (state != null && state.get("lastRun") != null && state.get("lease") == null) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("source " + source + " still runs");
    }

    @Test
    @SuppressWarnings("rawtypes")
    void auditsThroughTheAdminEndpointAndPublishesTheCountsAsMetrics() throws Exception {
        try (FakeRepository repo = new FakeRepository().records(5, "2026-01-01");
             LumbungServer server = LumbungServer.start(prefix, Map.of("LUMBUNG_ADMIN_TOKEN", TOKEN), Map.of(
                     "lumbung.http-client.allowed-hosts", URI.create(repo.baseUrl()).getAuthority()))) {
            assertThat(admin(server, "/admin/sources", "{\"url\":\"" + repo.baseUrl() + "\",\"id\":\"fake\"}")
                    .statusCode()).isEqualTo(201);
            assertThat(admin(server, "/admin/sources/fake/harvest", null).statusCode()).isEqualTo(202);
            awaitRelease("fake");
            deleteFromIndex(List.of("fake:oai:fake:2"));
            assertThat(admin(server, "/admin/sources/unknown/audit", null).statusCode()).isEqualTo(404);

            HttpResponse<String> queued = admin(server, "/admin/sources/fake/audit", null);
            assertThat(queued.statusCode()).isEqualTo(202);
            assertThat(queued.body()).isEqualTo("{\"queued\":\"fake\"}");
            Map<String, Object> report = typed(await(prefix, "audit").get(0));
            assertThat(report).containsEntry("outcome", "differs").containsEntry("listed", 5)
                    .containsEntry("indexed", 4).containsEntry("missing", 1)
                    .containsEntry("missingIds", List.of("oai:fake:2"));
            assertThat(server.get("/metrics").body()).contains("# TYPE lumbung_source_records_missing gauge",
                    "lumbung_source_records_missing{source=\"fake\"} 1",
                    "lumbung_source_records_listed{source=\"fake\"} 5",
                    "lumbung_source_records_stale{source=\"fake\"} 0",
                    "lumbung_source_records_extra{source=\"fake\"} 0");
        }
    }
}
