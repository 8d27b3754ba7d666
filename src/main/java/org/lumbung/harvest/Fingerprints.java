package org.lumbung.harvest;

/**
 * The records read in one window, as 64-bit fingerprints of identifier and datestamp: to count each record once when
 * a window is read again, and to notice a repeated token serving records already read. An open-addressing set of
 * longs (8 to 16 bytes a record, no object per record), so a window of a million records costs about 16 MB.
 */
final class Fingerprints {

    private static final long EMPTY = 0;
    private long[] slots = new long[1024];
    private int size;

    /** The fingerprint of one version of a record: a record changed during a harvest is a new one. */
    static long of(String identifier, String datestamp) {
        long h = 0xcbf29ce484222325L;
        h = mix(h, identifier);
        h = (h ^ 0x1f) * 0x100000001b3L;
        h = mix(h, datestamp == null ? "" : datestamp);
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h == EMPTY ? 1 : h;
    }

    private static long mix(long h, String s) {
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * 0x100000001b3L;
        }
        return h;
    }

    /** Adds a fingerprint; false when it was there already. */
    boolean add(long fingerprint) {
        if (2 * (size + 1) > slots.length) {
            grow();
        }
        if (!insert(slots, fingerprint)) {
            return false;
        }
        size++;
        return true;
    }

    boolean contains(long fingerprint) {
        int mask = slots.length - 1;
        for (int i = (int) (fingerprint ^ fingerprint >>> 32) & mask; slots[i] != EMPTY; i = i + 1 & mask) {
            if (slots[i] == fingerprint) {
                return true;
            }
        }
        return false;
    }

    int size() {
        return size;
    }

    /** Adds every fingerprint of another set (what a list read before gave, to count it once). */
    void addAll(Fingerprints other) {
        for (long fingerprint : other.slots) {
            if (fingerprint != EMPTY) {
                add(fingerprint);
            }
        }
    }

    void clear() {
        slots = new long[1024];
        size = 0;
    }

    private static boolean insert(long[] table, long fingerprint) {
        int mask = table.length - 1;
        int i = (int) (fingerprint ^ fingerprint >>> 32) & mask;
        while (table[i] != EMPTY) {
            if (table[i] == fingerprint) {
                return false;
            }
            i = i + 1 & mask;
        }
        table[i] = fingerprint;
        return true;
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        for (long f : old) {
            if (f != EMPTY) {
                insert(slots, f);
            }
        }
    }
}
