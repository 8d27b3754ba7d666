package org.lumbung.search.cite;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** BibTeX: fields as biblatex and pybtex read them, LaTeX's special characters escaped, braces always balanced. */
class BibtexWriterTest {

    @Test
    void writesAJournalArticleWithEveryFieldAndKeepsIndonesianNamesAsUtf8() {
        assertThat(BibtexWriter.write(List.of(Examples.full()))).isEqualTo("""
                @article{wiku2021kebijakan,
                  title = {Kebijakan Luar Negeri Turki: Kesepakatan Turki kepada Rusia},
                  author = {Wiku, Falentinoris Yubilio and Putranti, Ika Riswanti and {Soekarno}},
                  year = {2021},
                  month = {3},
                  journal = {Journal of International Relations},
                  volume = {7},
                  number = {2},
                  pages = {101--120},
                  issn = {2797-2747},
                  doi = {10.14710/jihi.2021.34353},
                  url = {https://ejournal3.undip.ac.id/index.php/jihi/article/view/34353},
                  language = {id},
                  abstract = {Konflik Nagorno-Karabakh pecah lagi.},
                  keywords = {Foreign Policy, Turki}
                }

                """);
        assertThat(BibtexWriter.text("Erdoğan dan Đorđević")).isEqualTo("Erdoğan dan Đorđević");
    }

    @Test
    void escapesLatexSpecialsSoThatEveryValueStaysOneBalancedGroup() {
        String bib = BibtexWriter.write(List.of(Examples.hostile()));
        assertThat(bib).contains("title = {</script><script>alert(1)</script> \"Kutip\" \\textbraceleft{}unbalanced"
                + " 100\\% \\& \\#1\\_a \\textbackslash{}end\\textbraceleft{}document\\textbraceright{}"
                + " \\textasciitilde{}\\textasciicircum{}\\$ ER - x}");
        assertThat(bib).contains("author = {{Doe\\textbraceright{} and \\textbraceleft{}Evil}, J\\textbackslash{}ohn"
                + " \"Q\" and Nasution, Abdul Haris}");
        assertThat(bib).as("verbatim DOI: only what would break the value is encoded")
                .contains("doi = {10.1002/(SICI)1097<3>x%7By%7D}");
        assertThat(bib).contains("journal = {Jurnal \\textbraceleft{}Ilmu\\textbraceright{} 50\\%}",
                "abstract = {Baris satu ER - TY - JOUR <script>}",
                "keywords = {a\\%b, \\textbraceleft{}c\\textbraceright{}}");
        int depth = 0;
        for (char c : bib.toCharArray()) {
            depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            assertThat(depth).isNotNegative();
        }
        assertThat(depth).isZero();
    }

    @Test
    void leavesOutWhatIsUnknownAndKeepsKeysUniqueInAList() {
        assertThat(BibtexWriter.write(List.of(Examples.bare(), Examples.bare()))).isEqualTo("""
                @misc{hanya,
                  title = {Hanya judul},
                  url = {http://127.0.0.1:8080/record?id=undip-jihi%3A34353}
                }

                @misc{hanyaa,
                  title = {Hanya judul},
                  url = {http://127.0.0.1:8080/record?id=undip-jihi%3A34353}
                }

                """);
    }
}
