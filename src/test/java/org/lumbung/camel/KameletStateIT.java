package org.lumbung.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumbung.harvest.Checkpoint;
import org.lumbung.harvest.HarvestReport;
import org.lumbung.harvest.RecordBatch;
import org.lumbung.index.DeadLetterStore.DeadLetter;
import org.lumbung.source.FileCheckpointStore;
import org.lumbung.testing.FakeRepository;

/**
 * The {@code oai-pmh-source} Kamelet keeps its checkpoints and dead letters in its state folder: an application
 * stopped and started again (a new Camel context on the same folder) asks the repository only for what changed since
 * its checkpoint, goes on after the last page its sink acknowledged when it was stopped mid-list, and finds the
 * records it set aside in dead-letters.jsonl.
 */
class KameletStateIT {

    @TempDir
    Path state;

    private String kamelet(FakeRepository repo) {
        return "kamelet:oai-pmh-source?sourceId=fake&repeatCount=1&baseUrl=" + repo.baseUrl() + "&stateDir=" + state;
    }

    private static List<String> ids(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(i -> "oai:fake:" + i).toList();
    }

    private static List<String> listRequests(FakeRepository repo) {
        return repo.queries().stream().filter(q -> q.startsWith("verb=ListRecords")).toList();
    }

    @Test
    void aRestartedApplicationAsksOnlyFromItsCheckpointAndKeepsTheRecordsSetAside() throws Exception {
        try (FakeRepository repo = new FakeRepository().records(9, "2026-01-01")) {
            Application first = Application.harvest(kamelet(repo));
            assertThat(first.ids()).containsExactlyElementsOf(ids(1, 9));
            String nextFrom = new FileCheckpointStore(state).checkpoint("fake", "").nextFrom();
            assertThat(nextFrom).as("the complete harvest's checkpoint, on disk").isNotNull();

            Instant now = Instant.now();
            for (int i = 10; i <= 12; i++) {
                repo.add(new FakeRepository.Item("oai:fake:" + i, now, false, "Record number " + i, "set0"));
            }
            repo.brokenRecord("oai:fake:11", true);
            repo.clearQueries();
            Application second = Application.harvest(kamelet(repo));

            assertThat(listRequests(repo)).as("the broken page is asked again before it is salvaged, always from there")
                    .isNotEmpty().containsOnly("verb=ListRecords&metadataPrefix=oai_dc&from=" + nextFrom);
            assertThat(second.ids()).containsExactlyInAnyOrder("oai:fake:10", "oai:fake:12");
            assertThat(second.report().complete()).isTrue();
            ObjectMapper json = new ObjectMapper();
            List<DeadLetter> letters = new ArrayList<>();
            for (String line : Files.readAllLines(state.resolve("dead-letters.jsonl"))) {
                letters.add(json.readValue(line, DeadLetter.class));
            }
            assertThat(letters).singleElement().satisfies(letter -> {
                assertThat(letter.sourceId()).isEqualTo("fake");
                assertThat(letter.recordId()).isEqualTo("oai:fake:11");
                assertThat(letter.stage()).isEqualTo("harvest");
                assertThat(letter.reason()).startsWith("unparseable record: ");
                assertThat(letter.raw()).contains("<identifier>oai:fake:11</identifier>", "Broken < title");
            });
        }
    }

    /** Four pages of three; the application stops with the third in its sink, before the sink gives it back. */
    @Test
    void aHarvestStoppedMidListResumesAfterTheLastPageItsSinkAcknowledged() throws Exception {
        try (FakeRepository repo = new FakeRepository().records(12, "2026-01-01")) {
            Application stopped = new Application(kamelet(repo), 3);
            stopped.main.start();
            try {
                assertThat(stopped.atStopPage.await(30, TimeUnit.SECONDS)).as("the third page reached the sink").isTrue();
            } finally {
                stopped.main.stop();
            }
            assertThat(stopped.ids()).containsExactlyElementsOf(ids(1, 9));
            Checkpoint at = new FileCheckpointStore(state).checkpoint("fake", "");
            assertThat(at.inProgress()).isTrue();

            repo.clearQueries();
            Application resumed = Application.harvest(kamelet(repo));

            assertThat(listRequests(repo)).first().as("the token of the page the sink never gave back")
                    .isEqualTo("verb=ListRecords&resumptionToken="
                            + URLEncoder.encode(at.resumptionToken(), StandardCharsets.UTF_8));
            assertThat(resumed.ids()).containsExactlyElementsOf(ids(7, 12));
            assertThat(resumed.report().complete()).isTrue();
            List<String> delivered = new ArrayList<>(stopped.ids());
            delivered.addAll(resumed.ids());
            assertThat(delivered).as("every record at least once").containsAll(ids(1, 12)).allMatch(ids(1, 12)::contains);
        }
    }

    @Test
    void aStateFileThatCannotBeReadFailsTheFiringBeforeTheRepositoryIsAsked() throws IOException {
        try (FakeRepository repo = new FakeRepository().records(3, "2026-01-01")) {
            Path file = state.resolve("fake.json");
            Files.writeString(file, "{\"id\": \"fake\", \"checkpoints\": [");
            OaiPages source = new OaiPages();
            source.setBaseUrl(repo.baseUrl());
            source.setSourceId("fake");
            source.setStateDir(state.toString());
            assertThatThrownBy(source::pages).isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("cannot read the checkpoints of source fake in " + file);
            assertThat(repo.queries()).isEmpty();
        }
    }

    /**
     * One life of an application with the Kamelet in its route, a bare Camel Main whose sink collects the pages; it
     * may be stopped with a given page in the sink, which then fails as the page of a killed process never comes back.
     */
    private static final class Application {

        final Main main = new Main();
        final List<RecordBatch> pages = new CopyOnWriteArrayList<>();
        final BlockingQueue<Object> ends = new LinkedBlockingQueue<>();
        final CountDownLatch atStopPage = new CountDownLatch(1);
        private final int stopPage;
        private Object end;

        Application(String uri, int stopPage) {
            this.stopPage = stopPage;
            main.bind("ends", new EventNotifierSupport() {
                @Override
                public void notify(CamelEvent event) {
                    if (event instanceof CamelEvent.ExchangeFailedEvent failed) {
                        ends.add(failed.getExchange().getException());
                    } else if (event instanceof CamelEvent.ExchangeCompletedEvent done
                            && done.getExchange().getMessage().getBody() instanceof HarvestReport report) {
                        ends.add(report);
                    }
                }
            });
            main.configure().addRoutesBuilder(new RouteBuilder() {
                @Override
                public void configure() {
                    from(uri).process(Application.this::sink);
                }
            });
        }

        /** Started, run until its harvest has ended, stopped. */
        static Application harvest(String uri) throws Exception {
            Application app = new Application(uri, 0);
            app.main.start();
            try {
                app.end = app.ends.poll(30, TimeUnit.SECONDS);
                assertThat(app.end).as("the harvest ended").isNotNull();
            } finally {
                app.main.stop();
            }
            return app;
        }

        private void sink(Exchange exchange) throws InterruptedException {
            pages.add(exchange.getMessage().getBody(RecordBatch.class));
            if (pages.size() == stopPage) {
                atStopPage.countDown();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (!exchange.getContext().isStopping() && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                throw new IllegalStateException("stopped with this page in the sink");
            }
        }

        List<String> ids() {
            return pages.stream().flatMap(p -> p.records().stream()).map(r -> r.header().identifier()).toList();
        }

        HarvestReport report() {
            if (end instanceof HarvestReport report) {
                return report;
            }
            throw new AssertionError("the harvest failed", (Throwable) end);
        }
    }
}
