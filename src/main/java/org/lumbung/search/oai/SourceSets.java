package org.lumbung.search.oai;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import io.gdcc.xoai.dataprovider.model.Set;
import io.gdcc.xoai.dataprovider.repository.SetRepository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
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
            List<StringTermsBucket> buckets = client.search(s -> s.index(layout.recordsAlias()).size(0)
                    .aggregations("sources", a -> a.terms(t -> t.field("source.id").size(10_000))), Void.class)
                    .aggregations().get("sources").sterms().buckets().array();
            return buckets.stream().map(b -> b.key().stringValue())
                    .map(id -> Set.set(id).withName(names.getOrDefault(id, id))).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the sources", e);
        }
    }

    @Override
    public boolean exists(String setSpec) {
        return getSets().stream().anyMatch(s -> s.getSpec().equals(setSpec));
    }
}
