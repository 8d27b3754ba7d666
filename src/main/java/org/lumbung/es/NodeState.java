package org.lumbung.es;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;

/**
 * What the data folder records about its running node: the node's pid and port, and the pid of the Lumbung that
 * owns it (stops it at exit). A node whose owner is gone is an orphan: the next Lumbung adopts it.
 */
record NodeState(long pid, int port, long ownerPid) {

    static Optional<NodeState> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
            return Optional.of(new NodeState(Long.parseLong(p.getProperty("pid")),
                    Integer.parseInt(p.getProperty("port")), Long.parseLong(p.getProperty("owner"))));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    void write(Path file) throws IOException {
        Properties p = new Properties();
        p.setProperty("pid", Long.toString(pid));
        p.setProperty("port", Integer.toString(port));
        p.setProperty("owner", Long.toString(ownerPid));
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            p.store(out, "the Elasticsearch node of this data folder (written by Lumbung)");
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    boolean nodeAlive() {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    boolean ownerAlive() {
        return ProcessHandle.of(ownerPid).map(ProcessHandle::isAlive).orElse(false);
    }

    NodeState ownedBy(long owner) {
        return new NodeState(pid, port, owner);
    }
}
