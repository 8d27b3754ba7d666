package org.lumbung.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private static final Duration SECOND = Duration.ofSeconds(1);

    @Test
    void doublesFromTheInitialDelayWithJitterUpToTheMaximum() {
        Backoff backoff = new Backoff(SECOND, Duration.ofSeconds(5), Backoff.UNLIMITED, null);
        for (int i = 0; i < 50; i++) {
            assertThat(backoff.delay(1)).isBetween(Duration.ofMillis(500), SECOND);
            assertThat(backoff.delay(2)).isBetween(SECOND, Duration.ofSeconds(2));
            assertThat(backoff.delay(3)).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(4));
            assertThat(backoff.delay(40)).as("capped, and no overflow").isBetween(Duration.ofMillis(2500),
                    Duration.ofSeconds(5));
        }
    }

    @Test
    void givesUpAfterItsAttemptsTheFirstIncluded() {
        Backoff.Retries retries = new Backoff(Duration.ofMillis(1), Duration.ofMillis(1), 3, null).start();
        List<Optional<Duration>> waits = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            waits.add(retries.next());
        }
        assertThat(waits).extracting(Optional::isPresent).containsExactly(true, true, false, false);
        assertThat(retries.attempt()).isEqualTo(3);
    }

    @Test
    void givesUpWhenTheNextWaitWouldEndPastTheTimeout() throws Exception {
        Backoff.Retries retries = new Backoff(Duration.ofMillis(40), Duration.ofMillis(40), Backoff.UNLIMITED,
                Duration.ofMillis(100)).start();
        assertThat(retries.next()).as("20-40 ms of 100 left").isPresent();
        Thread.sleep(90);
        assertThat(retries.next()).as("at least 20 ms more would pass 100 ms").isEmpty();
    }

    @Test
    void neverWaitsLessThanHalfTheInitialDelay() {
        Backoff backoff = new Backoff(Duration.ofMillis(10), Duration.ofMillis(10), 2, null);
        for (int i = 0; i < 100; i++) {
            assertThat(backoff.delay(1)).isBetween(Duration.ofMillis(5), Duration.ofMillis(10));
        }
    }
}
