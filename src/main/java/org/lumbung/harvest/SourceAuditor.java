package org.lumbung.harvest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.lumbung.http.HttpFetcher;
import org.lumbung.pipeline.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Audits a source: lists the repository's identifiers ({@link IdentifierLister}, headers only, in windows) and
 * compares them with the source's live records in the index: records missing from the index, stale ones (the
 * repository's datestamp is newer), extra ones (listed nowhere), and ones the repository lists as deleted whose
 * tombstone is missing. With repair, it fetches what is missing or stale (GetRecord for a few, a harvest of the
 * windows that hold them for many) and tombstones what the repository says is deleted, and what it no longer lists
 * when the listing is proven complete and the repository keeps deletions or the source reconciles them.
 */
public final class SourceAuditor {

    private static final Logger LOG = LoggerFactory.getLogger("lumbung.audit");
    /** More records to fetch than this: the windows holding them are harvested again instead of GetRecord each. */
    static final int GET_RECORD_LIMIT = 50;
    private static final int BATCH = 100;

    private final HttpFetcher fetcher;
    private final RecordSink sink;
    private final Function<HarvestRequest, HarvestReport> harvester;
    private final CheckpointStore store;
    private final IndexedRecords indexed;
    private final HarvestTuning tuning;

    /** {@code harvester}: a harvest of an explicit window, as the harvest route runs it (its report stored). */
    public SourceAuditor(HttpFetcher fetcher, RecordSink sink, Function<HarvestRequest, HarvestReport> harvester,
                         CheckpointStore store, IndexedRecords indexed, HarvestTuning tuning) {
        this.fetcher = fetcher;
        this.sink = sink;
        this.harvester = harvester;
        this.store = store;
        this.indexed = indexed;
        this.tuning = tuning;
    }

    /** What one audit compared and found, kept whole for the repair. */
    private record Findings(List<String> missing, List<String> stale, List<String> extra, List<OaiHeader> deleted) {
    }

    public AuditReport audit(AuditRequest request) throws InterruptedException {
        long start = System.nanoTime();
        String began = Instant.now().toString();
        HarvestRequest whole = request.harvest(null, null, null);
        OaiClient client = new OaiClient(fetcher, whole, new HarvestCounters(), tuning.pageRetries(), true, store);
        Identify identify = identify(client, request);
        Listing listing = list(client, whole, identify, request);
        Map<String, String> inIndex = new HashMap<>();
        indexed.liveDatestamps(request.sourceId(), inIndex::put);
        Findings found = compare(listing, inIndex);
        int repaired = request.repair() ? repair(request, client, identify, listing, found) : 0;
        AuditReport report = new AuditReport(request.sourceId(), began, (System.nanoTime() - start) / 1e9,
                listing.advertised() < 0 ? null : listing.advertised(), listing.headers().size(), inIndex.size(),
                AuditReport.Finding.of(found.missing()), AuditReport.Finding.of(found.stale()),
                AuditReport.Finding.of(found.extra()),
                AuditReport.Finding.of(found.deleted().stream().map(OaiHeader::identifier).toList()), repaired,
                listing.complete(), listing.gap());
        LOG.info("{}", report.summary());
        return report;
    }

    /** Identify, for the windows; a broken Identify is tolerated as a harvest tolerates it (one unwindowed list). */
    private static Identify identify(OaiClient client, AuditRequest request) {
        try {
            return client.identify();
        } catch (HarvestException e) {
            LOG.warn("source {}: Identify failed ({}); listing without windows", request.sourceId(), e.reason());
            return null;
        }
    }

    private Listing list(OaiClient client, HarvestRequest whole, Identify identify, AuditRequest request)
            throws InterruptedException {
        boolean windows = request.options().windows()
                && !store.hasQuirk(request.sourceId(), OaiHarvester.IGNORES_FROM);
        IdentifierLister lister = new IdentifierLister(client, whole, tuning);
        Listing listing = Listing.EMPTY;
        List<String> sets = request.sets().isEmpty() ? Collections.singletonList(null) : request.sets();
        for (String set : sets) {
            listing = listing.plus(lister.list(set, identify, windows, request.options().initialWindow().getSeconds()));
        }
        return listing;
    }

