package org.lumbung.dc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lumbung.language.LanguageDetector;

class RecordMergerTest {

    private static final LanguageDetector DETECTOR = new LanguageDetector(List.of("id", "en"), 400);

    private static DcRecord oai() {
        return new DcRecordBuilder("jihi:oai:x:1", "jihi")
                .add(DcElement.TITLE, "Kebijakan Luar Negeri Turki", "id")
                .add(DcElement.DATE, "2022-05-30")
                .add(DcElement.IDENTIFIER, "10.14710/jihi.2022.34353")
                .creator(new Creator("Wiku, Falentinoris Yubilio", null, "https://orcid.org/0000-0002-1825-0097", false))
                .creator(new Creator("Hanura, Marten", null, null, false))
                .provenance(new Provenance("jihi", "oai:x:1", null, "2022-05-30T03:14:07Z", "oai_dc"))
                .build(DETECTOR);
    }

    private static DcRecord page() {
        return new DcRecordBuilder("https://j.example/view/1", "pages")
                .add(DcElement.TITLE, "Kebijakan Luar Negeri Turki", "id")
                .add(DcElement.SUBJECT, "Foreign Policy", "en")
                .creator(new Creator("Falentinoris Yubilio WIKU", "Universitas Diponegoro", null, true))
                .provenance(new Provenance("pages", null, "https://j.example/view/1", null, "html"))
                .build(DETECTOR);
    }

    @Test
    void takesTheUnionOnceAndMatchesCreatorsByNameWhateverTheirOrderAndCase() {
        DcRecord merged = RecordMerger.merge("doc", List.of(oai(), page()), List.of());

        assertThat(merged.id()).isEqualTo("doc");
        assertThat(merged.deleted()).isFalse();
        assertThat(merged.values(DcElement.TITLE)).containsExactly("Kebijakan Luar Negeri Turki");
        assertThat(merged.values(DcElement.SUBJECT)).containsExactly("Foreign Policy");
        assertThat(merged.values(DcElement.DATE)).containsExactly("2022-05-30");
        assertThat(merged.creators()).containsExactly(
                new Creator("Wiku, Falentinoris Yubilio", "Universitas Diponegoro",
                        "https://orcid.org/0000-0002-1825-0097", true),
                new Creator("Hanura, Marten", null, null, false));
        assertThat(merged.provenance()).extracting(Provenance::key)
                .containsExactly("oai:jihi:oai:x:1", "page:https://j.example/view/1");
        // derived again from the union: the page alone has no DOI, the record alone no subject
        assertThat(merged.derived().doi()).isEqualTo("10.14710/jihi.2022.34353");
        assertThat(merged.sourceId()).isEqualTo("jihi");
    }

    @Test
    void aSingleContributionUnderItsOwnIdIsItself() {
        DcRecord record = oai();
        assertThat(RecordMerger.merge(record.id(), List.of(record), List.of())).isSameAs(record);
    }

    @Test
    void withNothingLiveLeftTheRecordIsATombstoneOfWhatWasDeleted() {
        DcRecord gone = DcRecord.tombstone("jihi:oai:x:1", "jihi", null,
                new Provenance("jihi", "oai:x:1", null, "2026-11-24T10:00:00Z", "oai_dc"));
        DcRecord merged = RecordMerger.merge("doc", List.of(), List.of(gone));

        assertThat(merged.deleted()).isTrue();
        assertThat(merged.id()).isEqualTo("doc");
        assertThat(merged.elements()).isEmpty();
        assertThat(merged.provenance()).extracting(Provenance::key).containsExactly("oai:jihi:oai:x:1");
    }
}
