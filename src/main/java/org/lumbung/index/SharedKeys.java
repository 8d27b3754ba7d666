package org.lumbung.index;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    /**
     * Learns the keys that two records of one repository in this batch, two items, both have. Every batch of every
     * harvest is looked through here, most of them of one repository and with no key shared: the keys are kept per
     * repository as they are, and written out with their kind only when one is found shared.
     */
    void learn(List<DcRecord> records, Map<DcRecord, Identity.Keys> keysOf) {
        Map<String, Map<String, String>> doiHolders = new HashMap<>(2);
        Map<String, Map<String, String>> urlHolders = new HashMap<>(2);
        for (DcRecord record : records) {
            Provenance own = record.provenance().get(0);
            if (record.deleted() || own.oaiIdentifier() == null) {
                continue;
            }
            Identity.Keys keys = keysOf.get(record);
            String item = own.key();
            if (!keys.dois().isEmpty()) {
                Map<String, String> holders = doiHolders.computeIfAbsent(own.sourceId(), r -> new HashMap<>());
                for (String doi : keys.dois()) {
                    learn(holders.putIfAbsent(doi, item), item, "doi:", doi, own.sourceId());
                }
            }
            if (!keys.urls().isEmpty()) {
                Map<String, String> holders = urlHolders.computeIfAbsent(own.sourceId(), r -> new HashMap<>());
                for (String url : keys.urls()) {
                    learn(holders.putIfAbsent(url, item), item, "url:", url, own.sourceId());
                }
            }
        }
    }

    private void learn(String holder, String item, String kind, String key, String repository) {
        if (holder != null && !holder.equals(item)) {
            add(kind + key, repository);
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
        Map<String, Map<String, String>> holders = new HashMap<>(2);
        int learnt = 0;
        for (RecordResolver.Stored document : documents) {
            Map<String, String> items = new HashMap<>(2);
            Set<String> several = new HashSet<>(1);
            for (Provenance p : document.provenance()) {
                String other = p.oaiIdentifier() == null ? null : items.putIfAbsent(p.sourceId(), p.key());
                if (other != null && !other.equals(p.key())) {
                    several.add(p.sourceId());
                }
            }
            for (Map.Entry<String, String> item : items.entrySet()) {
                if (several.contains(item.getKey())) {
                    continue;
                }
                Map<String, String> byKey = holders.computeIfAbsent(item.getKey(), r -> new HashMap<>());
                for (String key : document.keys()) {
                    String holder = byKey.putIfAbsent(key, item.getValue());
                    if (holder != null && !holder.equals(item.getValue()) && add(key, item.getKey())) {
                        learnt++;
                    }
                }
            }
        }
        return learnt;
    }
}