    private static Findings compare(Listing listing, Map<String, String> inIndex) {
        Findings found = new Findings(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (Listing.Listed listed : listing.headers().values()) {
            OaiHeader header = listed.header();
            String at = inIndex.get(header.identifier());
            boolean there = inIndex.containsKey(header.identifier());
            if (header.deleted()) {
                if (there) {
                    found.deleted().add(header);
                }
            } else if (!there) {
                found.missing().add(header.identifier());
            } else if (newer(header.datestamp(), at)) {
                found.stale().add(header.identifier());
            }
        }
        // A record unlisted by a list cut short proves nothing: extra records are counted from a complete list only.
        if (listing.complete()) {
            inIndex.keySet().stream().filter(id -> !listing.headers().containsKey(id)).forEach(found.extra()::add);
        }
        return found;
    }

    private static boolean newer(String datestamp, String indexedAt) {
        Instant source = Datestamps.parse(datestamp);
        Instant index = Datestamps.parse(indexedAt);
        return source != null && index != null && source.isAfter(index);
    }

    private int repair(AuditRequest request, OaiClient client, Identify identify, Listing listing, Findings found)
            throws InterruptedException {
        List<String> fetch = new ArrayList<>(found.missing());
        fetch.addAll(found.stale());
        int repaired = fetch.size() <= GET_RECORD_LIMIT ? getRecords(request, client, fetch)
                : harvestWindows(request, identify, listing, fetch);
        List<OaiHeader> tombstones = new ArrayList<>(found.deleted());
        boolean keepsDeletions = identify != null
                && List.of("persistent", "transient").contains(identify.deletedRecord());
        if (!found.extra().isEmpty() && (keepsDeletions || request.options().reconcileDeletions())) {
            String now = Instant.now().toString();
            found.extra().forEach(id -> tombstones.add(new OaiHeader(id, now, List.of(), true)));
        } else if (!found.extra().isEmpty()) {
            LOG.warn("source {}: {} records no longer listed are left as they are: the repository does not keep"
                    + " deletions (deletedRecord {}); set reconcileDeletions on the source to tombstone them",
                    request.sourceId(), found.extra().size(), identify == null ? "unknown" : identify.deletedRecord());
        }
        if (!tombstones.isEmpty() && !store.holds(request.sourceId())) {
            LOG.warn("source {}: {} tombstones not written: another worker took over this source's lease during the"
                    + " audit", request.sourceId(), tombstones.size());
            return repaired;
        }
        List<RawRecord> records = new ArrayList<>();
        tombstones.forEach(h -> records.add(new RawRecord(h, null, request.metadataPrefix())));
        return repaired + deliver(request, records);
    }

    private int getRecords(AuditRequest request, OaiClient client, List<String> identifiers)
            throws InterruptedException {
        List<RawRecord> records = new ArrayList<>();
        for (String identifier : identifiers) {
            try {
                records.add(client.getRecord(identifier));
            } catch (HarvestException e) {
                LOG.warn("source {}: GetRecord {} failed: {}", request.sourceId(), identifier, e.reason());
            }
        }
        return deliver(request, records);
    }

    /** The windows (of each set) that hold the records, harvested again with an explicit from/until. */
    private int harvestWindows(AuditRequest request, Identify identify, Listing listing, List<String> identifiers) {
        Map<Listing.Listed, Integer> windows = new LinkedHashMap<>();
        for (String id : identifiers) {
            Listing.Listed listed = listing.headers().get(id);
            windows.merge(new Listing.Listed(null, listed.set(), listed.window()), 1, Integer::sum);
        }
        boolean seconds = identify != null && identify.secondsGranularity();
        int repaired = 0;
        for (Map.Entry<Listing.Listed, Integer> w : windows.entrySet()) {
            Window window = w.getKey().window();
            // Both bounds open would make an incremental harvest: an explicit until keeps it a window.
            String until = window.from() == null && window.until() == null
                    ? Datestamps.format(Instant.now(), seconds) : window.until();
            HarvestReport report = harvester.apply(request.harvest(w.getKey().set(), window.from(), until));
            LOG.info("source {}: window {} harvested again for {} records: {}", request.sourceId(), window,
                    w.getValue(), report.summary());
            repaired += report.complete() ? w.getValue() : 0;
        }
        return repaired;
    }

    private int deliver(AuditRequest request, List<RawRecord> records) throws InterruptedException {
        int done = 0;
        for (int i = 0; i < records.size(); i += BATCH) {
            Outcome outcome = sink.accept(new RecordBatch(request.sourceId(), request.baseUrl(),
                    records.subList(i, Math.min(records.size(), i + BATCH)))).await();
            done += outcome.indexed() + outcome.deleted();
        }
        return done;
    }
}
