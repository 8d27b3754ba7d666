package org.lumbung.es;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Where one data folder's node keeps its files: {@code <data>/elasticsearch}, unless Lumbung runs as root and the
 * unprivileged user cannot reach the data folder (a clone under /root, say). Then the node's files go to a folder
 * under /var/tmp named after the data folder, and a pointer file in the data folder records where, so that every
 * later start reuses it.
 */
record NodeHome(Path dir, boolean relocated) {

    static final String POINTER = "elasticsearch.location";

    static NodeHome resolve(Path dataDir, RunAs runAs, Path relocationRoot) throws IOException {
        Path preferred = dataDir.resolve("elasticsearch");
        Path pointer = dataDir.resolve(POINTER);
        Files.createDirectories(dataDir);
        if (Files.isRegularFile(pointer)) {
            Path recorded = Path.of(Files.readString(pointer, StandardCharsets.UTF_8).trim());
            Files.createDirectories(recorded);
            runAs.own(recorded);
            return new NodeHome(recorded, true);
        }
        Files.createDirectories(preferred);
        runAs.own(preferred);
        if (!runAs.dropsPrivileges() || runAs.canWrite(preferred)) {
            return new NodeHome(preferred, false);
        }
        Path relocated = relocationRoot.resolve("lumbung-es-" + shortHash(dataDir.toString()));
        Files.createDirectories(relocated);
        runAs.own(relocated);
        Files.writeString(pointer, relocated + "\n", StandardCharsets.UTF_8);
        return new NodeHome(relocated, true);
    }

    static String shortHash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    Path config() {
        return dir.resolve("config");
    }

    Path data() {
        return dir.resolve("data");
    }

    Path logs() {
        return dir.resolve("logs");
    }

    Path tmp() {
        return dir.resolve("tmp");
    }

    /** The default snapshot folder ({@code path.repo}): owned by the node's user like the rest of its folder. */
    Path snapshots() {
        return dir.resolve("snapshots");
    }

    Path run() {
        return dir.resolve("run");
    }

    Path distributions() {
        return dir.resolve("dist");
    }

    /** The node's own log (Elasticsearch names it after the cluster). */
    Path logFile() {
        return logs().resolve(EmbeddedElasticsearch.CLUSTER_NAME + ".log");
    }

    Path launcherLog() {
        return logs().resolve("launcher.log");
    }

    Path state() {
        return dir.resolve("node.properties");
    }

    Path lock() {
        return dir.resolve("node.lock");
    }
}
