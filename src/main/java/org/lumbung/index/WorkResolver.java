package org.lumbung.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.CompositeAggregate;
import co.elastic.clients.elasticsearch._types.aggregations.CompositeAggregationSource;
import co.elastic.clients.elasticsearch._types.aggregations.CompositeBucket;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.util.ObjectBuilder;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts a copy without a DOI into the work of the copy with one ({@link Works}), at index time, the way
 * {@link RecordResolver} finds a document by its merge keys: by the documents that share its title key, looked up in
 * the index, plus the DOIs written moments ago that no search sees yet. The other way round, a copy with a DOI that
 * arrives after copies without one moves them into its work: their work key is updated in place, nothing else of them
 * (a partial update, made only if the document is still the version read: a writer that came first wins, its own
 * look-up having placed it). A title key shared by two DOIs is ambiguous: its
 * copies without a DOI stay in the title's own work. {@link #regroup} does the same over a whole index, for
 * {@code reindex}.
 */
public final class WorkResolver {

    private static final Logger LOG = LoggerFactory.getLogger("lumbung.index");
    /** What the look-up by title reads, from doc values: a hit's {@code _source} costs the node far more to read. */
    private static final List<String> DOC_VALUE_FIELDS = List.of("work.key", "work.title", "derived.doi");
    private static final int PAGE = 1_000;
    /**
     * Composite buckets a page when regrouping: each page reads every document its query finds, so a thousand a page
     * made a million documents' regroup read a billion (9 of the 75 s of a 100,000-document rebuild). Below
     * Elasticsearch's 65,536 buckets a request.
     */
    private static final int BUCKETS = 10_000;

    /** A stored document's work, and the version a move of it must find (else a writer came first, and wins). */
    private record Stored(IndexDocument.Work work, boolean hasDoi, long seqNo, long primaryTerm) {
    }

