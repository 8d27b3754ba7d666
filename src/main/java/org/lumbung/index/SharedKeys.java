package org.lumbung.index;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lumbung.dc.DcRecord;
import org.lumbung.dc.Provenance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Merge keys that two items of one repository were found to share: a journal's home page or an issue's DOI in every
 * article's record. Such a key tells no article from another, so it places no contribution, of that repository or of
 * any other (a mirror's record goes with the article whose own address or DOI it has, as
 * {@link RepositoryItems#apart} places it too); a DOI among them is no one's work; and the resolver's look-up leaves
 * them out, since every article of the journal matches them and would crowd the document a record belongs with out
 * of the few hits the look-up returns. Learnt from each batch and each look-up, kept for the process, the least
 * recently used out first.
 */
final class SharedKeys {

    private static final Logger LOG = LoggerFactory.getLogger("lumbung.index");
    /** Keys kept: a few per journal or book whose records carry its keys, for some thousands of them. */
    static final int KEPT = 20_000;

    private final Map<String, Boolean> keys = new LinkedHashMap<>(256, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > KEPT;
        }
    };

    synchronized boolean contains(String key) {
        return keys.containsKey(key);
    }

    /** Whether the key was not known to be shared before. */
    synchronized boolean add(String key, String repository) {
        if (keys.put(key, Boolean.TRUE) != null) {
            return false;
        }
        LOG.info("merge key {} is shared by several items of repository {}: it places no contribution", key,
                repository);
        return true;
    }

    /** Learns the keys that two records of one repository in this batch, two items, both have. */
    void learn(List<DcRecord> records, Map<DcRecord, Identity.Keys> keysOf) {
        Map<String, String> holders = new HashMap<>();
        for (DcRecord record : records) {
            Provenance own = record.provenance().get(0);
            if (record.deleted() || own.oaiIdentifier() == null) {
                continue;
            }
            Identity.Keys keys = keysOf.get(record);
            keys.dois().forEach(d -> learn(holders, own.sourceId(), "doi:" + d, own.key()));
            keys.urls().forEach(u -> learn(holders, own.sourceId(), "url:" + u, own.key()));
        }
    }

    /**
     * Learns the keys that two stored documents holding items of one repository both have. A document holding
     * several items of a repository (merged by an earlier build) does not tell which of them has a key; the rebuild
     * parts it ({@link RepositoryItems#apart}).
     *
     * @return how many keys were not known to be shared before
     */
    int learnStored(Collection<RecordResolver.Stored> documents) {
        Map<String, String> holders = new HashMap<>();
        int learnt = 0;
        for (RecordResolver.Stored document : documents) {
            Map<String, String> items = new HashMap<>();
            for (Provenance p : document.provenance()) {
                if (p.oaiIdentifier() != null && items.putIfAbsent(p.sourceId(), p.key()) != null) {
                    items.put(p.sourceId(), null);
                }
            }
            for (Map.Entry<String, String> item : items.entrySet()) {
                if (item.getValue() == null) {
                    continue;
                }
                for (String key : document.keys()) {
                    learnt += learn(holders, item.getKey(), key, item.getValue()) ? 1 : 0;
                }
            }
        }
        return learnt;
    }

    private boolean learn(Map<String, String> holders, String repository, String key, String item) {
        String holder = holders.putIfAbsent(repository + '\n' + key, item);
        return holder != null && !holder.equals(item) && add(key, repository);
    }
}
