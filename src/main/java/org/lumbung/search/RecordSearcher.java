package org.lumbung.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lumbung.index.IndexLayout;

/**
 * Searches the records alias with Elasticsearch's simple query syntax over titles, creators, subjects, descriptions
 * and identifiers, each value analysed for its language (accents folded, Indonesian and English stemmed). Tombstones
 * are never returned.
 */
public final class RecordSearcher {

    public static final int MAX_SIZE = 100;
    /** Each value is searched in the field of its language (Indonesian, English, other), plus names and a catch-all. */
    private static final List<String> FIELDS = List.of("search.title.*^3", "search.names^2", "search.subject.*^2",
            "search.description.*", "search.all", "dc.identifier", "creators.affiliation");
    private static final Pattern YEAR = Pattern.compile("(?<!\\d)(1[5-9]\\d\\d|20\\d\\d)(?!\\d)");

    private final ElasticsearchClient client;
    private final IndexLayout layout;

    public RecordSearcher(ElasticsearchClient client, IndexLayout layout) {
        this.client = client;
        this.layout = layout;
    }

    public static final int DEFAULT_SIZE = 10;

    /** The HTTP API's form: parameters as the client sent them; a bad size is the client's error. */
    public SearchResult searchRequest(String query, String size) throws IOException {
        int n = DEFAULT_SIZE;
        if (size != null && !size.isBlank()) {
            try {
                n = Integer.parseInt(size.trim());
            } catch (NumberFormatException e) {
                n = -1;
            }
            if (n < 1 || n > MAX_SIZE) {
                throw new IllegalArgumentException("size must be a whole number from 1 to " + MAX_SIZE);
            }
        }
        return search(query, n);
    }

    @SuppressWarnings("rawtypes")
    public SearchResult search(String query, int size) throws IOException {
        String q = query == null || query.isBlank() ? "*" : query.trim();
        int n = Math.max(1, Math.min(size, MAX_SIZE));
        SearchResponse<Map> response = client.search(s -> s
                .index(layout.recordsAlias())
                .size(n)
                .trackTotalHits(t -> t.enabled(true))
                .query(qb -> qb.bool(b -> b
                        .must(m -> m.simpleQueryString(sq -> sq.query(q).fields(FIELDS).defaultOperator(Operator.And)))
                        .mustNot(mn -> mn.term(t -> t.field("deleted").value(true))))), Map.class);
        List<SearchHit> hits = new ArrayList<>();
        for (Hit<Map> hit : response.hits().hits()) {
            hits.add(toHit(hit.id(), hit.source()));
        }
        long total = response.hits().total() == null ? hits.size() : response.hits().total().value();
        return new SearchResult(q, total, hits);
    }

    static SearchHit toHit(String id, Map<?, ?> source) {
        Map<?, ?> dc = map(source, "dc");
        List<String> titles = strings(dc.get("title"));
        List<String> creators = strings(dc.get("creator"));
        Integer year = null;
        for (String date : strings(dc.get("date"))) {
            Matcher m = YEAR.matcher(date);
            if (m.find()) {
                year = Integer.valueOf(m.group(1));
                break;
            }
        }
        Object sourceId = map(source, "source").get("id");
        return new SearchHit(id, titles.isEmpty() ? null : titles.get(0), creators, year,
                sourceId == null ? null : sourceId.toString());
    }

    private static Map<?, ?> map(Map<?, ?> parent, String key) {
        Object value = parent == null ? null : parent.get(key);
        return value instanceof Map<?, ?> m ? m : Map.of();
    }

    private static List<String> strings(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return value == null ? List.of() : List.of(String.valueOf(value));
    }
}
