package org.lumbung.reindex;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.apache.camel.ProducerTemplate;
import org.lumbung.harvest.HarvestException;
import org.lumbung.harvest.OaiPageParser;
import org.lumbung.harvest.RawRecord;
import org.lumbung.harvest.RecordBatch;
import org.lumbung.index.DeadLetterStore;
import org.lumbung.index.DeadLetterStore.DeadLetter;
import org.lumbung.index.DocumentIds;
import org.lumbung.index.IndexLayout;
import org.lumbung.pipeline.Delivery;
import org.lumbung.pipeline.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replays dead letters once their cause is fixed (a crosswalk added, a mapping widened): a record refused by a
 * crosswalk goes through direct:records again; a document refused by the index is written again as it was. A letter
 * that succeeds is removed; one that fails again stays, with its new reason.
 */
public final class Replayer {

    private static final Logger LOG = LoggerFactory.getLogger("lumbung.deadletter");

    /** How a replay went. */
    public record Result(int tried, int indexed, int stillFailing) {
    }

    private final DeadLetterStore store;
    private final ElasticsearchClient client;
    private final IndexLayout layout;
    private final OaiPageParser parser = new OaiPageParser();

    public Replayer(DeadLetterStore store, ElasticsearchClient client, IndexLayout layout) {
        this.store = store;
        this.client = client;
        this.layout = layout;
    }

    public Result replay(String sourceId, ProducerTemplate routes) throws IOException, InterruptedException {
        List<DeadLetter> letters = store.list(sourceId, 10_000);
        int indexed = 0;
        for (DeadLetter letter : letters) {
            if (replayed(letter, routes)) {
                store.delete(letter.id());
                indexed++;
            }
        }
        return new Result(letters.size(), indexed, letters.size() - indexed);
    }

    private boolean replayed(DeadLetter letter, ProducerTemplate routes) throws InterruptedException {
        if (letter.raw() == null) {
            LOG.warn("dead letter {} has no raw text to replay", letter.id());
            return false;
        }
        if ("index".equals(letter.stage())) {
            try {
                client.index(i -> i.index(layout.recordsAlias()).id(DocumentIds.safe(letter.recordId()))
                        .withJson(new StringReader(letter.raw())));
                return true;
            } catch (IOException | RuntimeException e) {
                LOG.warn("dead letter {} is still refused: {}", letter.id(), e.getMessage());
                return false;
            }
        }
        RawRecord record;
        try {
            record = parser.parseRecord(letter.raw(), letter.sourceId(), letter.metadataPrefix());
        } catch (HarvestException e) {
            LOG.warn("dead letter {} still cannot be read: {}", letter.id(), e.reason());
            return false;
        }
        Delivery delivery = routes.requestBody("direct:records",
                new RecordBatch(letter.sourceId(), "(replay)", List.of(record)), Delivery.class);
        Outcome outcome = delivery.await();
        return outcome.failed() == 0 && outcome.indexed() + outcome.deleted() == 1;
    }
}
