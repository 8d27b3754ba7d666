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
import org.junit.jupiter.api.io.TempDir;
import org.lumbung.pipeline.SourceId;
import org.lumbung.testing.FakeRepository;
import org.lumbung.testing.OaiTestServer;
import org.lumbung.testing.TestElasticsearch;
import org.lumbung.testing.WebSite;

/**
 * Lumbung as a plugin: an application of its own (a bare Camel Main, none of Lumbung's routes or beans) runs exactly
 * the five-line route docs/plugin.md shows, with Lumbung's Kamelets from its jar.
 */
class KameletRouteIT {

    private static final String ROUTE = "plugin/harvest-one-repository.camel.yaml";
    /** The routes are the documented ones: their checkpoints go to a test folder, not to Lumbung's data folder. */
    private static final String STATE_DIR = "camel.kamelet.oai-pmh-source.stateDir";

    @TempDir
    Path state;

    @Test
    @SuppressWarnings("rawtypes")
    void theReadmesFiveLineRouteHarvestsOneRepositoryIntoTheIndex() throws Exception {
        String prefix = TestElasticsearch.freshPrefix(KameletRouteIT.class);
        try (FakeRepository repo = new FakeRepository().records(7, "2026-01-01")) {
            String source = SourceId.fromUrl(repo.baseUrl());
            Main app = new Main();
            app.configure().withRoutesIncludePattern("classpath:" + ROUTE);
            app.addInitialProperty(STATE_DIR, state.toString());
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
        assertThat(Files.readString(Path.of("docs/plugin.md"))).as("docs/plugin.md shows this very route")
                .contains(route);
    }

    /**
     * The landing-page source and the OAI-PMH source, each into its index sink: the seed page and its OJS record meet
     * in one document with both contributions.
     */
    @Test
    @SuppressWarnings({"rawtypes", "unchecked"})
    void aLandingPageSourceJoinsTheOaiSourceInOneDocument() throws Exception {
        String prefix = TestElasticsearch.freshPrefix(KameletRouteIT.class) + "-pages";
        try (WebSite site = new WebSite()) {
            String journal = site.url("").replaceAll("/$", "");
            String record = new String(OaiTestServer.fixture("oai/ojs-jihi-34353.xml"), StandardCharsets.UTF_8)
                    .replace("https://ejournal3.undip.ac.id", journal);
            site.page("/index.php/jihi/oai", WebSite.Page.of(200, "text/xml; charset=UTF-8", record));
            String pageUrl = site.url("/index.php/jihi/article/view/34353/0");
            site.page("/index.php/jihi/article/view/34353/0", WebSite.Page.of(200, "text/plain; charset=UTF-8",
                    Files.readString(Path.of("seeds/000_ffdeb9f15db1918e.txt"))));
            Main app = new Main();
            app.configure().withRoutesIncludePattern("classpath:plugin/pages-and-records.camel.yaml");
            app.addInitialProperty(STATE_DIR, state.toString());
            app.addInitialProperty("repository", site.url("/index.php/jihi/oai"));
            app.addInitialProperty("pages", pageUrl);
            app.addInitialProperty("elasticsearch", TestElasticsearch.url().toString());
            app.addInitialProperty("prefix", prefix);
            app.start();
            try {
                long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
                Map<String, Map> docs = Map.of();
                while (System.nanoTime() < deadline && !bothContributions(docs)) {
                    Thread.sleep(200);
                    docs = awaitDocuments(prefix + "-records", 1);
                }
                assertThat(docs).hasSize(1);
                Map doc = docs.values().iterator().next();
                assertThat((List<Map>) doc.get("provenance")).extracting(p -> p.get("sourceId"))
                        .containsExactlyInAnyOrder(SourceId.fromUrl(site.url("/index.php/jihi/oai")), "journal-pages");
                assertThat((List<String>) ((Map) doc.get("dc")).get("date")).containsExactly("2022-05-30");
            } finally {
                app.stop();
            }
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static boolean bothContributions(Map<String, Map> docs) {
        return docs.values().stream().anyMatch(d -> ((List) d.get("provenance")).size() == 2);
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
