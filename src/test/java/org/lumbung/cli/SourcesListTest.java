package org.lumbung.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lumbung.source.Source;
import org.lumbung.source.SourceState;

/** What {@code sources list} says of a source's state, line by line. */
class SourcesListTest {

    private static final Source REPOSITORY = Source.oai("repo", "Repo", "https://repo.example/oai", "oai_dc",
            List.of(), "0 0 3 * * ?", "dspace");

    @Test
    void showsAStopRequestedBesideTheRunItIsFor() {
        String until = Instant.now().plusSeconds(600).toString();
        SourceState running = SourceState.fresh("repo").withDefinition(REPOSITORY, "seeds")
                .claimedBy(new SourceState.Lease("123@host:abcd", until), null)
                .withStopRequested("2026-05-01T10:00:00Z");
        assertThat(SourcesCommand.ListSources.describe(running))
                .contains("\n    stop requested at 2026-05-01T10:00:00Z: its run stops at the next page, with its"
                        + " checkpoint there")
                .contains("\n    running now in 123@host:abcd (lease generation 1, renewed until " + until + ")");
        assertThat(SourcesCommand.ListSources.describe(running.withStopRequested(null))).doesNotContain("stop");
    }

    @Test
    void showsAMoveWaitingForTheOperatorThenTheMoveAccepted() {
        SourceState moved = SourceState.fresh("repo").withDefinition(REPOSITORY, "seeds").withMoved(
                new SourceState.Move("https://repo.example/oai", "https://new.example/oai", "2026-05-01T10:00:00Z"));
        assertThat(SourcesCommand.ListSources.describe(moved)).contains("\n    moved: https://repo.example/oai -> "
                + "https://new.example/oai (permanent redirect, first seen 2026-05-01T10:00:00Z); its harvests stop"
                + " there until `sources accept-move repo`");
        assertThat(SourcesCommand.ListSources.describe(moved.withMoveAccepted("2026-05-02T10:00:00Z")))
                .doesNotContain("moved:")
                .contains("\n    move accepted at 2026-05-02T10:00:00Z: harvested at https://new.example/oai instead of"
                        + " https://repo.example/oai");
        SourceState followed = SourceState.fresh("repo").withDefinition(REPOSITORY.withFollowMoves(true), "seeds")
                .withMoved(moved.moved());
        assertThat(SourcesCommand.ListSources.describe(followed)).contains("; followed (followMoves: true)");
    }
}
