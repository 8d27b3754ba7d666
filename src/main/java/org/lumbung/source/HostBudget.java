package org.lumbung.source;

/**
 * Room on a host for one more source run, shared by whoever runs sources against it. A harvest sends its requests one
 * after another, so a host's runs bound its requests in flight.
 */
public interface HostBudget {

    /** Takes one of the host's slots for a run; false when all are held (by any worker). Never waits. */
    boolean take(String host);

    /** Gives back a slot this worker took for the host. */
    void give(String host);

    /** This process alone: the run scheduler's own count per host is the whole budget. */
    HostBudget LOCAL = new HostBudget() {
        @Override
        public boolean take(String host) {
            return true;
        }

        @Override
        public void give(String host) {
            // nothing held
        }
    };
}
