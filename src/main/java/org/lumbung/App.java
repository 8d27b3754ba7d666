package org.lumbung;

import java.util.concurrent.Callable;
import org.apache.camel.CamelExecutionException;
import org.lumbung.cli.AuditCommand;
import org.lumbung.cli.BackupCommand;
import org.lumbung.cli.BenchCommand;
import org.lumbung.cli.DeadletterCommand;
import org.lumbung.cli.HarvestCommand;
import org.lumbung.cli.IngestCommand;
import org.lumbung.cli.InspectCommand;
import org.lumbung.cli.ReindexCommand;
import org.lumbung.cli.RestoreCommand;
import org.lumbung.cli.RunCommand;
import org.lumbung.cli.SearchCommand;
import org.lumbung.cli.SourcesCommand;
import org.lumbung.config.BuildInfo;
import org.lumbung.config.LogFile;
import org.lumbung.config.SettingsException;
import org.lumbung.pipeline.Reasons;
import org.lumbung.source.SourceListException;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Lumbung's entry point: the command line. Exit status 0 when the command completed, 1 when it could not, 2 for a
 * usage or configuration error.
 */
@Command(name = "lumbung", mixinStandardHelpOptions = true, versionProvider = App.Version.class,
        description = "Harvests scholarly metadata over OAI-PMH and from article landing pages into Elasticsearch.",
        subcommands = {RunCommand.class, HarvestCommand.class, IngestCommand.class, SearchCommand.class,
            InspectCommand.class, SourcesCommand.class, DeadletterCommand.class, ReindexCommand.class,
            BackupCommand.class, RestoreCommand.class, BenchCommand.class, AuditCommand.class})
public final class App implements Callable<Integer> {

    /** Exit statuses shared by every command. */
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    public static void main(String[] args) {
        // The logging setup has Lumbung's name, so that its jar used as a plugin never configures the host's logging.
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "lumbung-logback.xml");
        }
        LogFile.enable();
        System.exit(execute(args));
    }

    /**
     * Runs a command line and returns its exit status (tests call this instead of main). Whatever happens, the command
     * ends with one line a user reads; a failure's stack trace goes to the log file only.
     */
    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new App());
        cli.setParameterExceptionHandler((e, given) -> {
            e.getCommandLine().getErr().println("lumbung: " + e.getMessage() + " ('lumbung "
                    + e.getCommandLine().getCommandSpec().qualifiedName(" ").replaceFirst("^lumbung ?", "")
                    + " --help' lists the options)");
            return USAGE;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            // A failure inside a route arrives wrapped by Camel: its cause says what went wrong.
            Throwable failure = e instanceof CamelExecutionException && e.getCause() != null ? e.getCause() : e;
            if (failure instanceof SettingsException || failure instanceof SourceListException) {
                commandLine.getErr().println("lumbung: " + failure.getMessage());
                return USAGE;
            }
            LoggerFactory.getLogger(LogFile.FAILURES).error("lumbung {} failed", String.join(" ", args), failure);
            commandLine.getErr().println("lumbung: " + Reasons.of(failure)
                    + LogFile.current().map(f -> " (details in " + f + ")").orElse(""));
            return FAILED;
        });
        return cli.execute(args);
    }

    /** With no command Lumbung runs. */
    @Override
    public Integer call() throws Exception {
        return new RunCommand().call();
    }

    /** Prints Lumbung's version and the Elasticsearch version it is built for. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"lumbung " + BuildInfo.version() + " (Elasticsearch " + BuildInfo.elasticsearchVersion()
                    + ")"};
        }
    }
}
