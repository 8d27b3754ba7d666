package org.lumbung.es;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeHomeTest {

    /**
     * A data folder the unprivileged user cannot enter (as a clone under /root is): as root, the node's files move to
     * a folder it can use, recorded in the data folder and reused; as any other user they stay in the data folder.
     */
    @Test
    void movesTheNodesFilesOnlyWhenTheUnprivilegedUserCannotReachTheDataFolder(@TempDir Path tmp) throws Exception {
        Path locked = Files.createDirectories(tmp.resolve("private"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
        Path data = locked.resolve("data");
        Path relocationRoot = Files.createDirectories(tmp.resolve("var-tmp"));
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(relocationRoot, PosixFilePermissions.fromString("rwxrwxrwx"));
        RunAs runAs = RunAs.forCurrentUser("nobody");

        NodeHome home = NodeHome.resolve(data, runAs, relocationRoot);

        if (RunAs.isRoot()) {
            assertThat(home.relocated()).isTrue();
            assertThat(home.dir()).startsWith(relocationRoot);
            assertThat(runAs.canWrite(home.dir())).isTrue();
            assertThat(Files.readString(data.resolve(NodeHome.POINTER)).trim()).isEqualTo(home.dir().toString());
            assertThat(NodeHome.resolve(data, runAs, relocationRoot).dir()).isEqualTo(home.dir());
        } else {
            assertThat(home.relocated()).isFalse();
            assertThat(home.dir()).isEqualTo(data.resolve("elasticsearch"));
        }
    }
}
