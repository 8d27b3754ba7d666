package org.lumbung.search.oai;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.gdcc.xoai.dataprovider.exceptions.handler.HandlerException;
import io.gdcc.xoai.dataprovider.exceptions.handler.IdDoesNotExistException;
import io.gdcc.xoai.dataprovider.filter.ScopedFilter;
import io.gdcc.xoai.dataprovider.model.Item;
import io.gdcc.xoai.dataprovider.model.ItemIdentifier;
import io.gdcc.xoai.dataprovider.model.MetadataFormat;
import io.gdcc.xoai.dataprovider.model.Set;
import io.gdcc.xoai.dataprovider.repository.ItemRepository;
import io.gdcc.xoai.dataprovider.repository.ResultsPage;
import io.gdcc.xoai.model.oaipmh.ResumptionToken;
import io.gdcc.xoai.model.oaipmh.results.record.About;
import io.gdcc.xoai.model.oaipmh.results.record.Metadata;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.lumbung.index.IndexDocument;
import org.lumbung.index.IndexLayout;

/**
 * The records behind the alias as OAI-PMH items, in the order of Lumbung's own change times ({@code indexedAt}, the
 * datestamp), one page per request: a list opens a point in time (so records that change meanwhile neither repeat
 * nor go missing within it) and each page continues with search_after from the last record sent, however deep.
 * Tombstones are items with deleted headers. Every list is limited to one set (a source) and from/until, by the
 * token XOAI hands over; XOAI's own filters have no conditions here and are not consulted.
 */
final class OaiItems implements ItemRepository {

    private static final List<String> FIELDS = List.of("dc", "lang", "source", "provenance", "indexedAt", "deleted");

    private final ElasticsearchClient client;
    private final IndexLayout layout;
    private final OaiIdentifiers identifiers;
    private final CursorTokens tokens;
    private final String keepAlive;
    private final Map<String, String> baseUrls;

    OaiItems(ElasticsearchClient client, IndexLayout layout, OaiIdentifiers identifiers, CursorTokens tokens,
             String keepAlive, Map<String, String> baseUrls) {
        this.client = client;
        this.layout = layout;
        this.identifiers = identifiers;
        this.tokens = tokens;
        this.keepAlive = keepAlive;
        this.baseUrls = baseUrls;
    }

    /** One item: its header, and for a live record its metadata and provenance. */
    private record OaiItem(String getIdentifier, Instant getDatestamp, List<Set> getSets, boolean isDeleted,
                           Metadata getMetadata, List<About> getAbout) implements Item {
    }

    @Override
    public ItemIdentifier getItemIdentifier(String identifier) throws IdDoesNotExistException {
        return getItem(identifier);
    }

    @Override
    public Item getItem(String identifier, MetadataFormat format) throws IdDoesNotExistException {
        return getItem(identifier);
    }

