package org.lumbung.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.lumbung.config.BuildInfo;
import org.lumbung.es.EmbeddedElasticsearch;
import org.lumbung.es.NodeOptions;
import org.lumbung.es.NodeStartException;

/**
 * A cluster of several embedded nodes on 127.0.0.1, started by the launcher the app uses: each node with a data
 * folder, an HTTP port and a transport port of its own, all seeded with every transport port. The nodes start
 * together, as a new cluster needs most of its initial masters up before it elects one. A node can be stopped and
 * started again on the same folder and ports.
 */
public final class TestCluster implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);

    private final Path work;
    private final List<NodeOptions> options;
    private final EmbeddedElasticsearch[] nodes;

    private TestCluster(Path work, List<NodeOptions> options) {
        this.work = work;
        this.options = options;
        this.nodes = new EmbeddedElasticsearch[options.size()];
    }

    /** Starts {@code size} nodes named {@code node-0...}, each with this heap; returns once all are in the cluster. */
    public static TestCluster start(int size, String heap) throws Exception {
        Path work = TestData.newDataDir("cluster");
        int[] ports = freePorts(2 * size);
        List<String> names = IntStream.range(0, size).mapToObj(i -> "node-" + i).toList();
        List<String> seeds = IntStream.range(0, size).mapToObj(i -> "127.0.0.1:" + ports[size + i]).toList();
        List<NodeOptions> options = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            options.add(new NodeOptions(work.resolve(names.get(i)), heap, ports[i], null, START_TIMEOUT, "nobody",
                    BuildInfo.elasticsearchVersion(), null,
                    new NodeOptions.Cluster(names.get(i), ports[size + i], seeds, names)));
        }
        TestCluster cluster = new TestCluster(work, options);
        ExecutorService starting = Executors.newFixedThreadPool(size);
        Throwable failed = null;
        try {
            List<Future<EmbeddedElasticsearch>> started = new ArrayList<>();
            for (NodeOptions o : options) {
                started.add(starting.submit(() -> EmbeddedElasticsearch.startOrAttach(o)));
            }
            for (int i = 0; i < size; i++) {
                try {
                    cluster.nodes[i] = started.get(i).get();
                } catch (ExecutionException e) {
                    failed = e.getCause();
                }
            }
        } finally {
            starting.shutdown();
        }
        if (failed != null) {
            cluster.close();
            throw new IllegalStateException("the cluster did not start: " + failed.getMessage(), failed);
        }
        return cluster;
    }

    private static int[] freePorts(int n) throws IOException {
        List<ServerSocket> held = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                held.add(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
            }
            return held.stream().mapToInt(ServerSocket::getLocalPort).toArray();
        } finally {
            for (ServerSocket s : held) {
                s.close();
            }
        }
    }

    /** Every node's HTTP address, whether it runs or not. */
    public List<URI> urls() {
        return options.stream().map(o -> URI.create("http://127.0.0.1:" + o.port())).toList();
    }

    /** The nodes as {@code --es} takes them. */
    public String address() {
        return urls().stream().map(URI::toString).collect(Collectors.joining(","));
    }

    public String name(int node) {
        return options.get(node).cluster().nodeName();
    }

    /** Stops a node's process and waits for it to end. */
    public synchronized void stop(int node) {
        if (nodes[node] != null) {
            nodes[node].close();
            nodes[node] = null;
        }
    }

    /** Starts a stopped node again on its folder and ports; returns once it is back in the cluster. */
    public synchronized void restart(int node) throws NodeStartException {
        if (nodes[node] == null) {
            nodes[node] = EmbeddedElasticsearch.startOrAttach(options.get(node));
        }
    }

    @Override
    public synchronized void close() throws IOException {
        for (int i = 0; i < nodes.length; i++) {
            stop(i);
        }
        TestData.delete(work);
    }
}
