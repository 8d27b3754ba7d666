package org.lumbung.harvest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListGuardTest {

    private static OaiPage page(String token, long completeListSize, String... identifiers) {
        List<RawRecord> records = new ArrayList<>();
        for (String id : identifiers) {
            records.add(new RawRecord(new OaiHeader(id, "2026-01-01", List.of(), false), null, "oai_dc"));
        }
        ResumptionToken rt = token == null ? null : new ResumptionToken(token, completeListSize, -1, null);
        return new OaiPage(null, null, records, rt, null, List.of(), List.of(), 0);
    }

    @Test
    void aSoundListPasses() {
        ListGuard guard = new ListGuard();
        assertThat(guard.check(page("t1", 6, "a", "b"))).isNull();
        assertThat(guard.check(page("t2", 6, "c", "d"))).isNull();
        assertThat(guard.check(page(null, -1, "e", "f"))).isNull();
    }

    @Test
    void aTokenThatComesBackAfterACycleStopsTheList() {
        ListGuard guard = new ListGuard();
        guard.check(page("A", -1, "a"));
        guard.check(page("B", -1, "b"));
        assertThat(guard.check(page("A", -1, "c"))).isEqualTo(
                "the repository sent resumption token 'A' again (page 3): the list runs in a loop");
    }

    @Test
    void endlessEmptyPagesStopTheList() {
        ListGuard guard = new ListGuard();
        String reason = null;
        int pages = 0;
        while (reason == null) {
            reason = guard.check(page("t" + pages++, -1));
        }
        assertThat(pages).isEqualTo(ListGuard.EMPTY_PAGES);
        assertThat(reason).contains("empty pages in a row");
    }

    @Test
    void farMoreRecordsThanTheListAnnouncedStopIt() {
        ListGuard guard = new ListGuard();
        String reason = null;
        int pages = 0;
        while (reason == null) {
            String[] ids = new String[100];
            for (int i = 0; i < 100; i++) {
                ids[i] = "r" + pages + "-" + i;
            }
            reason = guard.check(page("t" + pages++, 50, ids));
        }
        assertThat(reason).isEqualTo("1200 records read of a list said to hold 50: the list does not end");
    }
}
