package org.lumbung.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.FieldAndFormat;
import co.elastic.clients.elasticsearch.core.MgetResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.get.GetResult;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.lumbung.dc.DcRecord;
import org.lumbung.dc.Provenance;
import org.lumbung.dc.RecordMerger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the document each incoming contribution belongs to and what that document becomes. First by the
 * contribution's natural id (a real-time get: a record harvested twice finds itself at once), then by its provenance
 * key (a contribution that joined another document), then by DOI, then by landing address ({@link Identity}). The
 * document's other contributions are read again from the raw archive and merged with the new one; several
 * contributions to one document in one batch make one write. Each document's work ({@link Works}) is looked up last,
 * by {@link WorkResolver}.
 */
final class RecordResolver {

    private static final Logger LOG = LoggerFactory.getLogger("lumbung.index");
    private static final List<String> SOURCE_FIELDS = List.of("provenance", "keys", "work.key", "derived.doi");
    /**
     * The raw archive is most of a document and a look-up needs none of it where the document holds only the
     * incoming contribution (a record harvested again): it is read, in one request a batch, only for the documents
     * whose other contributions are merged again ({@link #withRaws}).
     */
    private static final List<String> NOT_LOOKED_AT = List.of("provenance.raw");
    /** What a look-up by id reads from doc values: the keys of {@link Stored}. */
    private static final List<String> DOC_VALUE_FIELDS = List.of("provenance.key", "keys.doi", "keys.url", "work.key",
            "derived.doi", JsonBytes.FINGERPRINT);
    /** The most hits one search returns (Elasticsearch's default {@code index.max_result_window}). */
    private static final int MAX_HITS = 10_000;
    private static final Identity.Keys NO_KEYS = new Identity.Keys(Set.of(), Set.of());
    /**
     * Keys of recent writes remembered, about 16,000 documents' worth: what the bulk ingester holds unacknowledged at
     * the defaults and several seconds of writes at full speed beyond, until a refresh shows them to search. Bounded
     * so that a harvest's memory does not grow with its size.
     */
    static final int RECENT_KEYS = 50_000;
    /** Documents of recent writes whose repository items are remembered: about as many as {@link #RECENT_KEYS}. */
    static final int RECENT_DOCUMENTS = 16_000;
    /** The look-up's boost of holding a contribution: above any number of the other keys (DOI, address) shared. */
    private static final float HOLDS_CONTRIBUTION = 10f;

    /**
     * What to write: the merged record, the version it replaces (null seqNo: a new document), its causes, the work
     * it is a version of (null for a tombstone), its merge keys where they were read already (null: not read), and
     * the fingerprint of the version it replaces where the look-up read one ({@link JsonBytes#FINGERPRINT}): a
     * document rendered with the same one is that version again, and need not be written.
     */
    record Write(String id, DcRecord merged, Long seqNo, Long primaryTerm, List<DcRecord> incoming,
                 IndexDocument.Work work, Identity.Keys keys, String unchangedIf) {
    }

    /**
     * A document as stored: its version, the keys of its contributions, the contributions as read (none where the
     * look-up read only the keys; their raw records only where {@link #withRaws} read them), merge keys, work key,
     * DOI and fingerprint (only where read from doc values, at the version the real-time get found, and none once
     * stale); stale when it was found changed after the look-up read it.
     */
    record Stored(String id, long seqNo, long primaryTerm, List<String> contributions, List<Provenance> provenance,
                  List<String> keys, String workKey, String doi, String fingerprint, boolean stale) {

        Stored(String id, long seqNo, long primaryTerm, List<Provenance> provenance, List<String> keys, String workKey,
               String doi) {
            this(id, seqNo, primaryTerm, provenance.stream().map(Provenance::key).toList(), provenance, keys, workKey,
                    doi, null, false);
        }

        Stored withProvenance(List<Provenance> read) {
            return new Stored(id, seqNo, primaryTerm, contributions, read, keys, workKey, doi, fingerprint, stale);
        }

        Stored markedStale() {
            return new Stored(id, seqNo, primaryTerm, contributions, provenance, keys, workKey, doi, null, true);
        }
    }

