package org.lumbung.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumbung.harvest.Checkpoint;
import org.lumbung.harvest.HarvestException;
import org.lumbung.harvest.Identify;
import org.lumbung.harvest.ResumptionToken;
import org.lumbung.harvest.Window;

/**
 * The Kamelet's checkpoints on disk: what one store saved, a new one (a restarted application) reads back; a crash
 * mid-write never costs the checkpoint before it; a file that cannot be read stops the harvest naming it; a source id
 * never leads out of the folder.
 */
class FileCheckpointStoreTest {

    /** Half way through a harvest: in a window, at a token with its cursor, as the harvester saves it. */
    private static final Checkpoint IN_PROGRESS = Checkpoint.none("").at("2026-12-01T10:00:00Z",
            new Window("2026-01-01", "2026-06-30"), new ResumptionToken("fake/+6///", 12, 3, null), 3, 86_400);

    @TempDir
    Path folder;

    @Test
    void aRestartedStoreReadsTheCheckpointsQuirksAndFormatSaved() throws HarvestException {
        FileCheckpointStore before = new FileCheckpointStore(folder);
        Checkpoint odd = Checkpoint.none("set1").completed("2026-11-30");
        before.save("fake", IN_PROGRESS);
        before.save("fake", odd);
        before.quirk("fake", "ignores-from", "the list from 2026-11-30 held records of 2025");
        before.formatChosen("fake", "oai_openaire");
        before.identified("fake", new Identify("Fake", "http://127.0.0.1/oai", "2.0", "2026-01-01", "persistent",
                Identify.DAY, List.of("gzip"), List.of("admin@fake.example"), "ojs"));

        FileCheckpointStore after = new FileCheckpointStore(folder);
        assertThat(after.checkpoint("fake", "")).isEqualTo(IN_PROGRESS);
        assertThat(after.checkpoint("fake", "")).extracting(Checkpoint::resumptionToken, Checkpoint::tokenCursor,
                Checkpoint::tokenPageRecords, Checkpoint::windowFrom).containsExactly("fake/+6///", 3L, 3, "2026-01-01");
        assertThat(after.checkpoint("fake", "set1")).isEqualTo(odd);
        assertThat(after.checkpoint("fake", "set0")).isEqualTo(Checkpoint.none("set0"));
        assertThat(after.hasQuirk("fake", "ignores-from")).isTrue();
        assertThat(after.hasQuirk("fake", "needs-windows")).isFalse();
        assertThat(after.chosenFormat("fake")).isEqualTo("oai_openaire");
        assertThat(after.checkpoint("other", "")).as("a source never harvested starts at the beginning")
                .isEqualTo(Checkpoint.none(""));
    }

    @Test
    void aTemporaryFileLeftByACrashMidWriteDoesNotReplaceTheCheckpoint() throws IOException, HarvestException {
        FileCheckpointStore store = new FileCheckpointStore(folder);
        store.save("fake", IN_PROGRESS);
        String whole = Files.readString(store.file("fake"));
        Files.writeString(folder.resolve("fake.json.tmp"), whole.substring(0, whole.length() / 2));

        FileCheckpointStore restarted = new FileCheckpointStore(folder);
        assertThat(restarted.checkpoint("fake", "")).isEqualTo(IN_PROGRESS);
        Checkpoint done = IN_PROGRESS.completed("2026-12-01");
        restarted.save("fake", done);
        assertThat(new FileCheckpointStore(folder).checkpoint("fake", "")).isEqualTo(done);
        assertThat(folder.resolve("fake.json.tmp")).doesNotExist();
    }

    @Test
    void aWriteThatFailsLeavesTheCheckpointBeforeIt() throws IOException, HarvestException {
        FileCheckpointStore store = new FileCheckpointStore(folder);
        store.save("fake", IN_PROGRESS);
        Files.createDirectory(folder.resolve("fake.json.tmp")); // the temporary file cannot be written

        assertThatThrownBy(() -> store.save("fake", IN_PROGRESS.completed("2026-12-01")))
                .isInstanceOf(HarvestException.class).hasMessageContaining("source fake: cannot save the checkpoint")
                .hasMessageContaining(store.file("fake").toString());
        assertThat(new FileCheckpointStore(folder).checkpoint("fake", "")).isEqualTo(IN_PROGRESS);
    }

    @Test
    void aFileThatCannotBeReadStopsTheHarvestNamingItNeverStartsAfresh() throws IOException, HarvestException {
        FileCheckpointStore store = new FileCheckpointStore(folder);
        store.save("fake", IN_PROGRESS);
        Path file = store.file("fake");
        String whole = Files.readString(file);

        Files.writeString(file, whole.substring(0, whole.length() / 2));
        assertThatThrownBy(() -> store.checkpoint("fake", "")).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("cannot read the checkpoints of source fake in " + file)
                .hasMessageContaining("remove it to harvest the source again from the beginning");
        assertThatThrownBy(() -> store.save("fake", IN_PROGRESS)).as("nor is it written over")
                .isInstanceOf(UncheckedIOException.class);
        assertThat(file).hasContent(whole.substring(0, whole.length() / 2));

        Files.writeString(file, "");
        assertThatThrownBy(() -> store.hasQuirk("fake", "ignores-from")).hasMessageContaining(file.toString());
        Files.writeString(file, whole.replace("\"fake\"", "\"elsewhere\""));
        assertThatThrownBy(() -> store.checkpoint("fake", "")).hasMessageContaining(file.toString())
                .hasMessageContaining("it holds the state of source elsewhere");
    }

    @Test
    void aSourceIdNeverLeadsOutOfTheFolder() throws IOException, HarvestException {
        Path inside = Files.createDirectory(folder.resolve("state"));
        FileCheckpointStore store = new FileCheckpointStore(inside);
        List<String> ids = List.of("../../etc/x", "..", ".", "/etc/passwd", "a/b", "a\\b", "C:x", "Fake", "fake",
                "fake.json", "%2E%2E", "x".repeat(300), "y".repeat(300));
        for (String id : ids) {
            store.save(id, Checkpoint.none("").completed(id));
        }
        try (Stream<Path> all = Files.walk(folder)) {
            assertThat(all.filter(Files::isRegularFile))
                    .allMatch(f -> f.getParent().equals(inside))
                    .allMatch(f -> f.getFileName().toString().length() <= 205)
                    .hasSize(ids.size());
        }
        for (String id : ids) {
            assertThat(store.checkpoint(id, "").nextFrom()).isEqualTo(id);
        }
        assertThat(store.file("../../etc/x").getFileName()).hasToString("%2E%2E%2F%2E%2E%2Fetc%2Fx.json");
    }
}
