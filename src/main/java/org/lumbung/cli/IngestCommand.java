package org.lumbung.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.lumbung.App;
import org.lumbung.config.Lumbung;
import org.lumbung.landing.IngestReport;
import org.lumbung.landing.IngestRequest;
import org.lumbung.landing.PageInput;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Ingests landing pages and saved OAI-PMH responses, through the landing route, and prints one line of counts. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Ingest article landing pages (HTML or text) and saved OAI-PMH responses from files, folders or URLs.")
public final class IngestCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common = new CommonOptions();

    @Parameters(arity = "1..*", paramLabel = "FILE|FOLDER|URL", description = "What to ingest.")
    List<String> inputs;

    @Option(names = "--url", paramLabel = "URL", description = "The address of the page in the one file given.")
    String url;

    @Option(names = "--source", paramLabel = "ID", description = "Source id; default derived from each address.")
    String source;

    private static final int SHOWN_FAILURES = 20;

    @Override
    public Integer call() throws Exception {
        if (url != null && inputs.size() != 1) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--url goes with exactly one input");
        }
        String id = CommonOptions.sourceId(source, this);
        // Said before Elasticsearch starts, which takes seconds: a typo in a path costs none.
        for (String input : inputs) {
            if (!input.matches("(?i)https?://.*") && !Files.exists(Path.of(input))) {
                throw new CommandLine.ParameterException(new CommandLine(this), "no such file or folder: " + input);
            }
        }
        List<PageInput> pages = inputs.stream().map(i -> new PageInput(i, url)).toList();
        try (Lumbung lumbung = Lumbung.start(common.settings(Map.of()))) {
            IngestReport report = lumbung.send("direct:ingest", new IngestRequest(id, pages), IngestReport.class);
            System.out.println(report.summary());
            CommonOptions.printWaits(lumbung);
            report.failures().stream().limit(SHOWN_FAILURES).forEach(f ->
                    System.out.println("  failed: " + f.recordId() + ": " + f.reason()));
            if (report.failures().size() > SHOWN_FAILURES) {
                System.out.println("  and " + (report.failures().size() - SHOWN_FAILURES)
                        + " more failures: see the log, and deadletter list");
            }
            return report.complete() ? App.OK : App.FAILED;
        }
    }
}
