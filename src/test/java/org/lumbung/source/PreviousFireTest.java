package org.lumbung.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The scheduled time a start run with {@code at-start=due} claims: the cron's latest firing at or before now. */
class PreviousFireTest {

    private static Instant local(String dateTime) {
        return LocalDateTime.parse(dateTime).atZone(ZoneId.systemDefault()).toInstant();
    }

    @Test
    void aDailyScheduleFiredThisMorningOrYesterday() {
        assertThat(SourceRegistry.previousFire("0 0 3 * * ?", local("2026-12-04T16:00:00")))
                .isEqualTo(local("2026-12-04T03:00:00"));
        assertThat(SourceRegistry.previousFire("0 0 3 * * ?", local("2026-12-04T02:59:59")))
                .isEqualTo(local("2026-12-03T03:00:00"));
        assertThat(SourceRegistry.previousFire("0 0 3 * * ?", local("2026-12-04T03:00:00")))
                .as("a firing exactly now is the latest").isEqualTo(local("2026-12-04T03:00:00"));
    }

    @Test
    void frequentAndRareSchedules() {
        assertThat(SourceRegistry.previousFire("*/10 * * * * ?", local("2026-12-04T16:00:27")))
                .isEqualTo(local("2026-12-04T16:00:20"));
        assertThat(SourceRegistry.previousFire("0 0 4 1 JAN ?", local("2026-12-04T16:00:00")))
                .as("yearly").isEqualTo(local("2026-01-01T04:00:00"));
        assertThat(SourceRegistry.previousFire("0 30 2 ? * MON", local("2026-12-04T16:00:00")))
                .as("weekly, on a Friday").isEqualTo(local("2026-11-30T02:30:00"));
    }

    @Test
    void aScheduleThatIsNoCronSaysSo() {
        assertThatThrownBy(() -> SourceRegistry.previousFire("daily", Instant.now()))
                .hasMessageContaining("schedule 'daily' is not a Quartz cron");
    }
}
