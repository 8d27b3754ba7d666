package org.lumbung.bench;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Counts the records a benchmark handled, so that JMH reports records per second beside calls per second. */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class Records {

    public long records;

    @Setup(Level.Iteration)
    public void reset() {
        records = 0;
    }
}
