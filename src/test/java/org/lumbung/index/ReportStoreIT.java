package org.lumbung.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lumbung.harvest.HarvestReport;
import org.lumbung.pipeline.RecordFailure;
import org.lumbung.testing.Await;
import org.lumbung.testing.TestElasticsearch;

/** Harvest reports as Kibana reads them, and their pruning (no ILM and no delete-by-query on the embedded node). */
class ReportStoreIT {

    @Test
    @SuppressWarnings({"rawtypes", "unchecked"})
    void storesEachRunAndPrunesWhatOutlivedItsRetention() throws Exception {
        String prefix = TestElasticsearch.freshPrefix(ReportStoreIT.class);
        IndexLayout layout = new IndexLayout(prefix, 0);
        new IndexSetup(TestElasticsearch.client(), layout).ensure();
        ReportStore reports = new ReportStore(TestElasticsearch.client(), layout, "test-instance", id -> true);
        reports.save(new HarvestReport("repo", "", "2026-01-01 to now", Instant.now().toString(), 3, 7, 1,
                List.of(new RecordFailure("repo", "oai:repo:9", RecordFailure.Stage.CROSSWALK, "no title")), 12_345, 2, 5,
                0, 1.5, true, null, null, 6));
        DeadLetterStore letters = new DeadLetterStore(TestElasticsearch.client(), layout);
        letters.add("repo", "oai:repo:9", "http://r/oai", "unparseable", "<record/>");
        Instant written = Instant.now();

        Map<String, Map> stored = TestElasticsearch.documents(layout.harvestsIndex());
        assertThat(stored).hasSize(1);
        Map report = stored.values().iterator().next();
        assertThat(report).containsEntry("sourceId", "repo").containsEntry("indexed", 7).containsEntry("deleted", 1)
                .containsEntry("unchanged", 6)
                .containsEntry("failed", 1).containsEntry("retries", 2).containsEntry("repairs", 5)
                .containsEntry("outcome", "complete with records set aside").containsEntry("instance", "test-instance");

        assertThat(reports.prune(Duration.ofDays(1))).as("nothing is a day old yet").isZero();
        // Both were stamped before written; once the clock is a retention (and a millisecond, Elasticsearch's
        // precision) past it, both are older than the retention.
        Duration retention = Duration.ofMillis(10);
        Instant outlived = written.plus(retention).plusMillis(1);
        Await.until("the retention to pass", Duration.ofSeconds(5), () -> Instant.now().isAfter(outlived));
        assertThat(reports.prune(retention)).isEqualTo(2);
        assertThat(TestElasticsearch.documents(layout.harvestsIndex())).isEmpty();
        assertThat(TestElasticsearch.documents(layout.deadletterIndex())).isEmpty();
    }
}
