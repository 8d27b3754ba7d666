package org.lumbung.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A Java process started with this JVM's class path: the page server and the harvesting Lumbung run in them. */
final class ChildJvm {

    private ChildJvm() {
    }

    /** Starts {@code mainClass} with the JVM options and arguments; its output goes to the log file. */
    static Process start(List<String> jvmOptions, Class<?> mainClass, List<String> args, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command(jvmOptions, mainClass, args));
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        return builder.start();
    }

    /** Like {@link #start}, with standard output left to the caller to read; errors go to the log file. */
    static Process startReading(List<String> jvmOptions, Class<?> mainClass, List<String> args, Path log)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command(jvmOptions, mainClass, args));
        builder.redirectError(log.toFile());
        return builder.start();
    }

    private static List<String> command(List<String> jvmOptions, Class<?> mainClass, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        command.addAll(args);
        return command;
    }

    /** Ends the process and waits for it: SIGTERM, then SIGKILL after a grace period. */
    static void stop(Process process) {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
