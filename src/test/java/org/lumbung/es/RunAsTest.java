package org.lumbung.es;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunAsTest {

    /**
     * As root, the node's folder is given to the unprivileged user before Lumbung attaches to the node already
     * running in it, which goes on replacing its files (a commit writes {@code segments_N+1} and deletes
     * {@code segments_N}). A file gone between the listing and the change of owner is not an error: it once stopped a
     * harvest from starting ("cannot prepare the node's folder: NoSuchFileException: .../_state/segments_17").
     */
    @Test
    void givesAFolderAwayWhileFilesInItComeAndGo(@TempDir Path tmp) throws Exception {
        assumeTrue(RunAs.isRoot(), "only root gives folders to another user");
        RunAs runAs = RunAs.forCurrentUser("nobody");
        Path state = Files.createDirectories(tmp.resolve("data").resolve("_state"));
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService churn = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> replaced = churn.submit(() -> {
                int n = 0;
                while (!stop.get()) {
                    Path next = Files.writeString(state.resolve("segments_" + (n + 1)), "x");
                    Files.deleteIfExists(state.resolve("segments_" + n));
                    Path dir = Files.createDirectories(state.resolve("merge_" + n));
                    Files.writeString(dir.resolve("part"), "x");
                    Files.delete(dir.resolve("part"));
                    Files.delete(dir);
                    n++;
                    assertThat(next).exists();
                }
                return n;
            });
            for (int i = 0; i < 3_000; i++) {
                runAs.own(tmp.resolve("data"));
            }
            stop.set(true);
            assertThat(replaced.get()).as("files replaced while the folder was given away").isPositive();
        } finally {
            stop.set(true);
            churn.shutdownNow();
        }
        runAs.own(tmp.resolve("data"));
        assertThat(Files.getAttribute(state, "unix:uid")).isEqualTo(Files.getAttribute(tmp.resolve("data"), "unix:uid"))
                .isNotEqualTo(0);
    }
}