    private final ElasticsearchClient client;
    private final String alias;
    /**
     * Title key to the DOI works written lately, which a search may not see yet: the titles of as many documents as
     * the resolver remembers the merge keys of ({@link RecordResolver#RECENT_DOCUMENTS}), the same seconds of writes.
     * Nearly every title has one work, held as a set of one (some 20 bytes, where a TreeSet of one takes about 130).
     */
    private final Map<String, Set<String>> recent = new LinkedHashMap<>(1024, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Set<String>> eldest) {
            return size() > RecordResolver.RECENT_DOCUMENTS;
        }
    };

    WorkResolver(ElasticsearchClient client, String alias) {
        this.client = client;
        this.alias = alias;
    }

    /** Both sets of work keys: the first where it holds the second already. */
    private static Set<String> union(Set<String> known, Set<String> more) {
        if (known.containsAll(more)) {
            return known;
        }
        Set<String> both = new TreeSet<>(known);
        both.addAll(more);
        return both;
    }

    /**
     * The work key of each document about to be written (by id; absent for a tombstone). Stored copies without a DOI
     * whose work these writes change are moved before this returns.
     */
    Map<String, String> workKeys(Map<String, IndexDocument.Work> writes) throws IOException {
        Map<String, Set<String>> doisByTitle = new HashMap<>();
        Set<String> titles = new LinkedHashSet<>();
        synchronized (recent) {
            writes.values().stream().filter(w -> w.title() != null).forEach(w -> {
                titles.add(w.title());
                if (Works.isDoi(w.key())) {
                    recent.merge(w.title(), Set.of(w.key()), WorkResolver::union);
                }
                doisByTitle.computeIfAbsent(w.title(), t -> new TreeSet<>()).addAll(recent.getOrDefault(w.title(),
                        Set.of()));
            });
        }
        Map<String, Stored> stored = titles.isEmpty() ? Map.of() : byTitles(titles);
        stored.forEach((id, s) -> {
            if (s.hasDoi() && !writes.containsKey(id)) {
                doisByTitle.computeIfAbsent(s.work().title(), t -> new TreeSet<>()).add(s.work().key());
            }
        });
        Map<String, String> keys = new HashMap<>();
        writes.forEach((id, work) -> keys.put(id, inWork(work, Works.isDoi(work.key()), doisByTitle)));
        List<BulkOperation> moves = new ArrayList<>();
        stored.forEach((id, s) -> {
            String now = inWork(s.work(), s.hasDoi(), doisByTitle);
            if (!writes.containsKey(id) && !now.equals(s.work().key())) {
                moves.add(move(alias, id, now, s.seqNo(), s.primaryTerm()));
            }
        });
        if (!moves.isEmpty()) {
            LOG.debug("{} copies without a DOI moved to another work", moved(client, moves));
        }
        return keys;
    }

    /**
     * The work of a document: one with a DOI, or without a title key, keeps its own; one without a DOI takes its
     * title key's only DOI, else its title's work, whatever work it was in before (a DOI it joined may have gone, or
     * a second DOI made its title ambiguous).
     */
    static String inWork(IndexDocument.Work work, boolean hasDoi, Map<String, Set<String>> doisByTitle) {
        if (hasDoi || work.title() == null) {
            return work.key();
        }
        Set<String> dois = doisByTitle.getOrDefault(work.title(), Set.of());
        return dois.size() == 1 ? dois.iterator().next() : Works.TITLE + work.title();
    }

    /**
     * The stored documents with these title keys: their own work as stored, a DOI's key only if they have a DOI. Read
     * from doc values, which show the same refreshed view a hit's {@code _source} would (a keyword's value as
     * written: none of these fields has a normaliser or a length limit).
     */
    private Map<String, Stored> byTitles(Set<String> titles) throws IOException {
        SearchResponse<Void> found = client.search(s -> s.index(alias).seqNoPrimaryTerm(true)
                .size(Math.min(10_000, 10 * titles.size())).source(src -> src.fetch(false))
                .docvalueFields(RecordResolver.fields(DOC_VALUE_FIELDS))
                .query(q -> q.terms(t -> t.field("work.title")
                        .terms(v -> v.value(titles.stream().map(FieldValue::of).toList())))), Void.class);
        ShardsUnavailableException.check(alias, found.shards());
        Map<String, Stored> out = new HashMap<>();
        for (Hit<Void> hit : found.hits().hits()) {
            String key = RecordResolver.docValue(hit, "work.key");
            if (key == null || hit.seqNo() == null) {
                continue;
            }
            IndexDocument.Work work = new IndexDocument.Work(key, RecordResolver.docValue(hit, "work.title"));
            String doi = RecordResolver.docValue(hit, "derived.doi");
            // A DOI that another item of its repository also holds is not its work ({@link RecordResolver}).
            boolean hasDoi = doi != null && Works.isDoi(key);
            // Kept as stored, so that a move is made only when its work changes.
            out.put(hit.id(), new Stored(hasDoi ? new IndexDocument.Work(Works.DOI + doi, work.title()) : work, hasDoi,
                    hit.seqNo(), hit.primaryTerm()));
        }
        return out;
    }

    /**
     * A document's work key changed in place, only if it is still the version read: the Elasticsearch Lumbung embeds
     * has no scripting nor update-by-query, and a partial update leaves every other field as it is.
     */
    private static BulkOperation move(String index, String id, String key, long seqNo, long primaryTerm) {
        ObjectNode work = JsonNodeFactory.instance.objectNode();
        work.putObject("work").put("key", key);
        // The document's bytes change, so its fingerprint no longer stands for them: cleared (a tree keeps its null,
        // which the client's mapper leaves out of a map), so the record's next harvest writes it whole again.
        work.putNull(JsonBytes.FINGERPRINT);
        return BulkOperation.of(o -> o.update(u -> u.index(index).id(id).ifSeqNo(seqNo).ifPrimaryTerm(primaryTerm)
                .action(a -> a.doc(work))));
    }

    /** Sends the moves; one that lost to a writer (409) is left to that writer, whose own look-up placed it. */
    private static long moved(ElasticsearchClient client, List<BulkOperation> moves) throws IOException {
        BulkResponse response = client.bulk(b -> b.operations(moves));
        long moved = 0;
        for (BulkResponseItem item : response.items()) {
            if (item.error() == null) {
                moved++;
            } else if (item.status() != 409) {
                LOG.warn("document {} could not be moved to another work: {}", item.id(), item.error().reason());
            }
        }
        return moved;
    }

    /**
     * Puts every copy without a DOI in the index into the work of the one DOI with its title key (or back into its
     * title's work, where there are several): what {@code reindex} runs on the index it built, before moving the
     * alias, since documents rebuilt one by one know only their own work. First, documents whose DOI another item of
     * their repository also holds are put into their title's work, as {@link RecordResolver} does when it places
     * them; they count as copies without a DOI from then on. Returns the documents moved, both ways.
     */
    public static long regroup(ElasticsearchClient client, String index) throws IOException {
        return regroup(client, index, BUCKETS);
    }

    /** {@link #regroup}, reading the index's works {@code buckets} at a time (fewer only to test the paging). */
    static long regroup(ElasticsearchClient client, String index, int buckets) throws IOException {
        long moved = unshare(client, index, buckets);
        if (moved > 0) {
            LOG.info("{} documents whose DOI another item of their repository also holds put into their title's work",
                    moved);
            client.indices().refresh(r -> r.index(index));
        }
        long[] copies = {0};
        // Page by the titles of the copies without a DOI, the only documents this can move; look up each page's DOIs.
        Query withTitle = Query.of(q -> q.bool(b -> b.mustNot(WorkResolver::doiHolder)
                .filter(f -> f.exists(e -> e.field("work.title")))));
        eachPage(client, index, withTitle, buckets, List.of(terms("title", "work.title")), page -> {
            List<FieldValue> titles = page.stream()
                    .map(bucket -> FieldValue.of(bucket.key().get("title").stringValue())).toList();
            Map<String, String> keys = doiWorks(client, index, titles);
            if (!keys.isEmpty()) {
                List<FieldValue> held = keys.keySet().stream().map(FieldValue::of).toList();
                copies[0] += moveEach(client, index, Query.of(q -> q.bool(b -> b.mustNot(WorkResolver::doiHolder)
                        .filter(f -> f.terms(t -> t.field("work.title").terms(v -> v.value(held)))))),
                        (id, work) -> keys.get(work.title()));
            }
        });
        moved += copies[0];
        client.indices().refresh(r -> r.index(index));
        return moved;
    }

    /**
     * The work the copies without a DOI of each of these titles belong in, for each title some document holds as its
     * DOI's work: that DOI's, or the title's own where two DOIs have it.
     */
    private static Map<String, String> doiWorks(ElasticsearchClient client, String index, List<FieldValue> titles)
            throws IOException {
        if (titles.isEmpty()) {
            return Map.of();
        }
        // At most one bucket a title on each shard, so every shard's buckets all come back.
        SearchResponse<Void> found = client.search(s -> s.index(index).size(0)
                .query(q -> q.bool(b -> b.filter(WorkResolver::doiHolder)
                        .filter(f -> f.terms(t -> t.field("work.title").terms(v -> v.value(titles))))))
                .aggregations("titles", a -> a.terms(t -> t.field("work.title").size(titles.size()))
                        .aggregations("dois", d -> d.terms(t -> t.field("work.key").size(2)))), Void.class);
        ShardsUnavailableException.check(index, found.shards());
        Map<String, String> keys = new HashMap<>();
        for (StringTermsBucket bucket : found.aggregations().get("titles").sterms().buckets().array()) {
            List<StringTermsBucket> dois = bucket.aggregations().get("dois").sterms().buckets().array();
            String title = bucket.key().stringValue();
            keys.put(title, dois.size() == 1 ? dois.get(0).key().stringValue() : Works.TITLE + title);
        }
        return keys;
    }

    /** A document that is its DOI's work: it has a DOI, and no other item of its repository holds it. */
    private static ObjectBuilder<Query> doiHolder(Query.Builder q) {
        return q.bool(b -> b.filter(f -> f.exists(e -> e.field("derived.doi")))
                .filter(f -> f.prefix(p -> p.field("work.key").value(Works.DOI))));
    }

    /**
     * Puts into its title's work (else its own) every document whose DOI's work also holds a document of another
     * item of one of its repositories: a book's DOI in each chapter, an issue's in each article. Returns the documents
     * moved.
     */
    private static long unshare(ElasticsearchClient client, String index, int buckets) throws IOException {
        Set<String> shared = new LinkedHashSet<>();
        eachPage(client, index, Query.of(WorkResolver::doiHolder), buckets,
                List.of(terms("work", "work.key"), terms("source", "provenance.sourceId")), page -> {
                    for (CompositeBucket bucket : page) {
                        if (bucket.docCount() > 1) {
                            shared.add(bucket.key().get("work").stringValue());
                        }
                    }
                });
        long moved = 0;
        List<String> works = List.copyOf(shared);
        for (int i = 0; i < works.size(); i += PAGE) {
            List<FieldValue> chunk = works.subList(i, Math.min(works.size(), i + PAGE)).stream().map(FieldValue::of)
                    .toList();
            moved += moveEach(client, index, Query.of(q -> q.terms(t -> t.field("work.key").terms(v -> v.value(chunk)))),
                    (id, work) -> work.title() != null ? Works.TITLE + work.title() : Works.ID + id);
        }
        return moved;
    }

    /** What is done with each page of buckets. */
    @FunctionalInterface
    private interface BucketPage {
        void accept(List<CompositeBucket> buckets) throws IOException;
    }

    /**
     * Pages through a composite aggregation of the documents the query finds, by these sources; every page must come
     * from every shard. Each page reads every document the query finds, so the pages are large: a few at a million
     * documents, not a thousand.
     */
    private static void eachPage(ElasticsearchClient client, String index, Query query, int buckets,
                                 List<Map<String, CompositeAggregationSource>> sources, BucketPage action)
            throws IOException {
        Map<String, FieldValue> after = null;
        do {
            Map<String, FieldValue> from = after;
            SearchResponse<Void> page = client.search(s -> s.index(index).size(0).query(query)
                    .aggregations("pages", a -> a.composite(c -> from == null ? c.size(buckets).sources(sources)
                            : c.size(buckets).sources(sources).after(from))), Void.class);
            ShardsUnavailableException.check(index, page.shards());
            CompositeAggregate pages = page.aggregations().get("pages").composite();
            action.accept(pages.buckets().array());
            after = pages.afterKey() == null || pages.buckets().array().isEmpty() ? null : pages.afterKey();
        } while (after != null);
    }

    private static Map<String, CompositeAggregationSource> terms(String name, String field) {
        return Map.of(name, CompositeAggregationSource.of(cs -> cs.terms(t -> t.field(field))));
    }

    /**
     * Moves each document the query finds into the work {@code target} gives it (by id and work; null: it stays), a
     * page at a time.
     */
    private static long moveEach(ElasticsearchClient client, String index, Query query,
                                 BiFunction<String, IndexDocument.Work, String> target) throws IOException {
        String pit = client.openPointInTime(p -> p.index(index).keepAlive(k -> k.time("2m"))).id();
        long moved = 0;
        try {
            List<FieldValue> after = null;
            while (true) {
                List<FieldValue> cursor = after;
                SearchResponse<IndexDocument> page = client.search(s -> {
                    s.size(PAGE).pit(p -> p.id(pit).keepAlive(k -> k.time("2m"))).seqNoPrimaryTerm(true)
                            .source(src -> src.filter(f -> f.includes("work")))
                            .sort(o -> o.field(f -> f.field("_shard_doc").order(SortOrder.Asc))).query(query);
                    return cursor == null ? s : s.searchAfter(cursor);
                }, IndexDocument.class);
                ShardsUnavailableException.check(index, page.shards());
                List<Hit<IndexDocument>> hits = page.hits().hits();
                if (hits.isEmpty()) {
                    return moved;
                }
                List<BulkOperation> moves = new ArrayList<>();
                for (Hit<IndexDocument> hit : hits) {
                    IndexDocument.Work work = hit.source() == null ? null : hit.source().work();
                    String to = work == null ? null : target.apply(hit.id(), work);
                    if (to != null && !to.equals(work.key()) && hit.seqNo() != null) {
                        moves.add(move(index, hit.id(), to, hit.seqNo(), hit.primaryTerm()));
                    }
                }
                moved += moves.isEmpty() ? 0 : moved(client, moves);
                after = hits.get(hits.size() - 1).sort();
            }
        } finally {
            client.closePointInTime(c -> c.id(pit));
        }
    }
}
