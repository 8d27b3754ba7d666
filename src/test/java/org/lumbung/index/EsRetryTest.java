package org.lumbung.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Iterator;
import org.junit.jupiter.api.Test;

class EsRetryTest {

    @Test
    void theBulkBackoffAlwaysGivesTheFirstDelayAndStopsWhenTheTimeoutIsSpent() throws Exception {
        EsWaits waits = new EsWaits();
        EsRetry retry = new EsRetry(Duration.ofMillis(20), Duration.ofMillis(20), Duration.ofMillis(60));
        Iterator<Long> delays = retry.bulkBackoff(waits).iterator();
        assertThat(delays.next()).as("asked for without hasNext on a first refusal").isBetween(10L, 20L);
        assertThat(delays.hasNext()).isTrue();
        assertThat(delays.hasNext()).as("asking twice spends nothing").isTrue();
        delays.next();
        Thread.sleep(60);
        assertThat(delays.hasNext()).as("the time is spent").isFalse();
        assertThat(delays.next()).as("a late ask still gets a delay, never an exception").isPositive();
        assertThat(waits.summary()).endsWith("0 requests and 3 documents sent again");
    }

    @Test
    void eachRefusedDocumentHasItsOwnClock() throws Exception {
        EsRetry retry = new EsRetry(Duration.ofMillis(20), Duration.ofMillis(20), Duration.ofMillis(60));
        var policy = retry.bulkBackoff(new EsWaits());
        Thread.sleep(80);
        assertThat(policy.iterator().hasNext()).as("a document refused now starts its own timeout").isTrue();
    }
}
