package org.lumbung.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lumbung.source.Source;
import org.lumbung.source.SourceState;
import org.lumbung.source.SourceStore;

/** What {@code sources list} says of a source's state, line by line. */
class SourcesListTest {

    private static final Source REPOSITORY = Source.oai("repo", "Repo", "https://repo.example/oai", "oai_dc",
            List.of(), "0 0 3 * * ?", "dspace");
    private static final long PID = ProcessHandle.current().pid();
    /** This worker; the store only reads leases here, so it needs no Elasticsearch. */
    private static final SourceStore STORE = new SourceStore(null, "test-sources", PID + "@box:abcd1234-1",
            Duration.ofMinutes(10));

    private static String describe(SourceState s) {
        return SourcesCommand.ListSources.describe(s, STORE.holder(s).orElse(null));
    }

    private static SourceState claimedBy(String owner, Instant until) {
        return SourceState.fresh("repo").withDefinition(REPOSITORY, "seeds")
                .claimedBy(new SourceState.Lease(owner, until.toString()), null);
    }

    @Test
    void showsAStopRequestedBesideTheRunItIsFor() {
        Instant until = Instant.now().plusSeconds(600);
        SourceState running = claimedBy("123@host:abcd", until).withStopRequested("2026-05-01T10:00:00Z");
        assertThat(describe(running))
                .contains("\n    stop requested at 2026-05-01T10:00:00Z: its run stops at the next page, with its"
                        + " checkpoint there")
                .contains("\n    running now in 123@host:abcd (lease generation 1, renewed until " + until + ")");
        assertThat(describe(running.withStopRequested(null))).doesNotContain("stop");
    }

    @Test
    void saysTheHolderIsGoneWhenItsProcessIsGoneFromThisMachineAndWhenTheLeaseExpiresOrExpired() {
        Instant until = Instant.now().plusSeconds(600).truncatedTo(ChronoUnit.SECONDS);
        // this pid on this machine, but another JVM: a restarted container's earlier self, gone before its lease
        assertThat(describe(claimedBy(PID + "@box:ffff0000-1", until))).contains("\n    left unfinished by "
                + PID + "@box:ffff0000-1 (lease generation 1): holder gone, lease expires at " + until
                + "; another worker's takeover sweep runs it again").doesNotContain("running now");
        Instant past = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS);
        assertThat(describe(claimedBy("77@elsewhere:0000aaaa-1", past))).contains("\n    left unfinished by"
                + " 77@elsewhere:0000aaaa-1 (lease generation 1): holder gone, lease expired at " + past);
        assertThat(describe(claimedBy(PID + "@box:abcd1234-2", until))).as("another worker of this JVM is alive")
                .contains("running now in " + PID + "@box:abcd1234-2").doesNotContain("gone");
    }

    @Test
    void showsAMoveWaitingForTheOperatorThenTheMoveAccepted() {
        SourceState moved = SourceState.fresh("repo").withDefinition(REPOSITORY, "seeds").withMoved(
                new SourceState.Move("https://repo.example/oai", "https://new.example/oai", "2026-05-01T10:00:00Z"));
        assertThat(describe(moved)).contains("\n    moved: https://repo.example/oai -> "
                + "https://new.example/oai (permanent redirect, first seen 2026-05-01T10:00:00Z); its harvests stop"
                + " there until `sources accept-move repo`");
        assertThat(describe(moved.withMoveAccepted("2026-05-02T10:00:00Z")))
                .doesNotContain("moved:")
                .contains("\n    move accepted at 2026-05-02T10:00:00Z: harvested at https://new.example/oai instead of"
                        + " https://repo.example/oai");
        SourceState followed = SourceState.fresh("repo").withDefinition(REPOSITORY.withFollowMoves(true), "seeds")
                .withMoved(moved.moved());
        assertThat(describe(followed)).contains("; followed (followMoves: true)");
    }
}
