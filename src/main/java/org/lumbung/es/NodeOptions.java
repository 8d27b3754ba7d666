package org.lumbung.es;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How to run the embedded node.
 *
 * @param dataDir      Lumbung's data folder; the node lives in {@code <dataDir>/elasticsearch} unless relocated
 * @param heap         the node's heap, as the JVM spells it ({@code 512m})
 * @param port         the HTTP port on 127.0.0.1; 0 picks a free one
 * @param distribution the zip or unpacked folder to run; null to look in the usual places
 * @param startTimeout how long a start may take before it is called failed
 * @param runAs        the unprivileged user the node runs as when Lumbung runs as root
 * @param version      the Elasticsearch version to run (pinned in the pom)
 * @param snapshots    the node's snapshot folder (its {@code path.repo}); null for {@code snapshots/} in its folder
 * @param cluster      how the node finds the other nodes of its cluster; null for a cluster of this node alone
 */
public record NodeOptions(Path dataDir, String heap, int port, Path distribution, Duration startTimeout, String runAs,
                          String version, Path snapshots, Cluster cluster) {

    /**
     * A node of a cluster of several on 127.0.0.1, each with a data folder of its own.
     *
     * @param nodeName       the node's name, as {@code initialMasters} lists it
     * @param transportPort  the port the nodes talk to each other on
     * @param seedHosts      the transport addresses ({@code 127.0.0.1:9300}) through which the node finds the others
     * @param initialMasters the names of the nodes that elect the first master when the cluster forms for the first
     *                       time (every node of a new cluster lists the same names)
     */
    public record Cluster(String nodeName, int transportPort, List<String> seedHosts, List<String> initialMasters) {

        public Cluster {
            seedHosts = List.copyOf(seedHosts);
            initialMasters = List.copyOf(initialMasters);
        }
    }

    public NodeOptions {
        dataDir = dataDir.toAbsolutePath().normalize();
        snapshots = snapshots == null ? null : snapshots.toAbsolutePath().normalize();
    }

    public NodeOptions(Path dataDir, String heap, int port, Path distribution, Duration startTimeout, String runAs,
                       String version, Path snapshots) {
        this(dataDir, heap, port, distribution, startTimeout, runAs, version, snapshots, null);
    }

    public NodeOptions(Path dataDir, String heap, int port, Path distribution, Duration startTimeout, String runAs,
                       String version) {
        this(dataDir, heap, port, distribution, startTimeout, runAs, version, null, null);
    }
}
