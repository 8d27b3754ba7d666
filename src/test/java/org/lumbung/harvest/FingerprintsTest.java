package org.lumbung.harvest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FingerprintsTest {

    @Test
    void countsEachVersionOfARecordOnceThroughGrowth() {
        Fingerprints seen = new Fingerprints();
        for (int i = 0; i < 100_000; i++) {
            assertThat(seen.add(Fingerprints.of("oai:x:" + i, "2026-01-01"))).isTrue();
        }
        for (int i = 0; i < 100_000; i += 7) {
            assertThat(seen.add(Fingerprints.of("oai:x:" + i, "2026-01-01"))).isFalse();
        }
        assertThat(seen.size()).isEqualTo(100_000);
        assertThat(seen.contains(Fingerprints.of("oai:x:99999", "2026-01-01"))).isTrue();
        assertThat(seen.contains(Fingerprints.of("oai:x:99999", "2026-01-02"))).as("a newer version").isFalse();
        seen.clear();
        assertThat(seen.size()).isZero();
        assertThat(seen.contains(Fingerprints.of("oai:x:1", "2026-01-01"))).isFalse();
    }

    @Test
    void identifierAndDatestampDoNotRunTogether() {
        assertThat(Fingerprints.of("oai:x:1", "2")).isNotEqualTo(Fingerprints.of("oai:x:12", ""));
    }
}
