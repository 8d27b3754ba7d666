package org.lumbung.camel;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.lumbung.harvest.Checkpoint;
import org.lumbung.harvest.CheckpointStore;
import org.lumbung.harvest.Identify;

/**
 * What an {@code oai-pmh-source} Kamelet remembers between its firings, in memory: each set's checkpoint (so a firing
 * after a complete harvest reads what changed since, and one after a failure resumes where it stopped), the quirks
 * noticed and the format chosen. A restarted application starts afresh: re-reading is harmless, ids are stable.
 */
final class KameletCheckpoints implements CheckpointStore {

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