    private Item getItem(String identifier) throws IdDoesNotExistException {
        String id = identifiers.documentId(identifier).orElseThrow(() -> new IdDoesNotExistException(identifier));
        try {
            GetResponse<IndexDocument> doc = client.get(g -> g.index(layout.recordsAlias()).id(id)
                    .sourceIncludes(FIELDS), IndexDocument.class);
            if (!doc.found() || doc.source() == null) {
                throw new IdDoesNotExistException(identifier);
            }
            return item(id, doc.source(), true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read record " + id, e);
        }
    }

    @Override
    public ResultsPage<ItemIdentifier> getItemIdentifiers(List<ScopedFilter> filters, MetadataFormat format,
                                                          int max, ResumptionToken.Value token) throws HandlerException {
        return page(token, max, false, item -> item);
    }

    @Override
    public ResultsPage<Item> getItems(List<ScopedFilter> filters, MetadataFormat format, int max,
                                      ResumptionToken.Value token) throws HandlerException {
        return page(token, max, true, item -> item);
    }

    private <T> ResultsPage<T> page(ResumptionToken.Value token, int max, boolean withMetadata,
                                    Function<Item, T> as) {
        try {
            Cursor cursor = tokens.received();
            String pit = cursor != null ? cursor.pit()
                    : client.openPointInTime(o -> o.index(layout.recordsAlias()).keepAlive(k -> k.time(keepAlive))).id();
            SearchResponse<IndexDocument> response = client.search(s -> {
                s.pit(p -> p.id(pit).keepAlive(k -> k.time(keepAlive))).size(max).trackTotalHits(t -> t.enabled(true))
                        .query(query(token)).sort(SortOptions.of(o -> o.field(f -> f.field("indexedAt").order(SortOrder.Asc))),
                                SortOptions.of(o -> o.field(f -> f.field("_shard_doc").order(SortOrder.Asc))))
                        .source(src -> src.filter(f -> f.includes(withMetadata ? FIELDS : List.of("source", "indexedAt", "deleted"))));
                if (cursor != null) {
                    s.searchAfter(FieldValue.of(cursor.indexedAt()), FieldValue.of(cursor.shardDoc()));
                }
                return s;
            }, IndexDocument.class);
            List<T> items = new ArrayList<>();
            for (Hit<IndexDocument> hit : response.hits().hits()) {
                items.add(as.apply(item(hit.id(), hit.source(), withMetadata)));
            }
            long total = response.hits().total() == null ? 0 : response.hits().total().value();
            boolean more = token.getOffset() + items.size() < total && !items.isEmpty();
            String nextPit = response.pitId() == null ? pit : response.pitId();
            if (more) {
                List<FieldValue> last = response.hits().hits().get(items.size() - 1).sort();
                tokens.next(new Cursor(nextPit, last.get(0).longValue(), last.get(1).longValue()));
            } else {
                client.closePointInTime(c -> c.id(nextPit));
            }
            return new ResultsPage<>(token, more, items, (int) Math.min(total, Integer.MAX_VALUE));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list records", e);
        }
    }

    /** The set (a source) and from/until in seconds, until inclusive; tombstones included, as deleted headers. */
    private static Query query(ResumptionToken.Value token) {
        return Query.of(q -> q.bool(b -> {
            if (token.hasSetSpec()) {
                b.filter(f -> f.term(t -> t.field("source.id").value(token.getSetSpec())));
            }
            if (token.hasFrom() || token.hasUntil()) {
                b.filter(f -> f.range(r -> r.date(d -> {
                    d.field("indexedAt");
                    if (token.hasFrom()) {
                        d.gte(token.getFrom().truncatedTo(ChronoUnit.SECONDS).toString());
                    }
                    if (token.hasUntil()) {
                        d.lt(token.getUntil().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1).toString());
                    }
                    return d;
                })));
            }
            return b;
        }));
    }

    private Item item(String id, IndexDocument source, boolean withMetadata) {
        boolean deleted = source.deleted();
        String sourceId = source.source() == null ? null : source.source().id();
        Instant datestamp = Instant.parse(String.valueOf(source.indexedAt())).truncatedTo(ChronoUnit.SECONDS);
        List<Set> sets = sourceId == null ? List.of() : List.of(Set.set(sourceId));
        Metadata metadata = null;
        List<About> about = List.of();
        if (withMetadata && !deleted) {
            metadata = Metadata.copyFromStream(new ByteArrayInputStream(
                    OaiDcWriter.oaiDc(source).getBytes(StandardCharsets.UTF_8)));
            String provenance = OaiDcWriter.provenance(source, baseUrls);
            about = provenance == null ? List.of() : List.of(new About(provenance));
        }
        return new OaiItem(identifiers.of(id), datestamp, sets, deleted, metadata, about);
    }

    /** An instant as OAI-PMH writes it, to the second. */
    static String seconds(String instant) {
        try {
            return Instant.parse(instant).truncatedTo(ChronoUnit.SECONDS).toString();
        } catch (RuntimeException e) {
            return instant;
        }
    }
}
