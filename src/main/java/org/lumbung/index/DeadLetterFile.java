package org.lumbung.index;

import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.lumbung.index.DeadLetterStore.DeadLetter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dead letters as lines of JSON in a file ({@code dead-letters.jsonl}), for a harvester with no Elasticsearch of its
 * own (the {@code oai-pmh-source} Kamelet): each record set aside is appended as one line with the fields of the
 * {@code <prefix>-deadletter} index ({@link DeadLetter}: sourceId, recordId, url, reason, stage, metadataPrefix, raw,
 * at), so that it outlives a restart and can be read with jq or indexed as it is.
 */
public final class DeadLetterFile implements DeadLetterWriter {

    private static final Logger LOG = LoggerFactory.getLogger("lumbung.deadletter");
    private static final ObjectWriter JSON = EsConnection.jsonMapper().objectMapper().writerFor(DeadLetter.class);
    /** Kamelets of one JVM may share a state folder: a line is written whole before the next one starts. */
    private static final Object APPENDING = new Object();

    private final Path file;

    public DeadLetterFile(Path file) {
        this.file = file;
    }

    @Override
    public void write(DeadLetter letter) {
        synchronized (APPENDING) {
            try {
                Files.createDirectories(file.toAbsolutePath().getParent());
                try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.APPEND)) {
                    ByteBuffer line = ByteBuffer.wrap((JSON.writeValueAsString(letter) + "\n")
                            .getBytes(StandardCharsets.UTF_8));
                    while (line.hasRemaining()) {
                        out.write(line);
                    }
                    // On disk before the checkpoint that passes the record: a power cut must not keep that alone.
                    out.force(false);
                }
            } catch (IOException e) {
                // The log line still names the record; the harvest goes on, as it does when the index is down.
                LOG.error("could not write the dead letter of {} ({}) to {}: {}", letter.recordId(), letter.sourceId(),
                        file, e.toString());
            }
        }
    }
}
