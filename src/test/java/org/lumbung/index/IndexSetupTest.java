package org.lumbung.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** How many replicas a new index gets: the decision alone, without a cluster. */
class IndexSetupTest {

    @Test
    void autoGivesOneReplicaOnlyWhenTheClusterHasMoreThanOneDataNode() {
        assertThat(IndexSetup.autoReplicas(0)).isZero();
        assertThat(IndexSetup.autoReplicas(1)).isZero();
        assertThat(IndexSetup.autoReplicas(2)).isEqualTo(1);
        assertThat(IndexSetup.autoReplicas(3)).isEqualTo(1);
        assertThat(IndexSetup.autoReplicas(20)).isEqualTo(1);
    }

    @Test
    void anExplicitCountStaysAsGivenWithoutAskingTheCluster() throws Exception {
        // No client: a request would fail with a NullPointerException.
        assertThat(IndexSetup.replicas(OptionalInt.of(0), null)).isZero();
        assertThat(IndexSetup.replicas(OptionalInt.of(2), null)).isEqualTo(2);
    }
}
