package org.lumbung.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lumbung.index.JournalRecords.articles;
import static org.lumbung.index.JournalRecords.mirrorOf;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lumbung.dc.DcRecord;
import org.lumbung.dc.Provenance;

class RepositoryItemsTest {

    private static final Provenance ITEM = new Provenance("jhl", "oai:j:1", null, null, "oai_dc");

    @Test
    void aDocumentWithOneItemOfEachRepositoryIsOnePart() throws Exception {
        List<DcRecord> contributions = List.of(articles(0, 1).get(0), mirrorOf(0));
        assertThat(RepositoryItems.apart(contributions)).singleElement()
                .isEqualTo(new RepositoryItems.Part(contributions.get(0), contributions));
    }

    @Test
    void eachItemOfOneRepositoryIsAPartAndAMirrorGoesWithTheArticleWhoseOwnAddressItHas() throws Exception {
        List<DcRecord> contributions = new ArrayList<>(articles(0, 3));
        // Placed first among the others, the mirror of article 1 shares the journal's address and the DOI
        // with article 0's part too; only its own address says where it belongs.
        contributions.add(1, mirrorOf(1));
        List<RepositoryItems.Part> parts = RepositoryItems.apart(contributions);
        assertThat(parts).hasSize(3);
        assertThat(parts.get(0).records()).extracting(DcRecord::id).containsExactly(JournalRecords.id(0));
        assertThat(parts.get(1).records()).extracting(DcRecord::id).containsExactly(
                "mirror:oai:mirror.example.org:jhl-1", JournalRecords.id(1));
        assertThat(parts.get(1).founder().id()).as("the item, not the mirror's record before it")
                .isEqualTo(JournalRecords.id(1));
        assertThat(parts.get(2).records()).extracting(DcRecord::id).containsExactly(JournalRecords.id(2));
    }

    @Test
    void aMirrorOfAnArticleNotInTheDocumentStaysWithTheFirstPart() throws Exception {
        List<DcRecord> contributions = new ArrayList<>(articles(0, 2));
        contributions.add(mirrorOf(5));
        List<RepositoryItems.Part> parts = RepositoryItems.apart(contributions);
        assertThat(parts).hasSize(2);
        assertThat(parts.get(0).records()).extracting(DcRecord::id).containsExactly(JournalRecords.id(0),
                "mirror:oai:mirror.example.org:jhl-5");
    }

    @Test
    void onlyAnotherItemOfTheSameRepositoryCounts() {
        assertThat(RepositoryItems.holdsAnother(List.of("oai:jhl:oai:j:2"), ITEM)).isTrue();
        assertThat(RepositoryItems.holdsAnother(List.of("oai:jhl:oai:j:2", "oai:jhl:oai:j:1"), ITEM))
                .as("the document that holds the item itself").isFalse();
        assertThat(RepositoryItems.holdsAnother(List.of("oai:jhl2:oai:j:2", "page:https://j/1"), ITEM)).isFalse();
        assertThat(RepositoryItems.holdsAnother(List.of("oai:jhl:oai:j:2"),
                new Provenance("jhl", null, "https://j/1", null, "html"))).as("a page").isFalse();
    }
}
