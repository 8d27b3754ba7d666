package org.lumbung.index;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lumbung.testing.TestElasticsearch;

/**
 * {@link WorkResolver#regroup}, what {@code reindex} runs on the index it built, over pages of three buckets: each
 * copy without a DOI goes into its title's one DOI's work, or its title's own where two DOIs share the title; a DOI
 * two items of one repository hold is no one's work; a DOI two repositories hold stays a work.
 */
class WorkRegroupIT {

    private final ElasticsearchClient client = TestElasticsearch.client();
    private final Map<String, Map<String, Object>> documents = new LinkedHashMap<>();

    @Test
    void everyCopyWithoutADoiFindsItsWorkAcrossPagesOfBuckets() throws Exception {
        IndexLayout layout = new IndexLayout(TestElasticsearch.freshPrefix(WorkRegroupIT.class), 0);
        new IndexSetup(client, layout).ensure();
        for (int i = 1; i <= 8; i++) {
            holder("h" + i, "10.1/" + i, "t" + i, "a");
            copy("c" + i, "title:t" + i, "t" + i);
        }
        // a title two DOIs hold: its copy, left in one of them by an earlier build, goes back to the title's work
        holder("h-two-a", "10.2/a", "two", "a");
        holder("h-two-b", "10.2/b", "two", "c");
        copy("c-two", "doi:10.2/a", "two");
        // a title no DOI holds
        copy("c-none", "title:none", "none");
        // a book's DOI in two of its chapters, items of one repository: no one's work; nor is it the copy's
        holder("ch1", "10.3/book", "chapter one", "a");
        holder("ch2", "10.3/book", "chapter two", "a");
        copy("c-ch", "title:chapter one", "chapter one");
        // one DOI in two repositories: a work, and the copy of its title joins it
        holder("x1", "10.4/x", "ex", "a");
        holder("x2", "10.4/x", "ex", "b");
        copy("c-ex", "title:ex", "ex");
        String index = write(layout);

        long moved = WorkResolver.regroup(client, index, 3);

        Map<String, String> works = works(index);
        Map<String, String> expected = new HashMap<>();
        for (int i = 1; i <= 8; i++) {
            expected.put("h" + i, "doi:10.1/" + i);
            expected.put("c" + i, "doi:10.1/" + i);
        }
        expected.putAll(Map.of("h-two-a", "doi:10.2/a", "h-two-b", "doi:10.2/b", "c-two", "title:two",
                "c-none", "title:none", "ch1", "title:chapter one", "ch2", "title:chapter two",
                "c-ch", "title:chapter one", "x1", "doi:10.4/x", "x2", "doi:10.4/x", "c-ex", "doi:10.4/x"));
        assertThat(works).isEqualTo(expected);
        assertThat(moved).as("c1..c8, c-two, ch1, ch2, c-ex").isEqualTo(12);
        assertThat(WorkResolver.regroup(client, index, 3)).as("a second regroup has nothing to move").isZero();
    }

    private void holder(String id, String doi, String title, String source) {
        documents.put(id, Map.of("work", Map.of("key", Works.DOI + doi, "title", title), "derived", Map.of("doi", doi),
                "provenance", List.of(Map.of("sourceId", source))));
    }

    private void copy(String id, String work, String title) {
        documents.put(id, Map.of("work", Map.of("key", work, "title", title),
                "provenance", List.of(Map.of("sourceId", "copies"))));
    }

    private String write(IndexLayout layout) throws Exception {
        String alias = layout.recordsAlias();
        var response = client.bulk(b -> {
            documents.forEach((id, doc) -> b.operations(o -> o.index(i -> i.index(alias).id(id).document(doc))));
            return b;
        });
        assertThat(response.errors()).isFalse();
        client.indices().refresh(r -> r.index(alias));
        return client.indices().getAlias(g -> g.name(alias)).result().keySet().iterator().next();
    }

    @SuppressWarnings("rawtypes")
    private Map<String, String> works(String index) throws Exception {
        Map<String, String> out = new HashMap<>();
        client.search(s -> s.index(index).size(100), Map.class).hits().hits()
                .forEach(h -> out.put(h.id(), (String) ((Map) h.source().get("work")).get("key")));
        return out;
    }
}
