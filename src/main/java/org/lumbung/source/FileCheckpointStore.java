package org.lumbung.source;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.function.UnaryOperator;
import org.lumbung.harvest.Checkpoint;
import org.lumbung.harvest.CheckpointStore;
import org.lumbung.harvest.HarvestException;
import org.lumbung.harvest.Identify;
import org.lumbung.index.EsConnection;
import org.lumbung.pipeline.FailureKind;
import org.lumbung.pipeline.SourceId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each source's checkpoints, quirks, Identify and chosen format in a folder, one JSON file per source: its
 * {@link SourceState} as the sources index holds it, written by the same JSON mapper. For a harvester with no
 * Elasticsearch of its own (the {@code oai-pmh-source} Kamelet), so that a restarted application goes on where it
 * stopped. Every change is written to a temporary file beside the source's file, forced to disk and moved over it in
 * one step: a crash mid-write leaves the previous state whole. A file that cannot be read is an error naming it, never
 * a fresh start, which would harvest the whole repository again and hide that the state was lost. Nothing locks the
 * files: one harvester per source and folder, as one Kamelet per source.
 */
public final class FileCheckpointStore implements CheckpointStore {

    private static final Logger LOG = LoggerFactory.getLogger("lumbung.sources");
    private static final ObjectMapper JSON = EsConnection.jsonMapper().objectMapper();

    private final Path folder;

    public FileCheckpointStore(Path folder) {
        this.folder = folder;
    }

    /** The file of a source, inside the folder whatever the id holds. */
    public Path file(String sourceId) {
        return folder.resolve(SourceId.fileName(sourceId) + ".json");
    }

    @Override
    public synchronized Checkpoint checkpoint(String sourceId, String set) {
        return read(sourceId).checkpoint(set);
    }

    @Override
    public synchronized void save(String sourceId, Checkpoint checkpoint) throws HarvestException {
        try {
            write(read(sourceId).withCheckpoint(checkpoint));
        } catch (IOException e) {
            throw new HarvestException(FailureKind.OTHER, sourceId, file(sourceId).toString(), 0, null,
                    "cannot save the checkpoint (" + e + "); stopped at the checkpoint saved before", e);
        }
    }

    @Override
    public synchronized void identified(String sourceId, Identify identify) {
        change(sourceId, s -> s.withIdentify(identify));
    }

    @Override
    public synchronized void quirk(String sourceId, String quirk, String detail) {
        LOG.warn("source {}: {} ({})", sourceId, quirk, detail);
        change(sourceId, s -> s.withQuirk(quirk, detail));
    }

    @Override
    public synchronized boolean hasQuirk(String sourceId, String quirk) {
        return read(sourceId).quirks().containsKey(quirk);
    }

    @Override
    public synchronized String chosenFormat(String sourceId) {
        return read(sourceId).format();
    }

    @Override
    public synchronized void formatChosen(String sourceId, String metadataPrefix) {
        change(sourceId, s -> s.withFormat(metadataPrefix));
    }

    private void change(String sourceId, UnaryOperator<SourceState> change) {
        try {
            write(change.apply(read(sourceId)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the state of source " + sourceId + " in " + file(sourceId)
                    + ": " + e.getMessage(), e);
        }
    }

    /** The source's state; a source never harvested has none yet. */
    private SourceState read(String sourceId) {
        Path file = file(sourceId);
        if (!Files.exists(file)) {
            return SourceState.fresh(sourceId);
        }
        SourceState state;
        try {
            state = JSON.readValue(file.toFile(), SourceState.class);
        } catch (IOException e) {
            throw unreadable(file, sourceId, e.getMessage(), e);
        }
        if (state == null || !sourceId.equals(state.id())) {
            throw unreadable(file, sourceId, state == null ? "it holds no state"
                    : "it holds the state of source " + state.id(), null);
        }
        return state;
    }

    private static UncheckedIOException unreadable(Path file, String sourceId, String reason, IOException cause) {
        return new UncheckedIOException("cannot read the checkpoints of source " + sourceId + " in " + file + ": "
                + reason + ". Repair the file, or remove it to harvest the source again from the beginning",
                cause == null ? new IOException(reason) : cause);
    }

    private void write(SourceState state) throws IOException {
        Files.createDirectories(folder);
        Path file = file(state.id());
        // A fixed name: a temporary file left by a crash is simply written over by the next save.
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        ByteBuffer bytes = ByteBuffer.wrap(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(state));
        try (FileChannel out = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            while (bytes.hasRemaining()) {
                out.write(bytes);
            }
            out.force(true);
        }
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        forceFolder();
    }

    /** The move is on disk only once the folder is: a power cut could otherwise bring back the old file. */
    private void forceFolder() {
        try (FileChannel dir = FileChannel.open(folder, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            // Windows cannot open a folder: the move is atomic there all the same, and durable once the OS writes it.
            LOG.debug("cannot force {} to disk: {}", folder, e.toString());
        }
    }
}
