package org.lumbung.derived;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TypeNormaliserTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "info:eu-repo/semantics/article|c_6501",
        "info:eu-repo/semantics/doctoralThesis|c_db06",
        "info:eu-repo/semantics/masterThesis|c_bdcc",
        "info:eu-repo/semantics/bachelorThesis|c_7a1f",
        "info:eu-repo/semantics/conferenceObject|c_c94f",
        "info:eu-repo/semantics/bookPart|c_3248",
        "info:eu-repo/semantics/workingPaper|c_8042",
        "http://purl.org/coar/resource_type/c_2df8fbb1|c_2df8fbb1",
        "https://purl.org/coar/resource_type/c_6501/|c_6501",
        "JournalArticle|c_6501",
        "BookChapter|c_3248",
        "ConferencePaper|c_5794",
        "Dissertation|c_db06",
        "Dataset|c_ddb1",
        "Software|c_5ce6",
        "Audiovisual|c_12ce",
        "Text|c_18cf",
        "Peer-reviewed Article|c_6501",
        "research-article|c_2df8fbb1",
        "Artikel|c_6501",
        "Journal articles|c_6501",
        "Research articles|c_2df8fbb1",
        "Conference papers|c_5794",
        "Book sections|c_3248",
        "Poster communications|c_6670",
        "'Preprints, Working Papers, ...'|c_816b",
        "Working papers in economics|c_8042",
        "Jurnal|c_0640",
        "Journal|c_0640",
        "Artikel Ilmiah|c_6501",
        "Skripsi|c_7a1f",
        "Tesis|c_bdcc",
        "Disertasi|c_db06",
        "Prosiding|c_f744",
        "Laporan|c_93fc",
        "Laporan Penelitian|c_18ws",
        "Buku|c_2f33",
        "Bab Buku|c_3248",
        "Thesis|c_46ec",
        "Thesis (Ph. D.)--Massachusetts Institute of Technology|c_db06",
        "Tesis (S2)--Universitas Contoh|c_bdcc",
        "still image|c_c513",
        "software, multimedia|c_5ce6",
        "journal article|c_6501",
        "periodical|c_2659",
    })
    void mapsVocabulariesAndFreeTextToCoar(String raw, String code) {
        CoarTerm term = TypeNormaliser.of(raw);
        assertThat(term).isNotNull();
        assertThat(term.uri()).isEqualTo(TypeNormaliser.COAR + code);
    }

    @Test
    void labelsTheTermsItKnows() {
        assertThat(TypeNormaliser.of("Skripsi")).isEqualTo(new CoarTerm(TypeNormaliser.COAR + "c_7a1f",
                "bachelor thesis"));
        assertThat(TypeNormaliser.of("http://purl.org/coar/resource_type/QH80-2R4E"))
                .isEqualTo(new CoarTerm(TypeNormaliser.COAR + "QH80-2R4E", null));
    }

    @Test
    void choosesTheMostSpecificOfSeveralValues() {
        assertThat(TypeNormaliser.best(List.of("Text", "article")).uri()).endsWith("c_6501");
        assertThat(TypeNormaliser.best(List.of("Thesis", "Tesis")).uri()).endsWith("c_bdcc");
        assertThat(TypeNormaliser.best(List.of("info:eu-repo/semantics/article",
                "info:eu-repo/semantics/publishedVersion", "Research Article")).uri()).endsWith("c_2df8fbb1");
        assertThat(TypeNormaliser.best(List.of("info:eu-repo/semantics/publishedVersion"))).isNull();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"", "info:eu-repo/semantics/publishedVersion", "NA", "okm_type", "PhysicalObject",
        "computer file"})
    void mapsNothingItDoesNotKnow(String raw) {
        assertThat(TypeNormaliser.of(raw)).isNull();
        assertThat(TypeNormaliser.of(null)).isNull();
    }
}
