package org.lumbung.harvest;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checkpoints, quirks and the chosen format kept in memory, for a harvester with no Elasticsearch and no folder of its
 * own (the {@code oai-pmh-source} Kamelet with stateDir {@code none}): each harvest after a complete one reads what
 * changed since, and one after a failure resumes where it stopped. A restarted application starts afresh:
 * re-reading is harmless, ids are stable.
 */
public final class MemoryCheckpointStore implements CheckpointStore {

    private final Map<String, Checkpoint> checkpoints = new ConcurrentHashMap<>();
    private final Set<String> quirks = ConcurrentHashMap.newKeySet();
    private final Map<String, String> formats = new ConcurrentHashMap<>();

    private static String key(String sourceId, String set) {
        return sourceId + " " + (set == null ? "" : set);
    }

    @Override
    public Checkpoint checkpoint(String sourceId, String set) {
        return checkpoints.getOrDefault(key(sourceId, set), Checkpoint.none(set));
    }

    @Override
    public void save(String sourceId, Checkpoint checkpoint) {
        checkpoints.put(key(sourceId, checkpoint.set()), checkpoint);
    }

    @Override
    public void identified(String sourceId, Identify identify) {
        // the harvest asks Identify each time; nothing else reads it back
    }

    @Override
    public void quirk(String sourceId, String quirk, String detail) {
        quirks.add(sourceId + " " + quirk);
    }

    @Override
    public boolean hasQuirk(String sourceId, String quirk) {
        return quirks.contains(sourceId + " " + quirk);
    }

    @Override
    public String chosenFormat(String sourceId) {
        return formats.get(sourceId);
    }

    @Override
    public void formatChosen(String sourceId, String metadataPrefix) {
        formats.put(sourceId, metadataPrefix);
    }
}
