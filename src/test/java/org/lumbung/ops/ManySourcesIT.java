package org.lumbung.ops;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lumbung.index.IndexLayout;
import org.lumbung.index.IndexSetup;
import org.lumbung.source.Source;
import org.lumbung.source.SourceState;
import org.lumbung.source.SourceStore;
import org.lumbung.testing.TestElasticsearch;

/**
 * More sources than one Elasticsearch answer holds: a search stops at 10,000 hits and a terms aggregation at its size,
 * both silently, so a portal's 10,001st source would never be scheduled, listed or reported on.
 */
class ManySourcesIT {

    private static final int SOURCES = 10_050;
    /** Sources with harvest reports and audits: more than a terms aggregation's 10,000 buckets. */
    private static final int REPORTED = 10_020;
    private static IndexLayout layout;
    private static SourceStore store;

    @BeforeAll
    static void indices() throws Exception {
        layout = new IndexLayout(TestElasticsearch.freshPrefix(ManySourcesIT.class), 0);
        new IndexSetup(TestElasticsearch.client(), layout).ensure();
        store = new SourceStore(TestElasticsearch.client(), layout.sourcesIndex(), "test", Duration.ofMinutes(1));
        for (int from = 0; from < SOURCES; from += 2_000) {
            BulkRequest.Builder bulk = new BulkRequest.Builder();
            for (int i = from; i < Math.min(SOURCES, from + 2_000); i++) {
                String id = id(i);
                SourceState state = SourceState.fresh(id).withDefinition(Source.oai(id, "Source " + i,
                        "https://r" + i + ".example/oai", "oai_dc", List.of(), "0 0 3 * * ?", "other"), "seeds");
                bulk.operations(o -> o.index(x -> x.index(layout.sourcesIndex()).id(id).document(state)));
            }
            assertThat(TestElasticsearch.client().bulk(bulk.build()).errors()).isFalse();
        }
        for (int from = 0; from < REPORTED; from += 2_000) {
            BulkRequest.Builder reports = new BulkRequest.Builder();
            for (int i = from; i < Math.min(REPORTED, from + 2_000); i++) {
                // the first sources were audited twice: the later audit is the one reported
                for (String day : i < 50 ? List.of("2026-11-02", "2026-11-01") : List.of("2026-11-02")) {
                    Map<String, Object> audit = report(i, "audit", day);
                    audit.put("missing", day.endsWith("02") ? i % 7 : 99);
                    Map<String, Object> harvest = report(i, "harvest", day);
                    reports.operations(o -> o.index(x -> x.index(layout.harvestsIndex()).document(audit)));
                    reports.operations(o -> o.index(x -> x.index(layout.harvestsIndex()).document(harvest)));
                }
            }
            assertThat(TestElasticsearch.client().bulk(reports.refresh(Refresh.True).build()).errors()).isFalse();
        }
    }

    private static String id(int i) {
        return String.format("s%05d", i);
    }

    private static Map<String, Object> report(int i, String kind, String day) {
        Map<String, Object> doc = new HashMap<>();
        doc.put("sourceId", id(i));
        doc.put("kind", kind);
        doc.put("complete", true);
        doc.put("outcome", "complete");
        doc.put("startedAt", day + "T03:00:00Z");
        doc.put("finishedAt", day + "T03:10:00Z");
        return doc;
    }

    @Test
    void everySourceIsListedPastTenThousand() {
        List<SourceState> sources = store.sources();

        assertThat(sources).hasSize(SOURCES);
        assertThat(sources.get(0).id()).isEqualTo("s00000");
        assertThat(sources.get(SOURCES - 1).id()).isEqualTo(id(SOURCES - 1));
        assertThat(sources.stream().map(SourceState::id).distinct().count()).isEqualTo(SOURCES);
    }

    @Test
    void everyReportedSourceHasItsLatestAuditAndLastSuccess() throws Exception {
        SourceHealth health = new SourceHealth(TestElasticsearch.client(), layout, store);

        Map<String, SourceHealth.Audit> audits = health.lastAudits();
        assertThat(audits).hasSize(REPORTED);
        assertThat(audits.get(id(REPORTED - 1)).missing()).isEqualTo((REPORTED - 1) % 7);
        assertThat(audits.get(id(0)).finishedAt()).startsWith("2026-11-02");
        assertThat(audits.get(id(0)).missing()).isZero();

        List<SourceHealth.Entry> entries = health.entries();
        assertThat(entries).hasSize(SOURCES);
        assertThat(entries.stream().filter(e -> e.lastSuccess() != null).count()).isEqualTo(REPORTED);
        assertThat(entries.get(REPORTED - 1).lastSuccess()).hasToString("2026-11-02T03:10:00Z");
        assertThat(entries.get(REPORTED).lastSuccess()).isNull();
    }
}
