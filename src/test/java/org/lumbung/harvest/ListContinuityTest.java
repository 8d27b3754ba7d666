package org.lumbung.harvest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ListContinuityTest {

    private static ResumptionToken cursor(long cursor) {
        return new ResumptionToken("t" + cursor, 1000, cursor, null);
    }

    @Test
    void acceptsCursorsCountingTheRecordsBeforeEachPage() {
        ListContinuity list = new ListContinuity();
        assertThat(list.check(cursor(0), 20)).isNull();
        assertThat(list.check(cursor(20), 20)).isNull();
        assertThat(list.check(cursor(40), 7)).isNull();
        assertThat(list.check(cursor(47), 3)).isNull();
    }

    @Test
    void acceptsCursorsThatStartAtTheFirstPagesEnd() {
        // some servers give 50 with the first page, not 0: the rule holds relative to the first page seen
        ListContinuity list = new ListContinuity();
        assertThat(list.check(cursor(50), 50)).isNull();
        assertThat(list.check(cursor(100), 50)).isNull();
        assertThat(list.check(cursor(130), 30)).isNull();
    }

    @Test
    void namesAJumpAheadAsRecordsSkipped() {
        ListContinuity list = new ListContinuity();
        list.check(cursor(0), 20);
        list.check(cursor(20), 20);
        assertThat(list.check(cursor(60), 20)).isEqualTo("the cursor jumped to 60 where 40 was expected: 20 records skipped");
    }

    @Test
    void aCursorCountingPagesIsNotReadAsAGap() {
        ListContinuity list = new ListContinuity();
        list.check(cursor(0), 20);
        assertThat(list.check(cursor(1), 20)).isNull();
        assertThat(list.check(cursor(2), 20)).isNull();
        assertThat(list.check(cursor(900), 20)).as("no longer read once it proved to count something else").isNull();
    }

    @Test
    void checksTheFirstPageOfAResumedListAgainstTheCheckpoint() {
        ListContinuity resumed = new ListContinuity();
        resumed.seed(40L, 20);
        assertThat(resumed.anchored()).isTrue();
        assertThat(resumed.check(cursor(80), 20)).contains("20 records skipped");

        ListContinuity blind = new ListContinuity();
        blind.seed(null, null);
        assertThat(blind.anchored()).isFalse();
    }

    @Test
    void pagesWithoutACursorAreNotChecked() {
        ListContinuity list = new ListContinuity();
        assertThat(list.check(new ResumptionToken("a", -1, -1, null), 20)).isNull();
        assertThat(list.check(cursor(500), 20)).isNull();
        assertThat(list.check(cursor(520), 20)).isNull();
    }
}
