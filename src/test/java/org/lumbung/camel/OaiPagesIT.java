package org.lumbung.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumbung.harvest.HarvestReport;
import org.lumbung.harvest.RecordBatch;
import org.lumbung.pipeline.RecordFailure;
import org.lumbung.source.FileCheckpointStore;
import org.lumbung.testing.FakeRepository;
import org.lumbung.testing.FakeRepository.Fault;

/**
 * The {@code oai-pmh-source} Kamelet reads with Lumbung's own harvester: a spending server's cut page is read again
 * from its window, a list whose tokens cycle ends and is reported incomplete, a bad record is salvaged while the rest
 * of its page arrives, and checkpoints make the next firing incremental.
 */
class OaiPagesIT {

    /** The second page's token leads back to the second page: the list would run forever. */
    private static FakeRepository cycling() {
        return new FakeRepository().records(9, "2026-01-01")
                .pageFilter(xml -> xml.replaceAll("<resumptionToken([^>]*)>fake/\\+6///<", "<resumptionToken$1>fake/+3///<"));
    }

    /** Each test's own state folder: none of them goes on from another's checkpoints. */
    @TempDir
    Path state;

    private OaiPages source(FakeRepository repo) {
        OaiPages source = new OaiPages();
        source.setBaseUrl(repo.baseUrl());
        source.setSourceId("fake");
        source.setAllowPrivateAddresses("true");
        source.setStateDir(state.toString());
        return source;
    }

    /**
     * Reads as the Kamelet's route does: a Camel split asks whether there is a next page before the sink has the one
     * it holds; each page goes back to the source once through the sink.
     */
    private static List<String> read(OaiPages source) {
        List<String> ids = new ArrayList<>();
        Iterator<RecordBatch> pages = source.pages();
        while (pages.hasNext()) {
            RecordBatch page = pages.next();
            pages.hasNext();
            page.records().forEach(r -> ids.add(r.header().identifier()));
            source.indexed(null);
        }
        return ids;
    }

    @Test
    void readsAWholeListOfASpendingServer() {
        try (FakeRepository repo = new FakeRepository().records(50, "2026-01-01").pageSize(20).consumingTokens()) {
            OaiPages source = source(repo);
            assertThat(read(source)).containsExactlyElementsOf(FakeRepository.documentIds(1, 50).stream()
                    .map(id -> id.substring(id.indexOf(':') + 1)).toList());
            assertThat(source.finished().pages()).isEqualTo(3);
        }
    }

    @Test
    void aPageCutMidBodyOfASpendingServerIsReadAgainFromItsWindowNeverByItsToken() {
        try (FakeRepository repo = new FakeRepository().records(50, "2026-01-01").pageSize(20).consumingTokens()
                .fault(Fault.pass(), Fault.pass(), Fault.dropMidBody())) {
            OaiPages source = source(repo);
            assertThat(read(source)).hasSize(50).doesNotHaveDuplicates();
            assertThat(source.finished().complete()).isTrue();
            List<String> tokens = repo.queries().stream().filter(q -> q.contains("resumptionToken")).toList();
            assertThat(tokens).doesNotHaveDuplicates();
        }
    }

    @Test
    void aListWhoseTokensCycleEndsAndIsReportedIncomplete() {
        try (FakeRepository repo = cycling()) {
            OaiPages source = source(repo);
            assertThat(read(source)).containsExactly("oai:fake:1", "oai:fake:2", "oai:fake:3", "oai:fake:4",
                    "oai:fake:5", "oai:fake:6");
            assertThatThrownBy(source::finished).isInstanceOf(HarvestIncompleteException.class)
                    .hasMessageContaining("harvest fake incomplete").hasMessageContaining("the list runs in a loop");
            assertThat(repo.queries().stream().filter(q -> q.contains("resumptionToken")))
                    .as("the looping token is not sent a second time").hasSize(1);
        }
    }

