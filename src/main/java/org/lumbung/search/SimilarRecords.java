package org.lumbung.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lumbung.index.IndexDocument;
import org.lumbung.index.IndexLayout;

/**
 * The records most like one record, for its page: Elasticsearch's {@code more_like_this} over the titles, abstracts
 * and subjects, each in the search field of its language (Indonesian, English, other), so that a record's words are
 * matched as its language's analysis reads them (stems, folded accents) and an Indonesian record finds its
 * neighbours by their Indonesian words. The record itself, the other versions of its work (a version is not a
 * similar record) and tombstones are never among them.
 */
public final class SimilarRecords {

    public static final int DEFAULT_SIZE = 5;
    public static final int MAX_SIZE = 20;
    /** The fields compared: the language-analysed copies of titles, abstracts and subjects. */
    static final List<String> FIELDS = List.of("search.title.id", "search.title.en", "search.title.other",
            "search.description.id", "search.description.en", "search.description.other",
            "search.subject.id", "search.subject.en", "search.subject.other");
    /**
     * Words that say nothing of likeness (the search fields keep them: a phrase search wants them), Indonesian and
     * English, as written and as the stemmers leave them ({@code terhadap} is {@code hadap}, {@code this} is
     * {@code thi}): without them two records sharing "dan", "yang" and "di" would count as alike.
     */
    static final List<String> STOP_WORDS = List.of(
            "ada", "adalah", "agar", "akan", "antara", "atau", "bagi", "bahwa", "banyak", "belum", "berbagai",
            "bagai", "sebagai", "bisa", "dalam", "dan", "dapat", "dari", "dengan", "di", "hal", "hanya", "harus",
            "ini", "itu", "jika", "juga", "kami", "karena", "ke", "kepada", "ketika", "lain", "lebih", "maka",
            "masih", "melalui", "lalu", "mereka", "namun", "oleh", "pada", "para", "saat", "sangat", "sebuah",
            "buah", "secara", "cara", "sedang", "sehingga", "sejak", "semua", "seperti", "serta", "setelah", "telah",
            "suatu", "sudah", "tanpa", "tentang", "terhadap", "hadap", "tersebut", "sebut", "tetapi", "untuk",
            "yaitu", "yang", "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "how", "in", "into",
            "is", "it", "its", "of", "on", "or", "that", "the", "their", "thi", "this", "to", "wa", "was", "were",
            "which", "with");

    /** The record asked about and the records most like it, best first. */
    public record Similar(String id, List<SearchHit> hits) {

        public Similar {
            hits = List.copyOf(hits);
        }
    }

    private final ElasticsearchClient client;
    private final IndexLayout layout;
    private final FacetLabels labels;

    /** @param labels what a source is called for a reader */
    public SimilarRecords(ElasticsearchClient client, IndexLayout layout, FacetLabels labels) {
        this.client = client;
        this.layout = layout;
        this.labels = labels;
    }

    /** The HTTP API's form: {@code size} as the client sent it (null for the default); 404 for no such record. */
    public Similar similarRequest(String id, String size) throws IOException {
        int n = DEFAULT_SIZE;
        if (size != null && !size.isBlank()) {
            try {
                n = Integer.parseInt(size.strip());
            } catch (NumberFormatException e) {
                n = -1;
            }
            if (n < 1 || n > MAX_SIZE) {
                throw new IllegalArgumentException("size must be a whole number from 1 to " + MAX_SIZE);
            }
        }
        return similar(id, n);
    }

    public Similar similar(String id, int size) throws IOException {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("id is missing");
        }
        GetResponse<IndexDocument> found = client.get(g -> g.index(layout.recordsAlias()).id(id)
                .sourceIncludes("deleted", "work"), IndexDocument.class);
        if (!found.found()) {
            throw new NotFoundException("no record with id " + id);
        }
        // The record's own index: the alias may name several while a rebuild swaps them.
        return new Similar(id, found.source() == null ? List.of() : of(id, found.index(), found.source(), size));
    }

    /** The records most like a record the caller has read (a tombstone has none), for its page. */
    public List<SearchHit> of(String id, IndexDocument record) throws IOException {
        return of(id, layout.recordsAlias(), record, DEFAULT_SIZE);
    }

    private List<SearchHit> of(String id, String index, IndexDocument record, int size) throws IOException {
        if (record.deleted()) {
            return List.of();
        }
        String work = record.work() == null ? null : record.work().key();
        SearchResponse<IndexDocument> response = client.search(s -> s.index(layout.recordsAlias()).size(size)
                .source(src -> src.filter(f -> f.excludes(RecordSearcher.NOT_READ)))
                .query(q -> q.bool(b -> {
                    b.must(m -> m.moreLikeThis(mlt -> mlt.fields(FIELDS)
                            .like(l -> l.document(d -> d.index(index).id(id)))
                            // a record is short: one occurrence of a word counts, and a word only this record holds
                            // says nothing of likeness
                            .minTermFreq(1).minDocFreq(2).maxQueryTerms(25).minimumShouldMatch("30%")
                            .stopWords(STOP_WORDS).include(false)));
                    b.mustNot(n -> n.term(t -> t.field("deleted").value(true)));
                    b.mustNot(n -> n.ids(i -> i.values(id)));
                    return work == null ? b : b.mustNot(n -> n.term(t -> t.field("work.key").value(work)));
                })), IndexDocument.class);
        List<SearchHit> hits = new ArrayList<>();
        for (Hit<IndexDocument> hit : response.hits().hits()) {
            String sourceId = hit.source().source() == null ? null : hit.source().source().id();
            hits.add(RecordViews.hit(hit.id(), hit.source(), Map.of(),
                    sourceId == null ? null : labels.label(Facet.SOURCE, sourceId)));
        }
        return hits;
    }
}
