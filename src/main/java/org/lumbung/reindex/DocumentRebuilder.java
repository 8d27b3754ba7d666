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
import org.lumbung.index.DocumentIds;
import org.lumbung.index.DocumentMapper;
import org.lumbung.index.IndexDocument;
import org.lumbung.index.JsonBytes;
import org.lumbung.index.RawArchive;
import org.lumbung.index.RepositoryItems;
import org.lumbung.index.Works;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a stored document again from its contributions' raw records, with today's crosswalks and extractors; one
 * whose raw records cannot all be read again is kept as stored. Safe on many threads at once.
 */
final class DocumentRebuilder {

    private static final Logger LOG = LoggerFactory.getLogger("lumbung.reindex");

    /**
     * A document of the old index as read: its id, its sequence number there, the fields a rebuild reads
     * ({@link #READ}), and its whole source where that was read (else null: it is read whole only to be kept).
     */
    record Stored(String id, Long seqNo, IndexDocument read, JsonData whole) {
    }

    /**
     * The fields of a stored document that making it again reads: a third of its source, for the bench corpus. The
     * rest (the Dublin Core, derived, search and facet fields) is made again from the raw records.
     */
    static final List<String> READ = List.of("provenance", "indexedAt", "deleted");

    /**
     * A document as the bulk request carries it, under its id: whether it was made again, when it was indexed, and
     * whether it is one part of a stored document that held two items of one repository.
     */
    record Rendered(String id, BinaryData json, boolean rebuilt, String indexedAt, boolean parted) {
    }

    private final RawArchive archive;
    private final JsonBytes json;

    DocumentRebuilder(RawArchive archive, JsonBytes json) {
        this.archive = archive;
        this.json = json;
    }

    /**
     * The stored document made again: one document, or several where it held two items of one repository, which
     * earlier builds merged by a key the journal put in every article ({@link RepositoryItems}). The part that holds
     * the item the stored id is of (else the first contribution) keeps the stored id; each other takes the id of the
     * item that began it, as if harvested today. One kept as stored is written from its whole source; null when that
     * was not read (the caller reads it and asks {@link #kept}).
     */
    List<Rendered> render(Stored read) {
        IndexDocument stored = read.read();
        List<DcRecord> live = contributions(read.id(), stored);
        if (live == null) {
            return read.whole() == null ? null : List.of(kept(read.id(), read.whole(), stored.indexedAt()));
        }
        List<RepositoryItems.Part> parts = new ArrayList<>(RepositoryItems.apart(live));
        boolean parted = parts.size() > 1;
        // Parted, the document and its new siblings changed now: OAI-PMH harvesters of Lumbung, which ask for what
        // changed since their last visit by this time, must see them. Else the document keeps the time it had, in
        // the text it was stored in (an Instant's, which parsing and writing out again would only give back).
        String when = parted || stored.indexedAt() == null ? Instant.now().toString() : stored.indexedAt();
        if (parted) {
            for (int i = 1; i < parts.size(); i++) {
                if (DocumentIds.safe(parts.get(i).founder().id()).equals(read.id())) {
                    parts.add(0, parts.remove(i));
                    break;
                }
            }
            LOG.info("document {} held {} items of one repository; made again as {} documents", read.id(),
                    live.size(), parts.size());
        }
        List<Rendered> out = new ArrayList<>(parts.size());
        for (int i = 0; i < parts.size(); i++) {
            String id = i == 0 ? read.id() : DocumentIds.safe(parts.get(i).founder().id());
            DcRecord merged = RecordMerger.merge(id, parts.get(i).records(), List.of());
            out.add(new Rendered(id, json.document(DocumentMapper.toDocument(merged, when)).json(), true,
                    stored.indexedAt(), parted));
        }
        return out;
    }

    /** A document kept as it was stored: not made again, a tombstone, or one whose raw records cannot be read. */
    Rendered kept(String id, JsonData whole, String indexedAt) {
        return new Rendered(id, json.of(withWork(id, whole)), false, indexedAt, false);
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
        // Changed, so a fingerprint it carried would not stand for it.
        copy.remove(JsonBytes.FINGERPRINT);
        return copy;
    }

    /**
     * The document's live contributions read again from their raw records; null (kept as stored) for a tombstone,
     * for one none is live of, and when one of them cannot be read again.
     */
    private List<DcRecord> contributions(String id, IndexDocument stored) {
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
        return live.isEmpty() ? null : live;
    }
}
