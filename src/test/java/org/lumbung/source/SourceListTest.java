package org.lumbung.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceListTest {

    @Test
    void readsTheSeedListWithTheJournalFirstAndTheSeedPage() {
        List<Source> sources = SourceList.read(Path.of("seeds/sources.yaml"));
        Source journal = sources.get(0);
        assertThat(journal.kind()).isEqualTo(Source.Kind.OAI);
        assertThat(journal.baseUrl()).isEqualTo("https://ejournal3.undip.ac.id/index.php/jihi/oai");
        assertThat(journal.metadataPrefix()).isEqualTo("oai_dc");
        Source pages = sources.stream().filter(s -> s.kind() == Source.Kind.PAGES).findFirst().orElseThrow();
        assertThat(pages.pages()).hasSize(1);
        assertThat(Path.of(pages.pages().get(0).location())).exists()
                .isEqualTo(Path.of("seeds/000_ffdeb9f15db1918e.txt").toAbsolutePath());
        assertThat(pages.pages().get(0).url())
                .isEqualTo("https://ejournal3.undip.ac.id/index.php/jihi/article/view/34353/0");
    }

    @Test
    void namesTheFileTheSourceAndTheProblem(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("sources.yaml");
        Files.writeString(bad, """
                sources:
                  - id: good-one
                    kind: oai
                    baseUrl: https://r.example/oai
                  - id: bad-one
                    kind: oai
                    baseUrl: https://r.example/oai
                    schedule: "every night"
                """);
        assertThatThrownBy(() -> SourceList.read(bad))
                .isInstanceOf(SourceListException.class)
                .hasMessageContaining(bad.toString())
                .hasMessageContaining("source 'bad-one'")
                .hasMessageContaining("'every night' is not a Quartz cron expression");
    }

    @Test
    void refusesTheSameIdTwice(@TempDir Path dir) throws IOException {
        Path twice = dir.resolve("sources.yaml");
        Files.writeString(twice, """
                sources:
                  - {id: a, kind: oai, baseUrl: "https://r.example/oai"}
                  - {id: a, kind: oai, baseUrl: "https://s.example/oai"}
                """);
        assertThatThrownBy(() -> SourceList.read(twice)).hasMessageContaining("source 'a' appears twice");
    }

    @Test
    void readsASourcesAuditScheduleAndRefusesOneThatIsNoCron(@TempDir Path dir) throws IOException {
        Path list = dir.resolve("sources.yaml");
        Files.writeString(list, """
                sources:
                  - {id: a, kind: oai, baseUrl: "https://r.example/oai", audit: "0 0 5 ? * SUN"}
                  - {id: b, kind: oai, baseUrl: "https://s.example/oai"}
                """);
        assertThat(SourceList.read(list)).extracting(Source::audit).containsExactly("0 0 5 ? * SUN", null);
        Files.writeString(list, """
                sources:
                  - {id: a, kind: oai, baseUrl: "https://r.example/oai", audit: "weekly"}
                """);
        assertThatThrownBy(() -> SourceList.read(list)).hasMessageContaining("source 'a': audit 'weekly' is not a"
                + " Quartz cron expression");
    }

    @Test
    void readsWhetherAListSizeIsOnlyAnEstimateAndWhetherMovesAreFollowedBothOffUnlessSaid(@TempDir Path dir)
            throws IOException {
        Path list = dir.resolve("sources.yaml");
        Files.writeString(list, """
                sources:
                  - {id: a, kind: oai, baseUrl: "https://r.example/oai", listSizeEstimated: true, followMoves: true}
                  - {id: b, kind: oai, baseUrl: "https://s.example/oai"}
                """);
        assertThat(SourceList.read(list)).extracting(s -> s.options().listSizeEstimated(), s -> s.options().followMoves())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(true, true),
                        org.assertj.core.groups.Tuple.tuple(false, false));
    }

    @Test
    void readsAFreshnessTargetAndAWebhookOfTheSourcesOwn(@TempDir Path dir) throws IOException {
        Path list = dir.resolve("sources.yaml");
        Files.writeString(list, """
                sources:
                  - {id: a, kind: oai, baseUrl: "https://r.example/oai", freshness: 2d,
                     alertWebhook: "https://hooks.example/lumbung"}
                  - {id: b, kind: oai, baseUrl: "https://s.example/oai"}
                """);
        assertThat(SourceList.read(list)).extracting(Source::freshness, Source::alertWebhook)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("2d", "https://hooks.example/lumbung"),
                        org.assertj.core.groups.Tuple.tuple(null, null));
        Files.writeString(list, """
                sources:
                  - {id: a, kind: oai, baseUrl: "https://r.example/oai", freshness: "two days"}
                """);
        assertThatThrownBy(() -> SourceList.read(list)).hasMessageContaining("source 'a': freshness: ");
        Files.writeString(list, """
                sources:
                  - {id: a, kind: oai, baseUrl: "https://r.example/oai", alertWebhook: "mailto:ops@example.org"}
                """);
        assertThatThrownBy(() -> SourceList.read(list))
                .hasMessageContaining("source 'a': alertWebhook must be an http(s) URL");
    }
}
