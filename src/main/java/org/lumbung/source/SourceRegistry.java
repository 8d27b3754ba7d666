package org.lumbung.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.lumbung.harvest.HarvestRequest;
import org.lumbung.landing.IngestRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sources Lumbung runs, imported from the seed list, and which of them is running now: a source never runs twice
 * at once (a schedule firing while the start-up harvest still runs is skipped and logged).
 */
public final class SourceRegistry {

    private static final Logger LOG = LoggerFactory.getLogger("lumbung.sources");
    private static final Path WORKING_COPY = Path.of("seeds", "sources.yaml");

    private final Map<String, Source> sources = new LinkedHashMap<>();
    private final Set<String> running = ConcurrentHashMap.newKeySet();

    public SourceRegistry(List<Source> sources) {
        sources.forEach(s -> this.sources.put(s.id(), s));
    }

    /**
     * The given list; else {@code seeds/sources.yaml} in the working folder; else the list packaged in the jar,
     * unpacked (with the pages it names) into {@code <data>/packaged-seeds}.
     */
    public static SourceRegistry load(Path seedList, Path dataDir) {
        Path file = seedList != null ? seedList
                : Files.isRegularFile(WORKING_COPY) ? WORKING_COPY : unpackPackagedSeeds(dataDir.resolve("packaged-seeds"));
        List<Source> sources = SourceList.read(file);
        LOG.info("{} sources from {}", sources.size(), file.toAbsolutePath());
        return new SourceRegistry(sources);
    }

    private static Path unpackPackagedSeeds(Path target) {
        try {
            Files.createDirectories(target);
            Path list = copyResource("lumbung/seeds/sources.yaml", target.resolve("sources.yaml"));
            for (Source source : SourceList.read(list)) {
                for (var page : source.pages()) {
                    Path file = Path.of(page.location());
                    if (file.startsWith(target) && !page.location().matches("(?i)https?://.*")) {
                        copyResource("lumbung/seeds/" + target.relativize(file).toString().replace('\\', '/'), file);
                    }
                }
            }
            return list;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack the packaged seeds into " + target, e);
        }
    }

    private static Path copyResource(String resource, Path target) throws IOException {
        try (InputStream in = SourceRegistry.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException(resource + " is not packaged in the jar");
            }
            Files.createDirectories(target.getParent());
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        }
    }

    public List<String> ids() {
        return List.copyOf(sources.keySet());
    }

    public List<Source> all() {
        return List.copyOf(sources.values());
    }

    /** Marks the source running and returns it; null (and a log line) if it is running already. */
    public Source claim(String id) {
        Source source = sources.get(id);
        if (source == null) {
            throw new IllegalArgumentException("no source '" + id + "'");
        }
        if (!running.add(id)) {
            LOG.warn("source {}: still running, this trigger is skipped", id);
            return null;
        }
        return source;
    }

    public void release(String id) {
        running.remove(id);
    }

    /** One harvest per set, or one of the whole repository when the source names no set. */
    public List<HarvestRequest> harvestRequests(Source source) {
        List<HarvestRequest> out = new ArrayList<>();
        if (source.sets().isEmpty()) {
            out.add(new HarvestRequest(source.id(), source.baseUrl(), source.metadataPrefix(), null, null, null));
        }
        for (String set : source.sets()) {
            out.add(new HarvestRequest(source.id(), source.baseUrl(), source.metadataPrefix(), set, null, null));
        }
        return out;
    }

    public IngestRequest ingestRequest(Source source) {
        return new IngestRequest(source.id(), source.pages());
    }
}
