package org.lumbung.source;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.lumbung.dc.DcBatch;
import org.lumbung.dc.DcRecord;
import org.lumbung.dc.DcSink;
import org.lumbung.dc.OaiInfo;
import org.lumbung.dc.Provenance;
import org.lumbung.index.IndexedSourceRecords;
import org.lumbung.pipeline.Delivery;
import org.lumbung.pipeline.Outcome;

/**
 * Removes a source: it leaves the live list (its schedule stops wherever Lumbung runs) and every record it gave
 * becomes a tombstone, so that downstream harvesters see them go. Used by {@code sources remove} and the admin API.
 */
public final class SourceRemoval {

    private static final int BATCH = 500;

    private final SourceStore store;
    private final IndexedSourceRecords records;
    private final DcSink index;

    public SourceRemoval(SourceStore store, IndexedSourceRecords records, DcSink index) {
        this.store = store;
        this.records = records;
        this.index = index;
    }

    /** Whether the source is in the live list now. */
    public boolean exists(String id) {
        return store.get(id).filter(s -> !s.removed()).isPresent();
    }

    /** Removes it and waits until its records are tombstones; throws when no such source is listed. */
    public Outcome remove(String id) throws InterruptedException {
        if (!exists(id)) {
            throw new IllegalArgumentException("no source '" + id + "'");
        }
        store.update(id, s -> s.withRemoved(true));
        String now = Instant.now().toString();
        List<DcRecord> batch = new ArrayList<>();
        List<Delivery> deliveries = new ArrayList<>();
        records.liveRecords(id, r -> {
            OaiInfo oai = r.oaiIdentifier() == null ? null : new OaiInfo(r.oaiIdentifier(), now, List.of(), r.metadataPrefix());
            batch.add(DcRecord.tombstone(r.id(), id, oai, new Provenance(id, r.oaiIdentifier(), r.url(), now, "removed")));
            if (batch.size() == BATCH) {
                deliveries.add(index.accept(new DcBatch(id, List.copyOf(batch), List.of())));
                batch.clear();
            }
        });
        deliveries.add(index.accept(new DcBatch(id, batch, List.of())));
        Outcome outcome = Outcome.NONE;
        for (Delivery d : deliveries) {
            outcome = outcome.plus(d.await());
        }
        return outcome;
    }
}
