package org.lumbung.es;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Turns what a failed node wrote into the one line that names the cause. */
final class StartFailure {

    private record Cause(Pattern pattern, String message) {
    }

    private static final List<Cause> CAUSES = List.of(
            new Cause(Pattern.compile("BindException|Address already in use|failed to bind"),
                    "port %d (or the transport port) is already in use; choose another with --es-port"),
            new Cause(Pattern.compile("Could not reserve enough space|insufficient memory for the Java Runtime"
                    + "|Cannot allocate memory|java\\.lang\\.OutOfMemoryError|Initial heap size set to a larger value"),
                    "too little memory for the requested heap; lower it with --es-heap or free memory"),
            new Cause(Pattern.compile("can not run elasticsearch as root|setpriv: "),
                    "cannot drop privileges to run Elasticsearch as an unprivileged user"),
            new Cause(Pattern.compile("AccessDeniedException|Permission denied"),
                    "the node cannot read or write its folders (permission denied)"),
            new Cause(Pattern.compile("failed to obtain node locks"),
                    "another Elasticsearch node is using this data folder"),
            new Cause(Pattern.compile("Unsupported major.minor|UnsupportedClassVersionError|requires Java"),
                    "this Java is too old for Elasticsearch"));

    private StartFailure() {
    }

    /** The cause, from the launcher's output and what the node logged after {@code logOffset}. */
    static String diagnose(NodeHome home, int port, long logOffset) {
        String text = read(home.launcherLog(), 0) + "\n" + read(home.logFile(), logOffset);
        for (Cause cause : CAUSES) {
            if (cause.pattern().matcher(text).find()) {
                return String.format(cause.message(), port);
            }
        }
        return "the node exited: " + lastMeaningfulLine(text);
    }

    private static String read(Path file, long offset) {
        try {
            if (!Files.isRegularFile(file)) {
                return "";
            }
            byte[] bytes = Files.readAllBytes(file);
            int from = (int) Math.min(Math.max(offset, 0), bytes.length);
            return new String(bytes, from, bytes.length - from, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static String lastMeaningfulLine(String text) {
        List<String> lines = new ArrayList<>(text.lines().map(String::trim).filter(l -> !l.isEmpty()).toList());
        for (int i = lines.size() - 1; i >= 0; i--) {
            String line = lines.get(i);
            if (line.contains("ERROR") || line.contains("Exception") || line.contains("error")) {
                return line.length() > 300 ? line.substring(0, 300) + "..." : line;
            }
        }
        return lines.isEmpty() ? "no output" : lines.get(lines.size() - 1);
    }
}
