package org.lumbung.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.lumbung.App;

/** Runs Lumbung's command line in this JVM and captures what it prints on standard output. */
public final class Cli {

    /** Exit status and standard output of one command. */
    public record Result(int status, String out) {
    }

    private Cli() {
    }

    /** A command against the shared test Elasticsearch, under an index prefix. */
    public static Result onTestEs(String prefix, String... args) {
        String[] all = Arrays.copyOf(args, args.length + 4);
        all[args.length] = "--es";
        all[args.length + 1] = TestElasticsearch.url().toString();
        all[args.length + 2] = "--index-prefix";
        all[args.length + 3] = prefix;
        return run(all);
    }

    /**
     * A command in a JVM of its own (for a process to kill, or an environment of its own), its output and errors
     * together in {@code log}; the caller adds what else it needs and starts it.
     */
    public static ProcessBuilder inOwnJvm(Path log, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), App.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    }

    public static synchronized Result run(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            int status = App.execute(args);
            return new Result(status, buffer.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
        }
    }
}
