package org.lumbung.es;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Who the node runs as. Elasticsearch refuses to run as root, so a root Lumbung runs it as an unprivileged user
 * through {@code setpriv} (util-linux) and hands that user the node's folders; any other user runs it as itself.
 */
final class RunAs {

    private static final List<Path> SETPRIV = List.of(Path.of("/usr/bin/setpriv"), Path.of("/bin/setpriv"),
            Path.of("/usr/sbin/setpriv"), Path.of("/sbin/setpriv"));

    private final String user;
    private final int uid;
    private final int gid;
    private final Path setpriv;

    private RunAs(String user, int uid, int gid, Path setpriv) {
        this.user = user;
        this.uid = uid;
        this.gid = gid;
        this.setpriv = setpriv;
    }

    /** Itself when not root; otherwise the named user, or a failure saying why privileges cannot be dropped. */
    static RunAs forCurrentUser(String unprivilegedUser) throws NodeStartException {
        if (!isRoot()) {
            return new RunAs(System.getProperty("user.name"), -1, -1, null);
        }
        Path setpriv = SETPRIV.stream().filter(Files::isExecutable).findFirst().orElseThrow(() -> new NodeStartException(
                "cannot drop privileges: Lumbung runs as root, Elasticsearch refuses root, and setpriv (util-linux)"
                        + " is not installed; install util-linux or run Lumbung as an ordinary user", null));
        int[] ids = lookup(unprivilegedUser).orElseThrow(() -> new NodeStartException(
                "cannot drop privileges: user '" + unprivilegedUser + "' does not exist"
                        + " (set lumbung.es.run-as to an unprivileged user)", null));
        return new RunAs(unprivilegedUser, ids[0], ids[1], setpriv);
    }

    static boolean isRoot() {
        return "root".equals(System.getProperty("user.name")) || uidOfThisProcess() == 0;
    }

    private static int uidOfThisProcess() {
        try {
            Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            return uid instanceof Integer i ? i : -1;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return -1;
        }
    }

    /** uid and gid of a user from /etc/passwd. */
    private static Optional<int[]> lookup(String name) {
        try (Stream<String> lines = Files.lines(Path.of("/etc/passwd"))) {
            return lines.map(l -> l.split(":")).filter(f -> f.length > 3 && f[0].equals(name))
                    .map(f -> new int[] {Integer.parseInt(f[2]), Integer.parseInt(f[3])}).findFirst();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    boolean dropsPrivileges() {
        return setpriv != null;
    }

    String user() {
        return user;
    }

    /** The command, prefixed so that it runs as this user. */
    List<String> wrap(List<String> command) {
        if (setpriv == null) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of(setpriv.toString(), "--reuid=" + uid, "--regid=" + gid,
                "--clear-groups"));
        wrapped.addAll(command);
        return wrapped;
    }

    /**
     * Gives the folder and everything below it to this user (no-op when not dropping privileges). A node already
     * running in it goes on replacing its files meanwhile (Lumbung attaches to it after this): a file gone since the
     * folder was listed has no owner to change.
     */
    void own(Path root) throws IOException {
        if (setpriv == null) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                give(dir);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                give(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                return gone(file, e);
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                return e == null ? FileVisitResult.CONTINUE : gone(dir, e);
            }

            private FileVisitResult gone(Path path, IOException e) throws IOException {
                if (e instanceof NoSuchFileException && !path.equals(root)) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }
        });
    }

    private void give(Path path) throws IOException {
        try {
            Files.setAttribute(path, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
            Files.setAttribute(path, "unix:gid", gid, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            // gone since the folder was listed
        }
    }

    /** Whether this user can enter and write the folder (every parent must let it through). */
    boolean canWrite(Path dir) {
        if (setpriv == null) {
            return Files.isWritable(dir);
        }
        try {
            Process p = new ProcessBuilder(wrap(List.of("/bin/sh", "-c", "test -d \"$0\" -a -w \"$0\" -a -x \"$0\"",
                    dir.toString()))).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
