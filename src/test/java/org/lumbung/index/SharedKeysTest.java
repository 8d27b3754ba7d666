package org.lumbung.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lumbung.index.JournalRecords.articles;
import static org.lumbung.index.JournalRecords.mirrorOf;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lumbung.dc.DcRecord;
import org.lumbung.dc.Provenance;
import org.lumbung.landing.LandingUrls;

class SharedKeysTest {

    private static final String ISSUE_DOI = "doi:10.1234/jhl.v1i1";
    private static final String JOURNAL = "url:" + LandingUrls.mergeKey("https://jurnal.example.ac.id/index.php/jhl");

    @Test
    void twoItemsOfOneRepositoryInABatchShareTheJournalsKeysButNotTheirOwn() throws Exception {
        SharedKeys shared = new SharedKeys();
        List<DcRecord> batch = articles(0, 2);
        shared.learn(batch, keysOf(batch));

        assertThat(shared.contains(ISSUE_DOI)).isTrue();
        assertThat(shared.contains(JOURNAL)).isTrue();
        for (String own : keysOf(batch).get(batch.get(0)).urls()) {
            assertThat(shared.contains("url:" + own)).as(own).isEqualTo(("url:" + own).equals(JOURNAL));
        }
    }

    @Test
    void oneItemTwiceAnItemAndAMirrorsRecordOrAPageShareNothing() throws Exception {
        SharedKeys shared = new SharedKeys();
        List<DcRecord> batch = new ArrayList<>(articles(0, 1));
        batch.addAll(articles(0, 1));
        batch.add(mirrorOf(0));
        batch.add(JournalRecords.pageOf(0));
        shared.learn(batch, keysOf(batch));

        assertThat(shared.contains(ISSUE_DOI)).isFalse();
        assertThat(shared.contains(JOURNAL)).isFalse();
    }

    @Test
    void storedDocumentsOfTwoItemsTeachTheirCommonKeysButOneDocumentOfTwoItemsDoesNot() throws Exception {
        List<DcRecord> four = articles(0, 4);
        List<DcRecord> two = four.subList(0, 2);
        RecordResolver.Stored merged = stored("merged", four.get(0), four.get(1), four.get(2));
        SharedKeys shared = new SharedKeys();
        assertThat(shared.learnStored(List.of(merged, stored("d", four.get(3))))).as("which of three has a key?")
                .isZero();

        assertThat(shared.learnStored(List.of(stored("a", two.get(0)), stored("b", two.get(1))))).isEqualTo(2);
        assertThat(shared.contains(ISSUE_DOI)).isTrue();
        assertThat(shared.contains(JOURNAL)).isTrue();
        assertThat(shared.learnStored(List.of(stored("a", two.get(0)), stored("b", two.get(1)))))
                .as("known already").isZero();
    }

    private static RecordResolver.Stored stored(String id, DcRecord... records) {
        List<String> keys = new ArrayList<>();
        List<Provenance> provenance = new ArrayList<>();
        for (DcRecord record : records) {
            provenance.add(record.provenance().get(0));
            Identity.Keys k = Identity.keys(record);
            k.dois().forEach(d -> keys.add("doi:" + d));
            k.urls().stream().map(u -> "url:" + u).filter(u -> !keys.contains(u)).forEach(keys::add);
        }
        return new RecordResolver.Stored(id, 1, 1, provenance, keys, null, null);
    }

    private static Map<DcRecord, Identity.Keys> keysOf(List<DcRecord> records) {
        Map<DcRecord, Identity.Keys> out = new IdentityHashMap<>();
        records.forEach(r -> out.put(r, Identity.keys(r)));
        return out;
    }
}
