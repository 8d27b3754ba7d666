package org.lumbung.config;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.LoggerFactory;

/**
 * Lumbung's log file, {@code <data>/logs/lumbung.log}: everything logged, with stack traces, which the console never
 * shows (a command ends with one line a user reads). Opened only for Lumbung started from its own {@code main}, so
 * that its jar used as a plugin, or in tests, never touches the host's logging.
 */
public final class LogFile {

    /** The logger of a command's final failure: its stack trace goes to the file alone. */
    public static final String FAILURES = "lumbung.failures";

    private static volatile boolean enabled;
    private static volatile Path current;

    private LogFile() {
    }

    /** Called by {@code main}: this JVM is Lumbung's own. */
    public static void enable() {
        enabled = true;
    }

    /** The file, once open. */
    public static Optional<Path> current() {
        return Optional.ofNullable(current);
    }

    /** Opens the log file in the data folder (once per JVM); a folder that cannot be written leaves the console alone. */
    public static synchronized void openIn(Path dataDir) {
        if (!enabled || current != null || !(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        Path file = dataDir.resolve("logs").resolve("lumbung.log").toAbsolutePath().normalize();
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            LoggerFactory.getLogger(LogFile.class).warn("no log file: cannot create {} ({})", file.getParent(),
                    e.getMessage());
            return;
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{0} - %msg%n");
        encoder.start();
        FileAppender<ILoggingEvent> appender = new FileAppender<>();
        appender.setContext(context);
        appender.setName("lumbung-file");
        appender.setFile(file.toString());
        appender.setEncoder(encoder);
        appender.start();
        if (!appender.isStarted()) {
            return;
        }
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);
        Logger failures = context.getLogger(FAILURES);
        failures.setAdditive(false);
        failures.addAppender(appender);
        current = file;
    }
}
