package org.lumbung.harvest;

/**
 * Where the harvester keeps what it must remember per source: the checkpoint of each set, the repository's Identify,
 * the quirks noticed and a move of its base URL. In Lumbung, Elasticsearch (written with optimistic concurrency under
 * the source's lease).
 */
public interface CheckpointStore {

    Checkpoint checkpoint(String sourceId, String set);

    /** Saves the checkpoint; fails if this Lumbung no longer holds the source's lease. */
    void save(String sourceId, Checkpoint checkpoint) throws HarvestException;

    void identified(String sourceId, Identify identify);

    /** Records a quirk of the repository on the source (for example that it ignores from). */
    void quirk(String sourceId, String quirk, String detail);

    /** Whether a quirk was recorded before. */
    boolean hasQuirk(String sourceId, String quirk);

    /** The format chosen for a source of metadataPrefix {@code auto}, if one was. */
    default String chosenFormat(String sourceId) {
        return null;
    }

    /** Remembers the format chosen for a source of metadataPrefix {@code auto}. */
    default void formatChosen(String sourceId, String metadataPrefix) {
        // nothing kept by default
    }

    /**
     * Whether this harvester may still write for its run of the source (its lease has not been taken over by another
     * worker); asked before a write that no checkpoint guards, such as tombstones. True where nothing is leased.
     */
    default boolean holds(String sourceId) {
        return true;
    }

    /**
     * When an operator asked the source's running harvest to stop, or null: a harvest asked before it begins stops
     * before its first request (a source of several sets, one of which was stopped, stops them all).
     */
    default String stopRequested(String sourceId) {
        return null;
    }

    /**
     * Records that the source's base URL answered a permanent redirect elsewhere ({@code from} the base URL asked
     * {@code to} the one it answers at now), for an operator to see and accept.
     */
    default void moved(String sourceId, String from, String to) {
        // nothing kept by default
    }

    /** Remembers nothing: every harvest starts afresh (for one-off harvests of an explicit window). */
    CheckpointStore NONE = new CheckpointStore() {
        @Override
        public Checkpoint checkpoint(String sourceId, String set) {
            return Checkpoint.none(set);
        }

        @Override
        public void save(String sourceId, Checkpoint checkpoint) {
            // nothing kept
        }

        @Override
        public void identified(String sourceId, Identify identify) {
            // nothing kept
        }

        @Override
        public void quirk(String sourceId, String quirk, String detail) {
            // nothing kept
        }

        @Override
        public boolean hasQuirk(String sourceId, String quirk) {
            return false;
        }
    };
}
