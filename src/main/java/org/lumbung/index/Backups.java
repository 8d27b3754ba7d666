package org.lumbung.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import co.elastic.clients.elasticsearch.snapshot.SnapshotInfo;
import co.elastic.clients.json.JsonData;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Snapshots of everything Lumbung keeps under one prefix (the records index behind the alias, raw archive included,
 * the sources with their checkpoints, the harvest reports, the dead letters, the pages' validators) in a snapshot
 * repository, and their restore into a cluster, alias included. On the embedded node the repository is
 * {@value #EMBEDDED_REPOSITORY}, a shared file system repository in the node's {@code path.repo}, registered on first
 * use; on another cluster the operator registers one and names it.
 */
public final class Backups {

    public static final String EMBEDDED_REPOSITORY = "lumbung-backups";
    private static final Logger LOG = LoggerFactory.getLogger("lumbung.backup");
    private static final String PREFIX_KEY = "lumbung_prefix";
    private static final DateTimeFormatter NAME_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")
            .withZone(ZoneOffset.UTC);
    private static final Duration POLL = Duration.ofMillis(500);

    /** A finished snapshot: its name, the indices in it, its size on disk, and how long it took. */
    public record Snapshot(String name, String state, Instant started, List<String> indices, long bytes,
                           Duration took) {
    }

    private final ElasticsearchClient client;
    private final IndexLayout layout;
    private final String repository;

    /** Backups in the named repository, or (null) in the embedded node's folder. */
    public Backups(ElasticsearchClient client, IndexLayout layout, String repository) throws IOException {
        this.client = client;
        this.layout = layout;
        this.repository = repository != null ? repository : embeddedRepository();
    }

    public String repository() {
        return repository;
    }

    /** Registers the file system repository in the node's path.repo (what the embedded launcher sets). */
    private String embeddedRepository() throws IOException {
        // The node's own settings, as the cluster settings API reports them among its defaults.
        JsonData repo = client.cluster().getSettings(g -> g.includeDefaults(true).flatSettings(true)).defaults()
                .get("path.repo");
        Object value = repo == null ? null : repo.to(Object.class);
        String folder = value instanceof List<?> l ? (l.isEmpty() ? null : l.get(0).toString())
                : value == null || value.toString().isBlank() ? null : value.toString();
        if (folder == null) {
            throw new IllegalStateException("this cluster has no snapshot folder (path.repo): register a snapshot"
                    + " repository on it and name it with --repository");
        }
        client.snapshot().createRepository(c -> c.name(EMBEDDED_REPOSITORY)
                .repository(r -> r.fs(f -> f.settings(s -> s.location(folder)))));
        return EMBEDDED_REPOSITORY;
    }

    /** Snapshots every index of this prefix that exists, waits until it is done, and says what it holds. */
    public Snapshot create() throws IOException, InterruptedException {
        List<String> indices = new ArrayList<>(client.indices().getAlias(g -> g.name(layout.recordsAlias()))
                .result().keySet());
        for (String index : List.of(layout.sourcesIndex(), layout.harvestsIndex(), layout.deadletterIndex(),
                layout.pagesIndex())) {
            if (client.indices().exists(e -> e.index(index)).value()) {
                indices.add(index);
            }
        }
        String name = layout.prefix() + "-" + NAME_TIME.format(Instant.now());
        client.snapshot().create(c -> c.repository(repository).snapshot(name).indices(indices)
                .includeGlobalState(false).waitForCompletion(false)
                .metadata(Map.of(PREFIX_KEY, JsonData.of(layout.prefix()))));
        SnapshotInfo info = info(name);
        while ("IN_PROGRESS".equals(info.state()) || "STARTED".equals(info.state())) {
            Thread.sleep(POLL.toMillis());
            info = info(name);
        }
        if (!"SUCCESS".equals(info.state())) {
            throw new IllegalStateException("snapshot " + name + " ended " + info.state() + ": " + info.reason()
                    + " " + info.failures());
        }
        LOG.info("snapshot {} of {} in repository {}", name, indices, repository);
        return describe(info);
    }

    /** This prefix's snapshots in the repository, oldest first. */
    public List<Snapshot> list() throws IOException {
        List<Snapshot> out = new ArrayList<>();
        for (SnapshotInfo info : client.snapshot().get(g -> g.repository(repository).snapshot("*")).snapshots()) {
            JsonData prefix = info.metadata().get(PREFIX_KEY);
            if (prefix != null && layout.prefix().equals(prefix.to(String.class))) {
                out.add(describe(info));
            }
        }
        out.sort(Comparator.comparing(Snapshot::started));
        return out;
    }

    /**
     * Restores a snapshot (null: the latest complete one of this prefix), alias included, and waits until its
     * indices are open. Refuses when any index of this prefix exists, unless told to replace them: they are deleted
     * first.
     */
    public Snapshot restore(String name, boolean replace) throws IOException, InterruptedException {
        Snapshot snapshot = name != null ? describe(info(name)) : list().stream()
                .filter(s -> s.state().equals("SUCCESS")).reduce((a, b) -> b).orElseThrow(() ->
                        new IllegalStateException("no snapshot of prefix " + layout.prefix() + " in repository "
                                + repository));
        List<String> existing = existing(snapshot.indices());
        if (!existing.isEmpty() && !replace) {
            throw new IllegalStateException("Lumbung's indices " + existing + " exist: restoring " + snapshot.name()
                    + " would overwrite them; give --replace to delete them and restore");
        }
        for (String index : existing) {
            client.indices().delete(d -> d.index(index));
            LOG.warn("deleted {} to restore {}", index, snapshot.name());
        }
        client.snapshot().restore(r -> r.repository(repository).snapshot(snapshot.name())
                .indices(snapshot.indices()).includeAliases(true).includeGlobalState(false).waitForCompletion(false));
        while (client.cluster().health(h -> h.index(snapshot.indices()).waitForStatus(HealthStatus.Yellow)
                .timeout(t -> t.time("30s"))).timedOut()) {
            LOG.info("restoring {}: waiting for its shards", snapshot.name());
        }
        return snapshot;
    }

    /** This prefix's indices on the cluster now: those the snapshot holds, and any the records alias stands for. */
    private List<String> existing(List<String> inSnapshot) throws IOException {
        List<String> out = new ArrayList<>();
        for (String index : inSnapshot) {
            if (client.indices().exists(e -> e.index(index)).value()) {
                out.add(index);
            }
        }
        if (client.indices().existsAlias(e -> e.name(layout.recordsAlias())).value()) {
            client.indices().getAlias(g -> g.name(layout.recordsAlias())).result().keySet().stream()
                    .filter(i -> !out.contains(i)).forEach(out::add);
        }
        return out;
    }

    private SnapshotInfo info(String name) throws IOException {
        return client.snapshot().get(g -> g.repository(repository).snapshot(name)).snapshots().get(0);
    }

    private Snapshot describe(SnapshotInfo info) throws IOException {
        long bytes = 0;
        if ("SUCCESS".equals(info.state())) {
            bytes = client.snapshot().status(s -> s.repository(repository).snapshot(info.snapshot())).snapshots()
                    .get(0).stats().total().sizeInBytes();
        }
        Instant started = Instant.ofEpochMilli(info.startTimeInMillis() == null ? 0 : info.startTimeInMillis());
        Duration took = Duration.ofMillis(info.durationInMillis() == null ? 0 : info.durationInMillis());
        return new Snapshot(info.snapshot(), info.state(), started, List.copyOf(info.indices()), bytes, took);
    }
}
