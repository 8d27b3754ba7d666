package org.lumbung.reindex;

import co.elastic.clients.json.JsonData;
import co.elastic.clients.util.BinaryData;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lumbung.dc.DcRecord;
import org.lumbung.dc.Provenance;
import org.lumbung.dc.RecordMerger;
import org.lumbung.index.ArchiveException;
import org.lumbung.index.DocumentMapper;
import org.lumbung.index.IndexDocument;
import org.lumbung.index.JsonBytes;
import org.lumbung.index.RawArchive;
import org.lumbung.index.Works;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a stored document again from its contributions' raw records, with today's crosswalks and extractors; one
 * whose raw records cannot all be read again is kept as stored. Safe on many threads at once.
 */
final class DocumentRebuilder {

    private static final Logger LOG = LoggerFactory.getLogger("lumbung.reindex");

    /** A document of the old index as read: its id, its sequence number there, and its source. */
    record Stored(String id, Long seqNo, JsonData source) {
    }

    /** A document as the bulk request carries it, whether it was made again, and when it was indexed. */
    record Rendered(BinaryData json, boolean rebuilt, String indexedAt) {
    }

    private final RawArchive archive;
    private final JsonBytes json;

    DocumentRebuilder(RawArchive archive, JsonBytes json) {
        this.archive = archive;
        this.json = json;
    }

    Rendered render(Stored read) {
        IndexDocument stored = read.source().to(IndexDocument.class);
        IndexDocument document = rebuild(read.id(), stored);
        return new Rendered(json.of(document != null ? document : withWork(read.id(), read.source())),
                document != null, stored.indexedAt());
    }

    /**
     * A document kept as stored, from before works (template version 5), made a work of its own: collapsing on a
     * missing work key would show every such document as one hit.
     */
    @SuppressWarnings("unchecked")
    private static Object withWork(String id, JsonData stored) {
        Map<String, Object> doc = stored.to(Map.class);
        if (doc.containsKey("work") || Boolean.TRUE.equals(doc.get("deleted"))) {
            return stored;
        }
        Map<String, Object> copy = new LinkedHashMap<>(doc);
        copy.put("work", Map.of("key", Works.ID + id));
        return copy;
    }

    /** The document made again from its contributions' raw records; null when one of them cannot be read again. */
    private IndexDocument rebuild(String id, IndexDocument stored) {
        if (stored.deleted()) {
            return null;
        }
        List<DcRecord> live = new ArrayList<>();
        for (IndexDocument.Provenance stamp : stored.contributions()) {
            Provenance p = stamp.toContribution();
            try {
                DcRecord again = archive.read(p);
                if (!again.deleted()) {
                    live.add(again);
                }
            } catch (ArchiveException | RuntimeException e) {
                LOG.warn("document {}: contribution {} cannot be read again ({}); the document is kept as stored", id,
                        p.key(), e.getMessage());
                return null;
            }
        }
        if (live.isEmpty()) {
            return null;
        }
        Instant when = stored.indexedAt() == null ? Instant.now() : Instant.parse(stored.indexedAt());
        return DocumentMapper.toDocument(RecordMerger.merge(id, live, List.of()), when);
    }
}
