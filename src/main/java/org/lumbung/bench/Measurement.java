package org.lumbung.bench;

/**
 * One timed indexing of a corpus, by Lumbung or by a ceiling. Memory figures are those of the harvesting JVM
 * (bytes; 0 for the ceiling, whose client costs nothing worth measuring).
 *
 * @param side            {@code lumbung}, {@code bulk} (the ceiling of Lumbung's documents) or {@code plain} (of plain
 *                        Dublin Core)
 * @param records         documents indexed (and counted in the index afterwards)
 * @param seconds         from the first request to the last acknowledgement
 * @param cpuSeconds      CPU time of the harvesting JVM, its start-up included
 * @param peakHeapUsed    the most heap in use, seen before a collection
 * @param peakHeapAfterGc the most heap left after any collection (floating garbage in the old generation included)
 * @param peakLiveHeap    the most heap left after a forced full collection (0 unless live sampling was asked for)
 * @param peakRss         the harvesting JVM's peak resident set (VmHWM)
 * @param compileSeconds  the harvesting JVM's JIT compilers' time (its CompilationMXBean's, as {@code -XX:+CITime}
 *                        counts it), -1 where the JVM does not say
 * @param gcSeconds       the harvesting JVM's collection pauses
 * @param esCpuSeconds    CPU time Elasticsearch spent meanwhile (all nodes), its own housekeeping included
 */
record Measurement(String side, int records, double seconds, double cpuSeconds, long peakHeapUsed,
                   long peakHeapAfterGc, long peakLiveHeap, long peakRss, double compileSeconds, double gcSeconds,
                   double esCpuSeconds) {

    static Measurement ceiling(String side, int records, double seconds) {
        return new Measurement(side, records, seconds, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    Measurement withEsCpu(double seconds) {
        return new Measurement(side, records, this.seconds, cpuSeconds, peakHeapUsed, peakHeapAfterGc, peakLiveHeap,
                peakRss, compileSeconds, gcSeconds, seconds);
    }

    /** The harvesting JVM's CPU that was neither compiling nor collecting (start-up and the work), in ms a record. */
    double restMillisPerRecord() {
        return (cpuSeconds - Math.max(compileSeconds, 0) - gcSeconds) * 1000 / records;
    }

    double perSecond() {
        return records / seconds;
    }

    double esCpuPerThousand() {
        return esCpuSeconds * 1000 / records;
    }
}
