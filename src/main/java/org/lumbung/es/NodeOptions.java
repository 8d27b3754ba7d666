package org.lumbung.es;

import java.nio.file.Path;
import java.time.Duration;

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
 */
public record NodeOptions(Path dataDir, String heap, int port, Path distribution, Duration startTimeout, String runAs,
                          String version, Path snapshots) {

    public NodeOptions {
        dataDir = dataDir.toAbsolutePath().normalize();
        snapshots = snapshots == null ? null : snapshots.toAbsolutePath().normalize();
    }

    public NodeOptions(Path dataDir, String heap, int port, Path distribution, Duration startTimeout, String runAs,
                       String version) {
        this(dataDir, heap, port, distribution, startTimeout, runAs, version, null);
    }
}
