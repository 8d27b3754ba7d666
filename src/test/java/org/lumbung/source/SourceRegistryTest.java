package org.lumbung.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lumbung.harvest.HarvestRequest;

class SourceRegistryTest {

    private static final Source REPOSITORY = new Source("repo", "A repository", Source.Kind.OAI,
            "https://r.example/oai", "oai_dc", List.of("a", "b"), "0 0 3 * * ?", List.of());

    @Test
    void aSourceNeverRunsTwiceAtOnce() {
        SourceRegistry registry = new SourceRegistry(List.of(REPOSITORY));
        assertThat(registry.claim("repo")).isEqualTo(REPOSITORY);
        assertThat(registry.claim("repo")).as("a trigger while it runs is skipped").isNull();
        registry.release("repo");
        assertThat(registry.claim("repo")).isEqualTo(REPOSITORY);
    }

    @Test
    void harvestsEachSetOfASource() {
        List<HarvestRequest> requests = new SourceRegistry(List.of(REPOSITORY)).harvestRequests(REPOSITORY);
        assertThat(requests).extracting(HarvestRequest::set).containsExactly("a", "b");
        assertThat(requests).allMatch(r -> r.sourceId().equals("repo") && r.baseUrl().equals("https://r.example/oai"));
    }

    @Test
    void anUnknownSourceIsAnError() {
        assertThatThrownBy(() -> new SourceRegistry(List.of()).claim("nope")).hasMessageContaining("no source 'nope'");
    }
}
