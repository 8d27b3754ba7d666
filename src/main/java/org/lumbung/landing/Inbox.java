package org.lumbung.landing;

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
