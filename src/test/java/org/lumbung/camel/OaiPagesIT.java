package org.lumbung.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lumbung.harvest.RecordBatch;
import org.lumbung.testing.FakeRepository;
import org.lumbung.testing.FakeRepository.Fault;

/**
 * The Kamelet's list against a server whose tokens are spent when read: a page cut in the middle fails the list
 * loudly instead of the token being sent again into a silent gap.
 */
class OaiPagesIT {

    private static OaiPages pages(FakeRepository repo) {
        OaiPages pages = new OaiPages();
        pages.setBaseUrl(repo.baseUrl());
        pages.setSourceId("fake");
        return pages;
    }

    @Test
    void readsAWholeListOfASpendingServer() {
        try (FakeRepository repo = new FakeRepository().records(50, "2026-01-01").pageSize(20).consumingTokens()) {
            List<String> ids = new ArrayList<>();
            pages(repo).pages().forEachRemaining(b -> b.records().forEach(r -> ids.add(r.header().identifier())));
            assertThat(ids).hasSize(50).doesNotHaveDuplicates();
        }
    }

    @Test
    void aPageCutMidBodyFailsTheListRatherThanSendingItsTokenAgain() {
        try (FakeRepository repo = new FakeRepository().records(50, "2026-01-01").pageSize(20).consumingTokens()
                .fault(Fault.pass(), Fault.dropMidBody())) {
            Iterator<RecordBatch> list = pages(repo).pages();
            assertThat(list.next().records()).hasSize(20);
            assertThatThrownBy(list::next).isInstanceOf(IllegalStateException.class).hasMessageContaining("source fake");
            assertThat(repo.queries().stream().filter(q -> q.contains("resumptionToken"))).hasSize(1);
        }
    }
}
