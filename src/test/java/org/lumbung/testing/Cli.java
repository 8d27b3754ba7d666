package org.lumbung.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.lumbung.App;

/**
 * Runs Lumbung's command line in this JVM and captures what it prints on standard output, and on standard error
 * (still printed there too) for a failed assertion to show.
 */
public final class Cli {

    /** Exit status, standard output and standard error of one command. */
    public record Result(int status, String out, String err) {

        /** What the command printed, output then errors: the description of an assertion on its status. */
        public String said() {
            return "exit status " + status + "; printed:\n" + out + err;
        }

        /** Asserts the exit status, showing what the command printed when it is another. */
        public Result exits(int expected) {
            Assertions.assertThat(status).as(said()).isEqualTo(expected);
            return this;
        }
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
        PrintStream originalErr = System.err;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new Tee(originalErr, errors), true, StandardCharsets.UTF_8));
        try {
            int status = App.execute(args);
            return new Result(status, buffer.toString(StandardCharsets.UTF_8),
                    errors.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
            System.setErr(originalErr);
        }
    }

    /** Writes to the console and keeps a copy. */
    private static final class Tee extends OutputStream {
        private final OutputStream console;
        private final ByteArrayOutputStream copy;

        Tee(OutputStream console, ByteArrayOutputStream copy) {
            this.console = console;
            this.copy = copy;
        }

        @Override
        public void write(int b) throws IOException {
            console.write(b);
            copy.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            console.write(b, off, len);
            copy.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            console.flush();
        }
    }
}
