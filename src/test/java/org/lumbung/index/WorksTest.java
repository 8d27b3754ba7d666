package org.lumbung.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WorksTest {

    private static final String TITLE = "kebijakan luar negeri turki|wiku|2022";
    private static final IndexDocument.Work COPY = new IndexDocument.Work(Works.TITLE + TITLE, TITLE);

    @Test
    void aCopyWithoutDoiTakesTheOneDoiOfItsTitleKey() {
        assertThat(WorkResolver.inWork(COPY, false, Map.of(TITLE, Set.of("doi:10.14710/jihi.2022.34353"))))
                .isEqualTo("doi:10.14710/jihi.2022.34353");
    }

    @Test
    void aTitleKeySharedByTwoDoisIsAmbiguousAndTheCopyStaysInItsTitlesWork() {
        assertThat(WorkResolver.inWork(COPY, false, Map.of(TITLE, Set.of("doi:10.1/a", "doi:10.1/b"))))
                .isEqualTo(Works.TITLE + TITLE);
    }

    @Test
    void aCopyWithoutDoiWhoseDoiIsGoneGoesBackToItsTitlesWork() {
        // As stored after a move: the DOI's key, though the copy has no DOI of its own.
        IndexDocument.Work moved = new IndexDocument.Work("doi:10.1/gone", TITLE);
        assertThat(WorkResolver.inWork(moved, false, Map.of())).isEqualTo(Works.TITLE + TITLE);
    }

    @Test
    void aRecordWithADoiOrWithoutATitleKeyKeepsItsOwnWork() {
        IndexDocument.Work withDoi = new IndexDocument.Work("doi:10.1/a", TITLE);
        assertThat(WorkResolver.inWork(withDoi, true, Map.of(TITLE, Set.of("doi:10.1/b")))).isEqualTo("doi:10.1/a");
        IndexDocument.Work untitled = new IndexDocument.Work(Works.ID + "repo:1", null);
        assertThat(WorkResolver.inWork(untitled, false, Map.of())).isEqualTo("id:repo:1");
    }
}
