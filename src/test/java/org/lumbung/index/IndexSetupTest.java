package org.lumbung.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** What a new index gets, its replicas and its codec: the decisions alone, without a cluster. */
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

    @Test
    void theRecordsTemplateStoresDocumentsWithTheLayoutsCodec() throws Exception {
        ObjectMapper json = new ObjectMapper();
        assertThat(json.readTree(IndexSetup.renderTemplate(new IndexLayout("t", 0))).at("/template/settings/codec")
                .asText()).isEqualTo("best_compression");
        assertThat(json.readTree(IndexSetup.renderTemplate(new IndexLayout("t", 0, "default")))
                .at("/template/settings/codec").asText()).isEqualTo("default");
        assertThatThrownBy(() -> new IndexLayout("t", 0, "lz4")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lz4");
    }
}
