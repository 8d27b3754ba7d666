package org.lumbung.es;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The Elasticsearch distribution (the integ-test-zip from Maven Central): where the zip is, and its one-time unpacking.
 * Maven copies the zip to {@code target/elasticsearch/} beside {@code target/lumbung.jar}; the local Maven repository
 * is the fallback.
 */
final class Distribution {

    static final String GROUP_PATH = "org/elasticsearch/distribution/integ-test-zip/elasticsearch";

    private Distribution() {
    }

    static String zipName(String version) {
        return "elasticsearch-" + version + ".zip";
    }

    /** The places searched, in order; the first that exists wins. */
    static List<Path> candidates(Path configured, String version) {
        Set<Path> out = new LinkedHashSet<>();
        if (configured != null) {
            out.add(configured.toAbsolutePath());
        }
        String dir = System.getProperty("lumbung.es.distribution.dir");
        if (dir != null && !dir.isBlank()) {
            out.add(Path.of(dir).resolve(zipName(version)).toAbsolutePath());
        }
        Path codeDir = codeLocation();
        if (codeDir != null) {
            // target/lumbung.jar and target/classes both look in target/elasticsearch
            out.add(codeDir.resolve("elasticsearch").resolve(zipName(version)));
        }
        String repo = System.getProperty("maven.repo.local");
        Path m2 = repo != null && !repo.isBlank() ? Path.of(repo)
                : Path.of(System.getProperty("user.home"), ".m2", "repository");
        out.add(m2.resolve(GROUP_PATH).resolve(version).resolve(zipName(version)));
        return new ArrayList<>(out);
    }

    private static Path codeLocation() {
        try {
            return Path.of(Distribution.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            return null;
        }
    }

    static final String PLUGIN_ZIP = "lumbung-analysis-plugin.zip";
    static final String PLUGIN_NAME = "lumbung-analysis";

    /** Lumbung's analysis plugin, built beside the distribution; null when this build has none. */
    static Path plugin() {
        String dir = System.getProperty("lumbung.es.distribution.dir");
        Path codeDir = codeLocation();
        for (Path candidate : new Path[] {
            dir == null || dir.isBlank() ? null : Path.of(dir).resolve(PLUGIN_ZIP),
            codeDir == null ? null : codeDir.resolve("elasticsearch").resolve(PLUGIN_ZIP)}) {
            if (candidate != null && Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /**
     * Installs the plugin offline by unpacking it into the distribution's plugins folder (it ships its
     * named_components.json, so no scan is needed), replacing an older copy; false when there is none to install.
     */
    static boolean installPlugin(Path distribution, Path zip) throws IOException {
        if (zip == null) {
            return false;
        }
        Path target = distribution.resolve("plugins").resolve(PLUGIN_NAME);
        Path marker = target.resolve(".lumbung-from");
        String stamp = zip + " " + Files.size(zip) + " " + Files.getLastModifiedTime(zip).toMillis();
        if (Files.exists(marker) && Files.readString(marker).equals(stamp)) {
            return true;
        }
        deleteTree(target);
        Files.createDirectories(target);
        try (ZipFile plugin = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> entries = plugin.entries();
            while (entries.hasMoreElements()) {
                extract(plugin, entries.nextElement(), target);
            }
        }
        Files.writeString(marker, stamp);
        return true;
    }

    static Path locate(Path configured, String version) throws NodeStartException {
        List<Path> candidates = candidates(configured, version);
        for (Path p : candidates) {
            if (Files.isRegularFile(p) || Files.isExecutable(p.resolve("bin").resolve("elasticsearch"))) {
                return p;
            }
        }
        throw new NodeStartException("the Elasticsearch " + version + " distribution is missing (looked in "
                + String.join(", ", candidates.stream().map(Path::toString).toList())
                + "); run 'mvn package' or set LUMBUNG_ES_DISTRIBUTION to the zip", null);
    }

    /** The folder holding bin/elasticsearch: the given folder, or the zip unpacked once under {@code into}. */
    static Path unpacked(Path zipOrDir, String version, Path into) throws IOException {
        if (Files.isDirectory(zipOrDir)) {
            return zipOrDir;
        }
        Path home = into.resolve("elasticsearch-" + version);
        Path marker = home.resolve(".lumbung-unpacked");
        if (Files.exists(marker)) {
            return home;
        }
        Files.createDirectories(into);
        Path staging = Files.createTempDirectory(into, ".unpacking-");
        try (ZipFile zip = new ZipFile(zipOrDir.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                extract(zip, entries.nextElement(), staging);
            }
        }
        Path top = staging.resolve("elasticsearch-" + version);
        if (!Files.isDirectory(top)) {
            throw new IOException(zipOrDir + " is not an Elasticsearch " + version + " distribution");
        }
        Files.writeString(top.resolve(".lumbung-unpacked"), zipOrDir + "\n");
        deleteTree(home);
        Files.move(top, home, StandardCopyOption.ATOMIC_MOVE);
        deleteTree(staging);
        return home;
    }

    private static void extract(ZipFile zip, ZipEntry entry, Path root) throws IOException {
        Path target = root.resolve(entry.getName()).normalize();
        if (!target.startsWith(root)) {
            throw new IOException("zip entry escapes the target folder: " + entry.getName());
        }
        if (entry.isDirectory()) {
            Files.createDirectories(target);
            Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
            return;
        }
        Files.createDirectories(target.getParent());
        try (InputStream in = zip.getInputStream(entry)) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        // Readable by the unprivileged user whatever the umask; scripts in bin/ executable.
        boolean executable = target.getParent().getFileName().toString().equals("bin");
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