    @Test
    void aRecordThatCannotBeReadIsSetAsideAndTheRestOfItsPageArrives() {
        try (FakeRepository repo = new FakeRepository().records(9, "2026-01-01").brokenRecord("oai:fake:5", true)) {
            OaiPages source = source(repo);
            assertThat(read(source)).containsExactlyInAnyOrder("oai:fake:1", "oai:fake:2", "oai:fake:3", "oai:fake:4",
                    "oai:fake:6", "oai:fake:7", "oai:fake:8", "oai:fake:9");
            HarvestReport report = source.finished();
            assertThat(report.complete()).isTrue();
            assertThat(report.failures()).extracting(RecordFailure::recordId).containsExactly("oai:fake:5");
        }
    }

    /**
     * A page that stays cut short: its window is fetched record by record, in pages of at most a hundred GetRecords
     * given as the route asks, not gathered whole first.
     */
    @Test
    void aWindowThatCannotBeListedArrivesRecordByRecordInPagesAsAsked() {
        try (FakeRepository repo = new FakeRepository().records(300, "2026-01-01").pageSize(100)
                .pageFilter(xml -> xml.contains("oai:fake:150<") ? xml.substring(0, xml.length() / 2) : xml)) {
            OaiPages source = source(repo);
            List<String> ids = new ArrayList<>();
            List<Integer> salvaged = new ArrayList<>();
            Iterator<RecordBatch> pages = source.pages();
            while (pages.hasNext()) {
                RecordBatch page = pages.next();
                if (page.origin().equals(repo.baseUrl())) {
                    salvaged.add(page.records().size());
                    assertThat(repo.queries().stream().filter(q -> q.startsWith("verb=GetRecord")))
                            .as("only the records of the pages given so far are fetched")
                            .hasSize(salvaged.stream().mapToInt(Integer::intValue).sum());
                }
                page.records().forEach(r -> ids.add(r.header().identifier()));
                source.indexed(null);
            }
            assertThat(ids).hasSize(300).doesNotHaveDuplicates();
            assertThat(salvaged).containsExactly(100, 100);
            assertThat(source.finished().complete()).isTrue();
        }
    }

    @Test
    void aSecondFiringReadsOnlyWhatChangedSinceTheFirst() {
        try (FakeRepository repo = new FakeRepository().records(9, "2026-01-01")) {
            OaiPages source = source(repo);
            assertThat(read(source)).hasSize(9);
            source.finished();
            repo.clearQueries();
            assertThat(read(source)).isEmpty();
            assertThat(repo.queries()).anyMatch(q -> q.startsWith("verb=ListRecords") && q.contains("from="));
        }
    }

    /** The Kamelet itself, in a bare Camel Main: a cycling list ends, its pages delivered, the exchange failed. */
    @Test
    void theKameletEndsACyclingListAndFailsItsExchange() throws Exception {
        try (FakeRepository repo = cycling()) {
            List<RecordBatch> pages = new CopyOnWriteArrayList<>();
            List<Throwable> failures = new CopyOnWriteArrayList<>();
            Main app = new Main();
            // Set once for every route of the application, as Camel sets any Kamelet property.
            app.addInitialProperty("camel.kamelet.oai-pmh-source.stateDir", state.toString());
            app.bind("failures", new EventNotifierSupport() {
                @Override
                public void notify(CamelEvent event) {
                    if (event instanceof CamelEvent.ExchangeFailedEvent failed) {
                        failures.add(failed.getExchange().getException());
                    }
                }
            });
            app.configure().addRoutesBuilder(new RouteBuilder() {
                @Override
                public void configure() {
                    from("kamelet:oai-pmh-source?sourceId=fake&repeatCount=1&baseUrl=" + repo.baseUrl())
                            .process(e -> pages.add(e.getMessage().getBody(RecordBatch.class)));
                }
            });
            app.start();
            try {
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (failures.isEmpty() && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
            } finally {
                app.stop();
            }
            assertThat(pages).flatExtracting(RecordBatch::records).hasSize(6);
            assertThat(failures).singleElement().isInstanceOf(HarvestIncompleteException.class);
            assertThat(new FileCheckpointStore(state).checkpoint("fake", "").inProgress())
                    .as("the pages read are checkpointed in the folder the property names").isTrue();
        }
    }
}
