package org.lumbung.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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
        String[] all = java.util.Arrays.copyOf(args, args.length + 4);
        all[args.length] = "--es";
        all[args.length + 1] = TestElasticsearch.url().toString();
        all[args.length + 2] = "--index-prefix";
        all[args.length + 3] = prefix;
        return run(all);
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
