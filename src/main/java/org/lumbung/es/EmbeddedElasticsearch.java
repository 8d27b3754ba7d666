package org.lumbung.es;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One real Elasticsearch node per data folder, started from the integ-test-zip distribution. A second Lumbung on the
 * same data folder attaches to the running node; a node left behind by a Lumbung that was killed is adopted. Only the
 * owner stops the node. A node is a cluster of its own unless its options name the cluster it is one node of
 * ({@link NodeOptions.Cluster}: several nodes on 127.0.0.1, each with its own data folder and ports).
 */
public final class EmbeddedElasticsearch implements AutoCloseable {

    static final String CLUSTER_NAME = "lumbung";
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedElasticsearch.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
    /** The folders Elasticsearch's launcher makes in its temp directory to read the JVM's final flags. */
    static final String LAUNCHER_LEFTOVERS = "final-flags";

    private final NodeHome home;
    private final int port;
    private final long pid;
    private final boolean owner;
    private boolean stopped;

    private EmbeddedElasticsearch(NodeHome home, int port, long pid, boolean owner) {
        this.home = home;
        this.port = port;
        this.pid = pid;
        this.owner = owner;
    }

    /** Attaches to this data folder's node if one runs, otherwise starts it. */
    public static EmbeddedElasticsearch startOrAttach(NodeOptions options) throws NodeStartException {
        RunAs runAs = RunAs.forCurrentUser(options.runAs());
        NodeHome home;
        try {
            home = NodeHome.resolve(options.dataDir(), runAs, Path.of("/var/tmp"));
        } catch (IOException e) {
            throw new NodeStartException("cannot prepare the node's folder in " + options.dataDir() + ": " + e, null);
        }
        if (home.relocated()) {
            LOG.info("Elasticsearch keeps its files in {}: user {} cannot reach {}", home.dir(), runAs.user(),
                    options.dataDir());
        }
        // One Lumbung at a time decides whether to start the node: two starting at once would start two nodes.
        try (FileChannel channel = FileChannel.open(home.lock(), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock lock = channel.lock();
            try {
                Optional<EmbeddedElasticsearch> running = attach(home, options);
                return running.isPresent() ? running.get() : launch(home, runAs, options);
            } finally {
                lock.release();
            }
        } catch (IOException e) {
            throw new NodeStartException("cannot use " + home.dir() + ": " + e, home.logFile());
        }
    }

    private static Optional<EmbeddedElasticsearch> attach(NodeHome home, NodeOptions options) throws IOException {
        Optional<NodeState> recorded = NodeState.read(home.state());
        if (recorded.isEmpty()) {
            return Optional.empty();
        }
        NodeState state = recorded.get();
        NodeProbe probe = new NodeProbe(state.port());
        if (state.nodeAlive() && isOurs(state.pid(), home)
                && probe.awaitHealthy(nodeName(home, options), options.startTimeout())) {
            boolean adopt = !state.ownerAlive();
            if (adopt) {
                state.ownedBy(ProcessHandle.current().pid()).write(home.state());
                LOG.info("Elasticsearch: adopted the node left running on port {} (pid {})", state.port(), state.pid());
            } else {
                LOG.info("Elasticsearch: attached to the node on port {} (pid {}, started by pid {})", state.port(),
                        state.pid(), state.ownerPid());
            }
            return Optional.of(new EmbeddedElasticsearch(home, state.port(), state.pid(), adopt));
        }
        if (state.nodeAlive() && isOurs(state.pid(), home)) {
            LOG.warn("Elasticsearch: the recorded node (pid {}) does not answer; stopping it", state.pid());
            stopProcess(state.pid());
        }
        Files.deleteIfExists(home.state());
        return Optional.empty();
    }

    /** Guards against a recycled pid: the process must be a node of this home (its temp folder is the home's). */
    private static boolean isOurs(long pid, NodeHome home) {
        return ProcessHandle.of(pid).flatMap(h -> h.info().commandLine())
                .map(cmd -> cmd.contains("-Djava.io.tmpdir=" + home.tmp())).orElse(false);
    }

    private static EmbeddedElasticsearch launch(NodeHome home, RunAs runAs, NodeOptions options)
            throws IOException, NodeStartException {
        int port = choosePort(options.port(), home);
        Path distribution = Distribution.unpacked(Distribution.locate(options.distribution(), options.version()),
                options.version(), home.distributions());
        if (!Distribution.installPlugin(distribution, Distribution.plugin())) {
            LOG.info("Elasticsearch: no analysis plugin in this build; search falls back to what the node has");
        }
        prepareFolders(home, distribution);
        Path snapshots = options.snapshots() != null ? options.snapshots() : home.snapshots();
        Files.createDirectories(snapshots);
        runAs.own(home.dir());
        runAs.own(snapshots);
        Path pidFile = home.run().resolve("elasticsearch.pid");
        Files.deleteIfExists(pidFile);
        ProcessBuilder builder = new ProcessBuilder(detached(runAs.wrap(command(home, options, distribution, pidFile,
                port, snapshots))))
                .directory(home.logs().toFile())
                .redirectErrorStream(true)
                .redirectOutput(home.launcherLog().toFile());
        environment(builder.environment(), home, options.heap());
        LOG.info("Elasticsearch: starting {} on 127.0.0.1:{} (heap {}, files in {})", options.version(), port,
                options.heap(), home.dir());
        long logOffset = Files.isRegularFile(home.logFile()) ? Files.size(home.logFile()) : 0;
        Process launcher = builder.start();
        try {
            // With -d the launcher returns once the node has started, or has failed to.
            if (!launcher.waitFor(options.startTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                launcher.destroyForcibly();
                readPid(pidFile).ifPresent(EmbeddedElasticsearch::stopProcess);
                throw new NodeStartException("not ready within " + options.startTimeout().toSeconds() + " s",
                        home.logFile());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            launcher.destroyForcibly();
            throw new NodeStartException("interrupted while starting", home.logFile());
        }
        Optional<Long> pid = readPid(pidFile);
        if (launcher.exitValue() != 0 || pid.isEmpty()) {
            pid.ifPresent(EmbeddedElasticsearch::stopProcess);
            throw new NodeStartException(StartFailure.diagnose(home, port, logOffset), home.logFile());
        }
        if (!new NodeProbe(port).awaitHealthy(nodeName(home, options), options.startTimeout())) {
            stopProcess(pid.get());
            throw new NodeStartException("started but never reported cluster health on port " + port, home.logFile());
        }
        new NodeState(pid.get(), port, ProcessHandle.current().pid()).write(home.state());
        LOG.info("Elasticsearch: ready on http://127.0.0.1:{} (pid {}, log {})", port, pid.get(), home.logFile());
        return new EmbeddedElasticsearch(home, port, pid.get(), true);
    }

    private static void prepareFolders(NodeHome home, Path distribution) throws IOException {
        for (Path dir : List.of(home.data(), home.logs(), home.tmp(), home.run())) {
            Files.createDirectories(dir);
        }
        // What the last start's launcher left (see environment): no node of this home runs now.
        try (DirectoryStream<Path> left = Files.newDirectoryStream(home.tmp(), LAUNCHER_LEFTOVERS + "*")) {
            for (Path dir : left) {
                Distribution.deleteTree(dir);
            }
        }
        if (!Files.exists(home.config().resolve("elasticsearch.yml"))) {
            Path staging = home.dir().resolve("config.new");
            Distribution.deleteTree(staging);
            try (var paths = Files.walk(distribution.resolve("config"))) {
                for (Path source : paths.toList()) {
                    Path target = staging.resolve(distribution.resolve("config").relativize(source).toString());
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(source, target);
                    }
                }
            }
            Distribution.deleteTree(home.config());
            Files.move(staging, home.config());
        }
    }

    private static int choosePort(int requested, NodeHome home) throws NodeStartException {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try (ServerSocket socket = new ServerSocket(requested, 1, loopback)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new NodeStartException("port " + requested + " on 127.0.0.1 is already in use"
                    + " (choose another with --es-port or LUMBUNG_ES_PORT, 0 for any free port)", home.logFile());
        }
    }

    private static List<String> command(NodeHome home, NodeOptions options, Path distribution, Path pidFile, int port,
                                        Path snapshots) {
        List<String> cmd = new ArrayList<>();
        cmd.add(distribution.resolve("bin").resolve("elasticsearch").toString());
        cmd.addAll(List.of("-d", "-p", pidFile.toString()));
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("cluster.name", CLUSTER_NAME);
        settings.put("node.name", nodeName(home, options));
        settings.put("path.data", home.data().toString());
        settings.put("path.logs", home.logs().toString());
        settings.put("http.host", "127.0.0.1");
        settings.put("http.port", Integer.toString(port));
        settings.put("transport.host", "127.0.0.1");
        settings.putAll(discovery(options.cluster()));
        settings.put("xpack.security.enabled", "false");
        // A nearly full disk must not turn a one-node cluster read-only or unassign its shards.
        settings.put("cluster.routing.allocation.disk.threshold_enabled", "false");
        // Where `backup` writes its snapshots: a file system repository must lie under path.repo.
        settings.put("path.repo", snapshots.toString());
        settings.forEach((k, v) -> cmd.add("-E" + k + "=" + v));
        return cmd;
    }

    /** A node alone forms its own cluster at once; a node of several finds the others through the seed hosts. */
    private static Map<String, String> discovery(NodeOptions.Cluster cluster) {
        if (cluster == null) {
            return Map.of("discovery.type", "single-node");
        }
        return Map.of("transport.port", Integer.toString(cluster.transportPort()),
                "discovery.seed_hosts", String.join(",", cluster.seedHosts()),
                "cluster.initial_master_nodes", String.join(",", cluster.initialMasters()));
    }

    /**
     * In a session of its own (setsid), so that a Ctrl-C in the terminal, which signals the whole foreground process
     * group, reaches Lumbung only: Lumbung flushes what it is indexing and then stops the node itself.
     */
    private static List<String> detached(List<String> command) {
        for (String setsid : List.of("/usr/bin/setsid", "/bin/setsid")) {
            if (Files.isExecutable(Path.of(setsid))) {
                List<String> out = new ArrayList<>(List.of(setsid));
                out.addAll(command);
                return out;
            }
        }
        return command;
    }

    private static void environment(Map<String, String> env, NodeHome home, String heap) {
        env.put("ES_JAVA_HOME", System.getProperty("java.home"));
        env.put("ES_PATH_CONF", home.config().toString());
        env.put("ES_TMPDIR", home.tmp().toString());
        // The launcher's own JVM works out the node's JVM flags in a folder of its temp directory that it never
        // deletes: two folders in the machine's /tmp for every start, unless its temp directory is the node's.
        env.put("CLI_JAVA_OPTS", "-Djava.io.tmpdir=" + home.tmp());
        env.put("ES_JAVA_OPTS", "-Xms" + heap + " -Xmx" + heap);
        env.put("HOME", home.dir().toString());
        env.remove("JAVA_TOOL_OPTIONS");
    }

    static String nodeName(NodeHome home, NodeOptions options) {
        return options.cluster() != null ? options.cluster().nodeName()
                : "lumbung-" + NodeHome.shortHash(home.dir().toString());
    }

    private static Optional<Long> readPid(Path pidFile) {
        try {
            return Optional.of(Long.parseLong(Files.readString(pidFile, StandardCharsets.UTF_8).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void stopProcess(long pid) {
        ProcessHandle.of(pid).ifPresent(handle -> {
            handle.destroy();
            try {
                handle.onExit().get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                handle.destroyForcibly();
            }
        });
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public boolean owner() {
        return owner;
    }

    public Path home() {
        return home.dir();
    }

    public Path logFile() {
        return home.logFile();
    }

    /** Stops the node if this Lumbung owns it; an attached Lumbung leaves it running. */
    @Override
    public synchronized void close() {
        if (stopped || !owner) {
            return;
        }
        stopped = true;
        LOG.info("Elasticsearch: stopping the node (pid {})", pid);
        stopProcess(pid);
        try {
            Files.deleteIfExists(home.state());
        } catch (IOException e) {
            LOG.warn("Elasticsearch: could not remove {}: {}", home.state(), e.toString());
        }
    }
}
