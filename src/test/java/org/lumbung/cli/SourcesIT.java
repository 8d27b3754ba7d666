package org.lumbung.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lumbung.testing.Cli;
import org.lumbung.testing.FakeRepository;
import org.lumbung.testing.Harvests;
import org.lumbung.testing.TestElasticsearch;

/** inspect, and the live source list: add (finding the endpoint from a journal's homepage), list, remove. */
class SourcesIT {

    private static String prefix;

    @BeforeAll
    static void clean() {
        prefix = TestElasticsearch.freshPrefix(SourcesIT.class);
    }

    private static Cli.Result lumbung(String... args) {
        return Cli.onTestEs(prefix, args);
    }

    @Test
    void inspectPrintsIdentifyFormatsAndSets() {
        try (FakeRepository repo = new FakeRepository().records(2, "2026-01-01")) {
            Cli.Result result = Cli.run("inspect", repo.baseUrl());
            assertThat(result.status()).as(result.said()).isZero();
            assertThat(result.out()).contains("Repository        Fake Repository", "Granularity       YYYY-MM-DD",
                    "Deleted records   persistent", "Metadata formats  1", "  oai_dc  http://www.openarchives.org/OAI/2.0/oai_dc/",
                    "Sets              2", "  set0  Even", "  set1  Odd");
        }
    }

    @Test
    @SuppressWarnings("rawtypes")
    void addsAJournalFromItsHomepageListsItAndRemovesItLeavingTombstones() throws Exception {
        try (FakeRepository journal = new FakeRepository("/index.php/jhi/oai").records(4, "2026-01-01")) {
            Cli.Result added = lumbung("sources", "add", journal.root() + "/index.php/jhi", "--id", "jhi");
            assertThat(added.status()).as(added.said()).isZero();
            assertThat(added.out()).contains("added source jhi: " + journal.baseUrl());

            Harvests.harvest(journal.baseUrl(), "jhi", prefix).exits(0);
            Cli.Result listed = lumbung("sources", "list");
            assertThat(listed.out()).contains("jhi  oai ojs  " + journal.baseUrl() + "  '0 0 3 * * ?'",
                    "checkpoint: next from", "last run: complete at");

            Cli.Result paused = lumbung("sources", "pause", "jhi");
            assertThat(paused.status()).as(paused.out()).isZero();
            assertThat(paused.out()).contains("paused source jhi");
            assertThat(lumbung("sources", "list").out()).contains("paused: skipped by its schedule until `sources"
                    + " resume jhi`", "checkpoint: next from");
            assertThat(lumbung("sources", "resume", "jhi").out()).contains("resumed source jhi");
            assertThat(lumbung("sources", "list").out()).doesNotContain("paused:");
            Cli.Result unknown = lumbung("sources", "pause", "nope");
            assertThat(unknown.status()).isEqualTo(1);

            Cli.Result removed = lumbung("sources", "remove", "jhi");
            assertThat(removed.status()).as(removed.said()).isZero();
            assertThat(removed.out()).contains("removed source jhi: 4 records are now tombstones");
            Map<String, Map> docs = Harvests.records(prefix);
            assertThat(docs).hasSize(4).allSatisfy((id, doc) -> assertThat(doc.get("deleted")).isEqualTo(true));
            assertThat(((Map) docs.get("jhi:oai:fake:2").get("oai")).get("identifier")).isEqualTo("oai:fake:2");
            assertThat(lumbung("sources", "list").out()).doesNotContain("jhi  oai");
        }
    }

    @Test
    void addsARepositoryWhoseAddressMovedPermanentlyAtItsNewAddress() {
        try (FakeRepository repo = new FakeRepository().records(1, "2026-01-01")) {
            Cli.Result added = lumbung("sources", "add", repo.movedUrl(), "--id", "relocated");
            assertThat(added.status()).as(added.said()).isZero();
            assertThat(added.out()).contains("added source relocated: " + repo.baseUrl() + " (");
        }
    }

    @Test
    void saysWhereItLookedWhenNoEndpointAnswers() {
        try (FakeRepository nothing = new FakeRepository("/elsewhere")) {
            Cli.Result result = lumbung("sources", "add", nothing.root() + "/", "-Dlumbung.harvest.retry.attempts=1");
            assertThat(result.status()).isEqualTo(1);
        }
    }
}
