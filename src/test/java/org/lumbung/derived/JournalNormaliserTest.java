package org.lumbung.derived;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class JournalNormaliserTest {

    @Test
    void readsAnOjsSource() {
        assertThat(JournalNormaliser.fromSource("Jurnal Hubungan Internasional; Vol 12, No 1 (2026)"))
                .isEqualTo(new Journal("Jurnal Hubungan Internasional", List.of(), "12", "1", null, null));
        assertThat(JournalNormaliser.fromSource("Jurnal Sosial dan Politik; Vol. 9 No. 2 (2021): Edisi Juli; 101-115"))
                .isEqualTo(new Journal("Jurnal Sosial dan Politik", List.of(), "9", "2", "101", "115"));
        assertThat(JournalNormaliser.fromSource("journal-title; Volume 3, Issue 4; 15"))
                .isEqualTo(new Journal("journal-title", List.of(), "3", "4", "15", null));
    }

    @Test
    void readsAnEnumerationWrittenOut() {
        assertThat(JournalNormaliser.fromEnumeration("Vol. 5, no. 2 (2020), p. 10-20"))
                .isEqualTo(new Journal(null, List.of(), "5", "2", "10", "20"));
        assertThat(JournalNormaliser.fromEnumeration("Jg. 3, Heft 4")).isEqualTo(new Journal(null, List.of(), "3", "4",
                null, null));
        assertThat(JournalNormaliser.fromEnumeration("Volume 12 Nomor 1/2, hal. 45-60"))
                .isEqualTo(new Journal(null, List.of(), "12", "1/2", "45", "60"));
        assertThat(JournalNormaliser.fromEnumeration("Spring issue")).isEqualTo(Journal.NONE);
    }

    @Test
    void takesNoOtherSourceForAJournal() {
        assertThat(JournalNormaliser.fromSource("reponame:Arias Montano: Repositorio Institucional")).isEqualTo(Journal.NONE);
        assertThat(JournalNormaliser.fromSource("James S. Parker Collection; Box 3")).isEqualTo(Journal.NONE);
        assertThat(JournalNormaliser.fromSource(null)).isEqualTo(Journal.NONE);
    }

    @Test
    void writesAnAbbreviatedLastPageInFull() {
        assertThat(JournalNormaliser.lastPage("102", "14")).isEqualTo("114");
        assertThat(JournalNormaliser.lastPage("1289", "95")).isEqualTo("1295");
        assertThat(JournalNormaliser.lastPage("85", "98")).isEqualTo("98");
        assertThat(JournalNormaliser.lastPage("e123", "e130")).isEqualTo("e130");
        assertThat(JournalNormaliser.lastPage("98", "5")).isEqualTo("5");
    }
}
