package org.lumbung.camel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.lumbung.pipeline.SourceId;
import org.lumbung.testing.FakeRepository;
import org.lumbung.testing.TestElasticsearch;

/**
 * Lumbung as a plugin: an application of its own (a bare Camel Main, none of Lumbung's routes or beans) runs exactly
 * the five-line route the README shows, with Lumbung's Kamelets from its jar.
 */
class KameletRouteIT {

    private static final String ROUTE = "plugin/harvest-one-repository.camel.yaml";

    @Test
    @SuppressWarnings("rawtypes")
    void theReadmesFiveLineRouteHarvestsOneRepositoryIntoTheIndex() throws Exception {
        String prefix = TestElasticsearch.freshPrefix(KameletRouteIT.class);
        try (FakeRepository repo = new FakeRepository().records(7, "2026-01-01")) {
            String source = SourceId.fromUrl(repo.baseUrl());
            Main app = new Main();
            app.configure().withRoutesIncludePattern("classpath:" + ROUTE);
            app.addInitialProperty("repository", repo.baseUrl());
            app.addInitialProperty("elasticsearch", TestElasticsearch.url().toString());
            app.addInitialProperty("prefix", prefix);
            app.start();
            try {
                Map<String, Map> docs = awaitDocuments(prefix + "-records", 7);
                assertThat(docs).containsOnlyKeys(IntStream.rangeClosed(1, 7)
                        .mapToObj(i -> source + ":oai:fake:" + i).toList());
                assertThat(((Map) docs.get(source + ":oai:fake:3").get("dc")).get("title"))
                        .isEqualTo(List.of("Record number 3"));
            } finally {
                app.stop();
            }
        }
        String route;
        try (var in = getClass().getClassLoader().getResourceAsStream(ROUTE)) {
            route = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(Path.of("README.md"))).as("the README shows this very route").contains(route);
    }

    @SuppressWarnings("rawtypes")
    private static Map<String, Map> awaitDocuments(String alias, int count) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        Map<String, Map> docs = Map.of();
        while (System.nanoTime() < deadline) {
            try {
                docs = TestElasticsearch.documents(alias);
                if (docs.size() >= count) {
                    return docs;
                }
            } catch (co.elastic.clients.elasticsearch._types.ElasticsearchException notYet) {
                // the sink has not created its index yet
            }
            Thread.sleep(200);
        }
        return docs;
    }
}
