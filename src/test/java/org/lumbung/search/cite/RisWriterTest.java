package org.lumbung.search.cite;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** RIS: one tagged line per value, CR LF, and no harvested line break that could start a tag. */
class RisWriterTest {

    @Test
    void writesEveryTagOfAJournalArticle() {
        assertThat(RisWriter.write(List.of(Examples.full()))).isEqualTo(String.join("\r\n",
                "TY  - JOUR",
                "AU  - Wiku, Falentinoris Yubilio",
                "AU  - Putranti, Ika Riswanti",
                "AU  - Soekarno",
                "TI  - Kebijakan Luar Negeri Turki: Kesepakatan Turki kepada Rusia",
                "PY  - 2021",
                "DA  - 2021/03/15",
                "JO  - Journal of International Relations",
                "VL  - 7",
                "IS  - 2",
                "SP  - 101",
                "EP  - 120",
                "SN  - 2797-2747",
                "DO  - 10.14710/jihi.2021.34353",
                "UR  - https://ejournal3.undip.ac.id/index.php/jihi/article/view/34353",
                "L1  - https://ejournal3.undip.ac.id/index.php/jihi/article/download/34353/1",
                "LA  - id",
                "AB  - Konflik Nagorno-Karabakh pecah lagi.",
                "KW  - Foreign Policy",
                "KW  - Turki",
                "ER  - ", "", ""));
    }

    @Test
    void aHostileValueStaysOnItsOwnLine() {
        String ris = RisWriter.write(List.of(Examples.hostile(), Examples.bare()));
        assertThat(ris.split("\r\n")).filteredOn(l -> l.startsWith("ER  -")).hasSize(2);
        assertThat(ris.split("\r\n")).filteredOn(l -> l.startsWith("TY  -")).containsExactly("TY  - JOUR", "TY  - GEN");
        assertThat(ris).contains("AB  - Baris satu ER - TY - JOUR <script>\r\n", "SP  - e7\r\n")
                .doesNotContain("\u2028", "\n\n\n");
        assertThat(ris).as("a bare record: its title and where to find it")
                .endsWith("TY  - GEN\r\nTI  - Hanya judul\r\nUR  - " + Examples.PAGE + "\r\nER  - \r\n\r\n");
    }
}
