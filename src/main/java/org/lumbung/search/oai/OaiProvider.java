package org.lumbung.search.oai;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import io.gdcc.xoai.dataprovider.DataProvider;
import io.gdcc.xoai.dataprovider.model.Context;
import io.gdcc.xoai.dataprovider.model.MetadataFormat;
import io.gdcc.xoai.dataprovider.repository.Repository;
import io.gdcc.xoai.dataprovider.repository.RepositoryConfiguration;
import io.gdcc.xoai.model.oaipmh.DeletedRecord;
import io.gdcc.xoai.model.oaipmh.Granularity;
import io.gdcc.xoai.model.oaipmh.OAIPMH;
import io.gdcc.xoai.xml.XmlWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import javax.xml.stream.XMLStreamException;
import org.lumbung.harvest.Identify;
import org.lumbung.index.IndexLayout;
import org.lumbung.source.SourceState;
import org.lumbung.source.SourceStore;

/**
 * Lumbung's OAI-PMH data provider (XOAI's): its normalised records as {@code oai_dc}, one set per source, datestamps
 * that are Lumbung's own change times (so a downstream incremental harvest never misses a record indexed late),
 * identifiers in Lumbung's namespace, deletions kept for good (tombstones) and resumption tokens that page through
 * any number of records. Each request gets its own provider, so that its token format can carry the cursor.
 */
public final class OaiProvider {

    /** What Identify says, and how lists are paged. */
    public record Options(String repositoryName, String baseUrl, String adminEmail, String repositoryIdentifier,
                          int pageSize, Duration tokenTtl) {
    }

    private static final Duration CACHED = Duration.ofSeconds(30);

    private final ElasticsearchClient client;
    private final IndexLayout layout;
    private final SourceStore sources;
    private final OaiIdentifiers identifiers;
    private final Options options;
    private final Context context;
    private volatile Snapshot snapshot;

    /** What every request needs and may be slightly stale: the sources' names and addresses, the earliest datestamp. */
    private record Snapshot(Instant at, Map<String, String> names, Map<String, String> baseUrls, Instant earliest) {
    }

    public OaiProvider(ElasticsearchClient client, IndexLayout layout, SourceStore sources, OaiIdentifiers identifiers,
                       Options options) {
        this.client = client;
        this.layout = layout;
        this.sources = sources;
        this.identifiers = identifiers;
        this.options = options;
        this.context = new Context().withMetadataFormat(MetadataFormat.metadataFormat("oai_dc")
                .withNamespace(OaiDcWriter.OAI_DC).withSchemaLocation(OaiDcWriter.OAI_DC_SCHEMA)
                .withTransformer(MetadataFormat.identity()));
    }

    /** Answers one request: a GET's query string, or a POST's form (see {@link OaiArguments}). */
    public byte[] handle(String rawQuery, Object form) throws IOException {
        Map<String, String[]> parameters = OaiArguments.of(rawQuery, form);
        Snapshot now = snapshot();
        CursorTokens tokens = new CursorTokens(this::pitAlive);
        String keepAlive = options.tokenTtl().toSeconds() + "s";
        Repository repository = new Repository(configuration(tokens, now.earliest()))
                .withItemRepository(new OaiItems(client, layout, identifiers, tokens, keepAlive, now.baseUrls()))
                .withSetRepository(new SourceSets(client, layout, now.names()));
        OAIPMH response = new DataProvider(context, repository).handle(parameters);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XmlWriter writer = new XmlWriter(out, repository.getConfiguration())) {
            writer.writeStartDocument();
            writer.write(response);
            writer.writeEndDocument();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write the OAI-PMH response: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    private RepositoryConfiguration configuration(CursorTokens tokens, Instant earliest) {
        RepositoryConfiguration.RepositoryConfigurationBuilder builder = new RepositoryConfiguration
                .RepositoryConfigurationBuilder()
                .withRepositoryName(options.repositoryName())
                .withBaseUrl(options.baseUrl())
                .withAdminEmail(options.adminEmail())
                .withEarliestDate(earliest)
                .withGranularity(Granularity.Second)
                .withDeleteMethod(DeletedRecord.PERSISTENT)
                .withMaxListRecords(options.pageSize())
                .withMaxListIdentifiers(options.pageSize())
                .withMaxListSets(10_000)
                .withRequireFromAfterEarliest(false)
                .withResumptionTokenFormat(tokens);
        // The oai-identifier description is only valid for a repository identifier that is a domain name.
        if (options.repositoryIdentifier().contains(".")) {
            builder.withDescription("<oai-identifier xmlns=\"http://www.openarchives.org/OAI/2.0/oai-identifier\""
                    + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\""
                    + "http://www.openarchives.org/OAI/2.0/oai-identifier"
                    + " http://www.openarchives.org/OAI/2.0/oai-identifier.xsd\"><scheme>oai</scheme><repositoryIdentifier>"
                    + options.repositoryIdentifier() + "</repositoryIdentifier><delimiter>:</delimiter><sampleIdentifier>"
                    + identifiers.of("journal:oai:journal.example.ac.id:article/1") + "</sampleIdentifier></oai-identifier>");
        }
        return builder.build();
    }

    private Snapshot snapshot() throws IOException {
        Snapshot current = snapshot;
        if (current != null && current.at().plus(CACHED).isAfter(Instant.now())) {
            return current;
        }
        Map<String, String> names = new HashMap<>();
        Map<String, String> baseUrls = new HashMap<>();
        for (SourceState s : sources.all()) {
            Identify identify = s.identify();
            String name = s.definition() != null && s.definition().name() != null ? s.definition().name()
                    : identify != null ? identify.repositoryName() : null;
            String baseUrl = s.definition() != null && s.definition().baseUrl() != null ? s.definition().baseUrl()
                    : identify != null ? identify.baseUrl() : null;
            if (name != null) {
                names.put(s.id(), name);
            }
            if (baseUrl != null) {
                baseUrls.put(s.id(), baseUrl);
            }
        }
        Double min = client.search(s -> s.index(layout.recordsAlias()).size(0)
                .aggregations("earliest", a -> a.min(m -> m.field("indexedAt"))), Void.class)
                .aggregations().get("earliest").min().value();
        Instant earliest = min == null || min.isNaN() || min.isInfinite()
                ? Instant.now().truncatedTo(ChronoUnit.SECONDS) : Instant.ofEpochMilli(min.longValue()).truncatedTo(ChronoUnit.SECONDS);
        Snapshot fresh = new Snapshot(Instant.now(), Map.copyOf(names), Map.copyOf(baseUrls), earliest);
        snapshot = fresh;
        return fresh;
    }

    /** Whether a point in time still exists (a token unused past its lifetime has lost it). */
    private boolean pitAlive(String pit) {
        try {
            client.search(s -> s.pit(p -> p.id(pit)).size(0).trackTotalHits(t -> t.enabled(false)), Void.class);
            return true;
        } catch (ElasticsearchException e) {
            return false;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
