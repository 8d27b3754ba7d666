package org.lumbung.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lumbung.source.SourceState.Move;

/** A source's moves: seen, accepted (again), followed, and dropped when the definition names another base URL. */
class SourceStateTest {

    private static final String A = "http://a.example/oai";
    private static final String B = "https://b.example/oai";
    private static final String C = "https://c.example/oai";
    private static final Source SOURCE = Source.oai("repo", "Repo", A, "oai_dc", List.of(), "0 0 3 * * ?", "other");

    private static SourceState defined(Source source) {
        return SourceState.fresh("repo").withDefinition(source, "seeds");
    }

    @Test
    void aMoveSeenWaitsUntilAcceptedThenHarvestsAskTheNewAddress() {
        SourceState seen = defined(SOURCE).withMoved(new Move(A, B, "t1"));
        assertThat(seen.movePending()).isTrue();
        assertThat(seen.harvestedBase(A)).isEqualTo(A);
        assertThat(seen.withMoved(new Move(A, B, "t2")).moved().at()).as("first seen").isEqualTo("t1");

        SourceState accepted = seen.withMoveAccepted("t3");
        assertThat(accepted.moved()).isNull();
        assertThat(accepted.movePending()).isFalse();
        assertThat(accepted.moveAccepted()).isEqualTo(new Move(A, B, "t3"));
        assertThat(accepted.harvestedBase(A)).isEqualTo(B);
        assertThat(accepted.harvestedBase(C)).as("another base URL given").isEqualTo(C);
    }

    @Test
    void anAcceptedMoveThatMovesAgainIsANewMoveAcceptedFromTheDefinedAddress() {
        SourceState again = defined(SOURCE).withMoved(new Move(A, B, "t1")).withMoveAccepted("t2")
                .withMoved(new Move(B, C, "t3"));
        assertThat(again.movePending()).isTrue();
        assertThat(again.harvestedBase(A)).as("until accepted").isEqualTo(B);
        assertThat(again.withMoveAccepted("t4").moveAccepted()).isEqualTo(new Move(A, C, "t4"));
        SourceState back = again.withMoved(new Move(B, A, "t5")).withMoveAccepted("t6");
        assertThat(back.moveAccepted()).as("moved back where defined").isNull();
        assertThat(back.harvestedBase(A)).isEqualTo(A);
    }

    @Test
    void aSourceThatFollowsMovesShowsTheMoveWithoutWaiting() {
        SourceState followed = defined(SOURCE.withFollowMoves(true)).withMoved(new Move(A, B, "t1"));
        assertThat(followed.moved()).isNotNull();
        assertThat(followed.movePending()).isFalse();
    }

    @Test
    void aDefinitionNamingAnotherBaseUrlDropsTheMovesOfTheOldOne() {
        SourceState accepted = defined(SOURCE).withMoved(new Move(A, B, "t1")).withMoveAccepted("t2")
                .withMoved(new Move(B, C, "t3"));
        assertThat(accepted.withDefinition(SOURCE, "seeds")).as("the same definition imported again")
                .isEqualTo(accepted);
        Source edited = Source.oai("repo", "Repo", B, "oai_dc", List.of(), "0 0 3 * * ?", "other");
        SourceState moot = accepted.withDefinition(edited, "seeds");
        assertThat(moot.moveAccepted()).isNull();
        assertThat(moot.moved()).as("B's own move still waits").isEqualTo(new Move(B, C, "t3"));
        Source elsewhere = Source.oai("repo", "Repo", C, "oai_dc", List.of(), "0 0 3 * * ?", "other");
        assertThat(accepted.withDefinition(elsewhere, "seeds").moved()).isNull();
    }
}