    /** A document being put together in this batch. */
    private static final class Work {
        final String id;
        final Stored base;
        final Map<String, DcRecord> live = new LinkedHashMap<>();
        final List<DcRecord> deletions = new ArrayList<>();
        final List<DcRecord> incoming = new ArrayList<>();
        boolean loaded;

        Work(String id, Stored base) {
            this.id = id;
            this.base = base;
        }
    }

    private final ElasticsearchClient client;
    private final String alias;
    private final RawArchive archive;
    private final WorkResolver workResolver;
    private final SharedKeys shared = new SharedKeys();
    /** Key to document id of recent writes, least recently used out first. */
    private final Map<String, String> recent = new LinkedHashMap<>(1024, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > RECENT_KEYS;
        }
    };

    /** Document id to the repository items in it, of recent writes, least recently used out first. */
    private final Map<String, List<String>> recentItems = new LinkedHashMap<>(1024, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<String>> eldest) {
            return size() > RECENT_DOCUMENTS;
        }
    };

    RecordResolver(ElasticsearchClient client, String alias, RawArchive archive) {
        this.client = client;
        this.alias = alias;
        this.archive = archive;
        this.workResolver = new WorkResolver(client, alias);
    }

    /**
     * The writes that place these records. Callers serialise resolving and queueing the writes (see
     * {@link RecordIndexer}), so that each resolve knows where the previous ones put their keys.
     */
    List<Write> resolve(List<DcRecord> incoming) throws IOException {
        // By identity: a record's own hash walks all its values, and each incoming record is its own key.
        Map<DcRecord, Identity.Keys> keysOf = new IdentityHashMap<>();
        Map<DcRecord, String> recentTarget = new IdentityHashMap<>();
        Set<String> candidates = new LinkedHashSet<>();
        for (DcRecord record : incoming) {
            keysOf.put(record, record.deleted() ? NO_KEYS : Identity.keys(record));
        }
        shared.learn(incoming, keysOf);
        for (DcRecord record : incoming) {
            candidates.add(DocumentIds.safe(record.id()));
            List<String> keys = lookupKeys(record, keysOf.get(record));
            synchronized (recent) {
                keys.stream().map(recent::get).filter(Objects::nonNull).findFirst()
                        .ifPresent(id -> {
                            candidates.add(id);
                            recentTarget.put(record, id);
                        });
            }
        }
        Map<String, Stored> stored = byIds(candidates);
        Map<String, String> byKey = new HashMap<>();
        stored.values().forEach(s -> register(s, byKey));
        List<DcRecord> unplaced = incoming.stream()
                .filter(r -> !stored.containsKey(DocumentIds.safe(r.id())) && !byKey.containsKey(pk(r))).toList();
        if (!unplaced.isEmpty()) {
            byKeys(unplaced, keysOf, stored, byKey);
        }
        Set<String> incomingKeys = new HashSet<>();
        incoming.forEach(r -> incomingKeys.add(pk(r)));
        withRaws(stored, incomingKeys);
        Map<String, Work> works = new LinkedHashMap<>();
        for (DcRecord record : incoming) {
            String natural = DocumentIds.safe(record.id());
            String id = stored.containsKey(natural) ? natural : null;
            List<String> keys = lookupKeys(record, keysOf.get(record));
            for (String key : keys) {
                boolean doi = key.startsWith("doi:");
                String found = byKey.get(key);
                boolean searched = found != null;
                if (!searched && doi) {
                    // A DOI's document written moments ago that no search sees yet (a create still queued, say):
                    // looked into for its items only; it is placed in below, after every key searched.
                    synchronized (recent) {
                        found = recent.get(key);
                    }
                }
                if (found == null || found.equals(id) || id != null && !doi) {
                    continue;
                }
                if (holdsAnotherItem(found, record, stored, works)) {
                    shared.add(key, record.provenance().get(0).sourceId());
                } else if (id == null && searched) {
                    id = found;
                }
            }
            // a document written moments ago that no search sees yet (a create still queued, say)
            String queued = recentTarget.get(record);
            id = id != null || queued == null || holdsAnotherItem(queued, record, stored, works) ? id : queued;
            id = id != null ? id : natural;
            Work work = works.computeIfAbsent(id, k -> new Work(k, stored.get(k)));
            String pk = pk(record);
            load(work, incomingKeys);
            if (record.deleted()) {
                work.live.remove(pk);
                work.deletions.add(record);
            } else {
                work.live.put(pk, record);
            }
            work.incoming.add(record);
            for (String key : keys) {
                byKey.putIfAbsent(key, id);
            }
        }
        Map<String, DcRecord> merged = new LinkedHashMap<>();
        Map<String, IndexDocument.Work> ownWorks = new LinkedHashMap<>();
        for (Work w : works.values()) {
            DcRecord m = RecordMerger.merge(w.id, new ArrayList<>(w.live.values()), w.deletions);
            merged.put(w.id, m);
            if (!m.deleted()) {
                ownWorks.put(w.id, sharesItsDoi(w, m, keysOf) ? Works.ofTitle(w.id, m) : Works.own(w.id, m));
            }
            // A new record's document is the record itself: its keys were read above.
            remember(w.id, m, keysOf.get(m));
        }
        Map<String, String> workKeys = workResolver.workKeys(ownWorks);
        List<Write> writes = new ArrayList<>();
        for (Work w : works.values()) {
            DcRecord m = merged.get(w.id);
            IndexDocument.Work own = ownWorks.get(w.id);
            String workKey = workKeys.get(w.id);
            writes.add(new Write(w.id, m, w.base == null ? null : w.base.seqNo(),
                    w.base == null ? null : w.base.primaryTerm(), w.incoming,
                    own == null || workKey == null ? null : new IndexDocument.Work(workKey, own.title()),
                    keysOf.get(m), w.base == null ? null : w.base.fingerprint()));
        }
        return writes;
    }

    /**
     * Whether the document holds another item of the harvested record's repository ({@link RepositoryItems}): as put
     * together in this batch, as stored, or (a document no search nor get sees yet, its create still queued) as
     * remembered from its write. Placed in such a document, a record would be a second create of it, refused; and
     * its DOI, taken for a work of its own meanwhile, would be remembered as its title's.
     */
    private boolean holdsAnotherItem(String id, DcRecord record, Map<String, Stored> stored, Map<String, Work> works) {
        List<String> held = new ArrayList<>();
        Work work = works.get(id);
        if (work != null) {
            held.addAll(work.live.keySet());
        }
        Stored base = work != null ? work.base : stored.get(id);
        if (base != null) {
            held.addAll(base.contributions());
        }
        if (work == null && base == null) {
            synchronized (recent) {
                held.addAll(recentItems.getOrDefault(id, List.of()));
            }
        }
        return RepositoryItems.holdsAnother(held, record.provenance().get(0));
    }

    /**
     * Whether the document's DOI is one another item of its repository also holds (a book's DOI in each chapter, an
     * issue's in each article): not a work of its own, which would show every such item as one hit. Known shared
     * ({@link SharedKeys}) for a record placed here that has it, and kept as stored (a title's work beside a DOI)
     * when it is harvested again and no search looks for the others.
     */
    private boolean sharesItsDoi(Work w, DcRecord merged, Map<DcRecord, Identity.Keys> keysOf) {
        String doi = merged.derived().doi();
        if (doi == null) {
            return false;
        }
        if (w.base != null && doi.equals(w.base.doi()) && !Works.isDoi(w.base.workKey())) {
            return true;
        }
        for (DcRecord record : w.incoming) {
            if (keysOf.get(record).dois().contains(doi) && shared.contains("doi:" + doi)) {
                return true;
            }
        }
        return false;
    }

    private static String pk(DcRecord record) {
        return record.provenance().get(0).key();
    }

    /**
     * The keys a record is looked up by, strongest first: its contribution, its DOIs, its landing addresses; none that
     * items of a repository share ({@link SharedKeys}).
     */
    private List<String> lookupKeys(DcRecord record, Identity.Keys keys) {
        List<String> out = new ArrayList<>();
        out.add(pk(record));
        keys.dois().forEach(d -> out.add("doi:" + d));
        keys.urls().forEach(u -> out.add("url:" + u));
        if (out.size() > 1) {
            out.subList(1, out.size()).removeIf(shared::contains);
        }
        return out;
    }

    /**
     * Remembers where a document's keys were written: a search sees a write only after the next refresh, so without
     * this a page and its OAI record indexed within a second of each other would become two documents.
     */
    private void remember(String id, DcRecord merged, Identity.Keys known) {
        Identity.Keys keys = merged.deleted() ? NO_KEYS : known != null ? known : Identity.keys(merged);
        List<String> items = new ArrayList<>(1);
        merged.provenance().stream().filter(p -> p.oaiIdentifier() != null).forEach(p -> items.add(p.key()));
        synchronized (recent) {
            recentItems.put(id, items);
            merged.provenance().forEach(p -> recent.put(p.key(), id));
            keys.dois().forEach(d -> recent.put("doi:" + d, id));
            keys.urls().forEach(u -> recent.put("url:" + u, id));
        }
    }

    private static void register(Stored s, Map<String, String> byKey) {
        s.contributions().forEach(k -> byKey.putIfAbsent(k, s.id()));
        s.keys().forEach(k -> byKey.putIfAbsent(k, s.id()));
    }

    /**
     * The stored document's contributions this batch does not bring, read again from the raw archive (once per
     * document); one the batch brings is replaced by its incoming record. None for a document found changed since
     * the look-up: its write is refused as a conflict and the batch's records placed again.
     */
    private void load(Work work, Set<String> incomingKeys) {
        if (work.loaded || work.base == null || work.base.stale()) {
            work.loaded = true;
            return;
        }
        work.loaded = true;
        for (Provenance p : work.base.provenance()) {
            if (incomingKeys.contains(p.key()) || work.live.containsKey(p.key())) {
                continue;
            }
            try {
                DcRecord again = archive.read(p);
                if (!again.deleted()) {
                    work.live.put(p.key(), again);
                }
            } catch (ArchiveException | RuntimeException e) {
                LOG.warn("document {}: contribution {} cannot be read again ({}); it is left out", work.id, p.key(),
                        e.getMessage());
            }
        }
    }

    /**
     * The stored documents with these ids, as the look-up needs them: which exist and at which version from a
     * real-time get that reads no stored field, and their keys from doc values where the last refresh shows that
     * same version. Reading {@code _source} is nearly all a get costs (a thirtieth of the time without it, measured
     * in docs/performance.md); only the documents written since the last refresh are read that way.
     */
    private Map<String, Stored> byIds(Set<String> ids) throws IOException {
        Map<String, Stored> out = new HashMap<>();
        MgetResponse<IndexDocument> versions = client.mget(m -> m.index(alias).ids(List.copyOf(ids))
                .source(f -> f.fetch(false)), IndexDocument.class);
        Map<String, GetResult<IndexDocument>> current = new HashMap<>();
        for (GetResult<IndexDocument> result : results(versions)) {
            if (result.found()) {
                current.put(result.id(), result);
            }
        }
        if (current.isEmpty()) {
            return out;
        }
        if (current.size() <= MAX_HITS) {
            SearchResponse<Void> seen = client.search(s -> s.index(alias).size(current.size()).seqNoPrimaryTerm(true)
                    .source(f -> f.fetch(false)).docvalueFields(fields(DOC_VALUE_FIELDS))
                    .query(q -> q.ids(i -> i.values(List.copyOf(current.keySet())))), Void.class);
            ShardsUnavailableException.check(alias, seen.shards());
            for (Hit<Void> hit : seen.hits().hits()) {
                GetResult<IndexDocument> now = current.get(hit.id());
                if (hit.seqNo() != null && hit.seqNo().equals(now.seqNo())
                        && Objects.equals(hit.primaryTerm(), now.primaryTerm())) {
                    out.put(hit.id(), fromDocValues(hit));
                }
            }
        }
        List<String> unseen = current.keySet().stream().filter(id -> !out.containsKey(id)).toList();
        if (unseen.isEmpty()) {
            return out;
        }
        MgetResponse<IndexDocument> found = client.mget(m -> m.index(alias).ids(unseen)
                .sourceIncludes(SOURCE_FIELDS).sourceExcludes(NOT_LOOKED_AT), IndexDocument.class);
        for (GetResult<IndexDocument> result : results(found)) {
            if (result.found() && result.source() != null) {
                Stored s = stored(result.id(), result.seqNo(), result.primaryTerm(), result.source());
                out.put(s.id(), s);
            }
        }
        return out;
    }

    /**
     * The documents a multi-get found or not. A document that failed (a shard not (yet) started, after a restart
     * say) may well be there: reading it as "not found" would place the record in a new document, so the look-up
     * waits instead (see RecordIndexer).
     */
    private List<GetResult<IndexDocument>> results(MgetResponse<IndexDocument> response)
            throws ShardsUnavailableException {
        List<GetResult<IndexDocument>> out = new ArrayList<>(response.docs().size());
        for (MultiGetResponseItem<IndexDocument> item : response.docs()) {
            if (item.isFailure()) {
                throw new ShardsUnavailableException(alias, item.failure().error().reason());
            }
            out.add(item.result());
        }
        return out;
    }

    /** A document's keys as its doc values hold them (a field's values sorted, each once). */
    private static Stored fromDocValues(Hit<Void> hit) {
        List<String> keys = new ArrayList<>();
        docValues(hit, "keys.doi").forEach(d -> keys.add("doi:" + d));
        docValues(hit, "keys.url").forEach(u -> keys.add("url:" + u));
        return new Stored(hit.id(), hit.seqNo(), hit.primaryTerm(), docValues(hit, "provenance.key"), List.of(), keys,
                docValue(hit, "work.key"), docValue(hit, "derived.doi"), docValue(hit, JsonBytes.FINGERPRINT), false);
    }

    /** Doc-value fields to read, in their own format. */
    static List<FieldAndFormat> fields(List<String> names) {
        return names.stream().map(field -> FieldAndFormat.of(f -> f.field(field))).toList();
    }

    /** A single-valued field's doc value, null when the document has none. */
    static String docValue(Hit<Void> hit, String field) {
        List<String> values = docValues(hit, field);
        return values.isEmpty() ? null : values.get(0);
    }

    private static List<String> docValues(Hit<Void> hit, String field) {
        JsonData values = hit.fields().get(field);
        if (values == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (JsonValue v : values.toJson().asJsonArray()) {
            out.add(((JsonString) v).getString());
        }
        return out;
    }

    /**
     * Reads the contributions, raw records included, of the stored documents whose other contributions a merge reads
     * again ({@link #load}): those that hold any contribution this batch does not bring. One real-time get
     * for all of them, taken only from the version the look-up read. A document changed since (another worker's
     * write) keeps none: its write, made on the version read, is refused as a conflict and the record placed again
     * ({@link RecordIndexer}), so a contribution is never left out of a merge for a read that came late.
     */
    private void withRaws(Map<String, Stored> stored, Set<String> incomingKeys) throws IOException {
        List<String> ids = stored.values().stream()
                .filter(s -> s.contributions().stream().anyMatch(k -> !incomingKeys.contains(k)))
                .map(Stored::id).toList();
        if (ids.isEmpty()) {
            return;
        }
        MgetResponse<IndexDocument> found = client.mget(m -> m.index(alias).ids(ids).sourceIncludes("provenance"),
                IndexDocument.class);
        for (GetResult<IndexDocument> result : results(found)) {
            Stored s = stored.get(result.id());
            if (!result.found() || result.source() == null || !Objects.equals(result.seqNo(), s.seqNo())
                    || !Objects.equals(result.primaryTerm(), s.primaryTerm())) {
                stored.put(s.id(), s.markedStale());
                continue;
            }
            stored.put(s.id(), s.withProvenance(result.source().contributions().stream()
                    .map(IndexDocument.Provenance::toContribution).toList()));
        }
    }

    /**
     * Documents that hold one of these contributions, or share a DOI or landing address with them. A few hits per
     * record, best first: the documents holding a contribution rank above any that only share keys. Where more match
     * than that and the hits show keys that items of one repository share (a journal's articles all matching by its
     * address and the DOI), the look-up is made again without them, so that they crowd no document out.
     */
    private void byKeys(List<DcRecord> records, Map<DcRecord, Identity.Keys> keysOf, Map<String, Stored> stored,
                        Map<String, String> byKey) throws IOException {
        for (int round = 1; ; round++) {
            Set<String> pks = new LinkedHashSet<>();
            Set<String> dois = new LinkedHashSet<>();
            Set<String> urls = new LinkedHashSet<>();
            for (DcRecord r : records) {
                pks.add(pk(r));
                for (String key : lookupKeys(r, keysOf.get(r))) {
                    if (key.startsWith("doi:")) {
                        dois.add(key.substring(4));
                    } else if (key.startsWith("url:")) {
                        urls.add(key.substring(4));
                    }
                }
            }
            SearchResponse<IndexDocument> found = client.search(s -> s.index(alias)
                    .size(Math.min(MAX_HITS, 3 * records.size())).seqNoPrimaryTerm(true)
                    .source(src -> src.filter(f -> f.includes(SOURCE_FIELDS).excludes(NOT_LOOKED_AT)))
                    .query(q -> q.bool(b -> b.minimumShouldMatch("1")
                            .should(sh -> sh.terms(t -> t.field("provenance.key").boost(HOLDS_CONTRIBUTION)
                                    .terms(v -> v.value(values(pks)))))
                            .should(sh -> sh.terms(t -> t.field("keys.doi").terms(v -> v.value(values(dois)))))
                            .should(sh -> sh.terms(t -> t.field("keys.url").terms(v -> v.value(values(urls))))))),
                    IndexDocument.class);
            ShardsUnavailableException.check(alias, found.shards());
            List<Stored> hits = new ArrayList<>();
            for (Hit<IndexDocument> hit : found.hits().hits()) {
                if (hit.seqNo() == null || hit.source() == null) {
                    continue;
                }
                Stored s = stored(hit.id(), hit.seqNo(), hit.primaryTerm(), hit.source());
                hits.add(s);
                if (stored.putIfAbsent(s.id(), s) == null) {
                    register(s, byKey);
                }
            }
            boolean cutOff = found.hits().total() != null && found.hits().total().value() > hits.size();
            if (shared.learnStored(hits) == 0 || !cutOff || round == 3) {
                return;
            }
        }
    }

    private static List<FieldValue> values(Set<String> values) {
        return values.stream().map(FieldValue::of).toList();
    }

    private static Stored stored(String id, long seqNo, long primaryTerm, IndexDocument source) {
        List<Provenance> provenance = source.contributions().stream().map(IndexDocument.Provenance::toContribution)
                .toList();
        List<String> keys = new ArrayList<>();
        if (source.keys() != null) {
            source.keys().doi().forEach(d -> keys.add("doi:" + d));
            source.keys().url().forEach(u -> keys.add("url:" + u));
        }
        return new Stored(id, seqNo, primaryTerm, provenance, keys, source.work() == null ? null : source.work().key(),
                source.derived() == null ? null : source.derived().doi());
    }
}
