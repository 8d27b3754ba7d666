package org.lumbung.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The watched inbox folder: why a dropped file failed is written beside it, in failed/. */
public final class Inbox {

    private static final Logger LOG = LoggerFactory.getLogger("lumbung.inbox");

    private final Path folder;

    public Inbox(Path folder) {
        this.folder = folder;
    }

    /**
     * The inbox at a folder, made if missing, once a file has been written there and removed. Camel's file consumer
     * gives up on a folder it cannot make or write without a word, which left the inbox silently off; this says so.
     *
     * @throws IOException naming the folder, when Lumbung cannot make it or write in it
     */
    public static Inbox open(Path folder) throws IOException {
        try {
            Files.createDirectories(folder);
            Files.delete(Files.createTempFile(folder, ".lumbung-write-check-", ".tmp"));
        } catch (IOException e) {
            String why = e instanceof java.nio.file.FileSystemException f && f.getReason() != null ? f.getReason()
                    : e.getClass().getSimpleName();
            throw new IOException("Lumbung cannot write its inbox folder " + folder + " (" + why + ")", e);
        }
        return new Inbox(folder);
    }

    public Path folder() {
        return folder;
    }

    /** Writes {@code failed/<name>.reason.txt}; the file itself is moved to failed/ by the route. */
    public void failed(String path, String reason) throws IOException {
        Path file = Path.of(path);
        Path failed = Files.createDirectories(folder.resolve("failed"));
        Files.writeString(failed.resolve(file.getFileName() + ".reason.txt"), reason + System.lineSeparator(),
                StandardCharsets.UTF_8);
        LOG.warn("{}: failed, moved to {}: {}", file.getFileName(), failed, reason);
    }
}
