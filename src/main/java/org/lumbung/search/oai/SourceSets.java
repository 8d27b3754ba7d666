package org.lumbung.search.oai;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.MatchAllQuery;
import io.gdcc.xoai.dataprovider.model.Set;
import io.gdcc.xoai.dataprovider.repository.SetRepository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lumbung.index.EsPages;
import org.lumbung.index.IndexLayout;

/** One set per source that has records, its setSpec the source id and its setName the source's name. */
final class SourceSets implements SetRepository {

    private final ElasticsearchClient client;
    private final IndexLayout layout;
    private final Map<String, String> names;

    SourceSets(ElasticsearchClient client, IndexLayout layout, Map<String, String> names) {
        this.client = client;
        this.layout = layout;
        this.names = names;
    }

    @Override
    public boolean supportSets() {
        return true;
    }

    @Override
    public List<Set> getSets() {
        try {
            List<Set> sets = new ArrayList<>();
            EsPages.terms(client, layout.recordsAlias(), MatchAllQuery.of(m -> m)._toQuery(), "source.id", Map.of(),
                    b -> {
                        String id = EsPages.term(b);
                        sets.add(Set.set(id).withName(names.getOrDefault(id, id)));
                    });
            return sets;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the sources", e);
        }
    }

    @Override
    public boolean exists(String setSpec) {
        return getSets().stream().anyMatch(s -> s.getSpec().equals(setSpec));
    }
}
