package org.lumbung.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each source's wait against its host's fair share of the harvest: a fair schedule passes, a starved host shows. */
class FleetFairnessTest {

    /** A harvest of one second on the host, starting {@code at} seconds in. */
    private static FleetFairness.Harvest second(String host, int source, int at) {
        return new FleetFairness.Harvest(host + "-s" + source, host, at * 1000L, at * 1000L + 1000);
    }

    @Test
    void hostsServedAtTheSamePaceWaitNoMoreThanTheirShare() {
        // Three hosts of four sources, one run a host at a time: each host's k-th source starts at k-1 seconds.
        List<FleetFairness.Harvest> runs = new ArrayList<>();
        for (String host : List.of("a", "b", "c")) {
            for (int k = 0; k < 4; k++) {
                runs.add(second(host, k, k));
            }
        }
        FleetFairness.Verdict verdict = FleetFairness.of(runs);

        assertThat(verdict.harvestSeconds()).isEqualTo(4.0);
        assertThat(verdict.meanSeconds()).isEqualTo(1.0);
        assertThat(verdict.over(2)).isZero();
        assertThat(verdict.worst().ratio()).as("each starts by the end of its round").isEqualTo(1.0);
        assertThat(verdict.overInTime(2)).isZero();
        assertThat(verdict.worstInTime().timeRatio()).isEqualTo(1.0);
        assertThat(verdict.waits()).hasSize(12);
    }

    @Test
    void aHostServedOnlyAfterTheOthersAreDoneIsFlagged() {
        // Two runs at a time, given to hosts a and b until both are done: host c's one journal waits 4 seconds,
        // where its share is one source's duration.
        List<FleetFairness.Harvest> runs = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            runs.add(second("a", k, k));
            runs.add(second("b", k, k));
        }
        runs.add(second("c", 0, 4));
        FleetFairness.Verdict verdict = FleetFairness.of(runs);

        assertThat(verdict.over(2)).isEqualTo(1);
        FleetFairness.Wait worst = verdict.worst();
        assertThat(worst.source()).isEqualTo("c-s0");
        assertThat(worst.rank()).isEqualTo(1);
        assertThat(worst.of()).isEqualTo(1);
        assertThat(worst.waited()).isEqualTo(4.0);
        assertThat(worst.share()).as("a round: by the third start, one run of each host").isEqualTo(1.0);
        assertThat(worst.ratio()).isEqualTo(4.0);
        assertThat(verdict.overInTime(2)).isEqualTo(1);
        assertThat(verdict.worstInTime().source()).isEqualTo("c-s0");
        assertThat(verdict.worstInTime().timeShare()).as("one mean source").isEqualTo(1.0);
    }

    @Test
    void theLastOfABusyHostWaitsForItsSiblingsAndThatIsItsShare() {
        // One host of ten sources, one at a time: the tenth starts at 9 s of 10, which is its share exactly.
        List<FleetFairness.Harvest> runs = new ArrayList<>();
        for (int k = 0; k < 10; k++) {
            runs.add(second("a", k, k));
        }
        FleetFairness.Verdict verdict = FleetFairness.of(runs);

        assertThat(verdict.over(1.0001)).isZero();
        assertThat(verdict.overInTime(1.0001)).isZero();
        assertThat(verdict.waits()).filteredOn(w -> w.source().equals("a-s9")).singleElement().satisfies(w -> {
            assertThat(w.share()).isEqualTo(9.0);
            assertThat(w.timeShare()).isEqualTo(9.0);
        });
    }
}
