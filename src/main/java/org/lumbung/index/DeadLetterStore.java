package org.lumbung.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lumbung.pipeline.RecordFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records that could not be read or indexed, kept whole in {@code <prefix>-deadletter} with their source, id,
 * stage, reason and raw text, searchable in Kibana and replayable once the cause is fixed. A record that fails again
 * replaces its earlier dead letter.
 */
public final class DeadLetterStore implements DeadLetterWriter {

    private static final Logger LOG = LoggerFactory.getLogger("lumbung.deadletter");

    /** A stored dead letter; its id is null until stored. */
    public record DeadLetter(String id, String sourceId, String recordId, String url, String reason, String stage,
                             String metadataPrefix, String raw, String at) {

        /** A record the harvest could not parse (stage harvest). */
        static DeadLetter harvested(String sourceId, String oaiIdentifier, String url, String reason, String raw) {
            return new DeadLetter(null, sourceId, oaiIdentifier, url, reason, RecordFailure.Stage.HARVEST.words(), null,
                    raw, Instant.now().toString());
        }

        /** A record or document another stage refused; raw as the failure has it. */
        static DeadLetter of(RecordFailure failure, String metadataPrefix) {
            return new DeadLetter(null, failure.sourceId(), failure.recordId(), null, failure.reason(),
                    failure.stage().words(), metadataPrefix, failure.raw(), Instant.now().toString());
        }

        /** Logged before it is stored: the log still names the record when the store cannot be written. */
        void log() {
            LOG.error("source {}, record {}: {}", sourceId, recordId, reason);
        }
    }

    private final ElasticsearchClient client;
    private final String index;

    public DeadLetterStore(ElasticsearchClient client, IndexLayout layout) {
        this.client = client;
        this.index = layout.deadletterIndex();
    }

    @Override
    public void write(DeadLetter letter) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("sourceId", letter.sourceId());
        doc.put("recordId", letter.recordId());
        doc.put("url", letter.url());
        doc.put("reason", letter.reason());
        doc.put("stage", letter.stage());
        doc.put("metadataPrefix", letter.metadataPrefix());
        doc.put("raw", letter.raw());
        doc.put("at", letter.at());
        doc.values().removeIf(java.util.Objects::isNull);
        try {
            client.index(i -> i.index(index).id(DocumentIds.safe(letter.sourceId() + ":" + letter.recordId()))
                    .document(doc));
        } catch (IOException | RuntimeException e) {
            // The log line still names the record; the index may be down, which is why it failed.
            LOG.error("could not store the dead letter of {} ({}): {}", letter.recordId(), letter.sourceId(), e.toString());
        }
    }

    /** The dead letters of a source (all sources when null), oldest first, at most {@code max}. */
    public List<DeadLetter> list(String sourceId, int max) throws IOException {
        client.indices().refresh(r -> r.index(index));
        List<DeadLetter> out = new ArrayList<>();
        for (Hit<DeadLetter> hit : client.search(s -> s.index(index).size(max)
                .query(q -> sourceId == null ? q.matchAll(m -> m) : q.term(t -> t.field("sourceId").value(sourceId)))
                .sort(o -> o.field(f -> f.field("at"))), DeadLetter.class).hits().hits()) {
            DeadLetter d = hit.source();
            out.add(new DeadLetter(hit.id(), d.sourceId(), d.recordId(), d.url(), d.reason(), d.stage(),
                    d.metadataPrefix(), d.raw(), d.at()));
        }
        return out;
    }

    public void delete(String id) throws IOException {
        client.delete(d -> d.index(index).id(id));
    }
}
