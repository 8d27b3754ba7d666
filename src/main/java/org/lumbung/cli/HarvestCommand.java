package org.lumbung.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import org.lumbung.App;
import org.lumbung.config.Lumbung;
import org.lumbung.harvest.HarvestReport;
import org.lumbung.harvest.HarvestRequest;
import org.lumbung.pipeline.SourceId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Harvests one OAI-PMH repository once, through the harvest route, and prints one line of counts. */
@Command(name = "harvest", mixinStandardHelpOptions = true,
        description = "Harvest an OAI-PMH repository (ListRecords) into the index.")
public final class HarvestCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common = new CommonOptions();

    @Parameters(index = "0", paramLabel = "BASE_URL", description = "The repository's OAI-PMH base URL.")
    String baseUrl;

    @Option(names = "--prefix", paramLabel = "PREFIX", description = "metadataPrefix; default oai_dc.")
    String prefix = "oai_dc";

    @Option(names = "--set", paramLabel = "SPEC", description = "Harvest only this set.")
    String set;

    @Option(names = "--from", paramLabel = "DATE", description = "Records changed from this date, in the repository's granularity.")
    String from;

    @Option(names = "--until", paramLabel = "DATE", description = "Records changed until this date.")
    String until;

    @Option(names = "--source", paramLabel = "ID", description = "Source id; default derived from the base URL.")
    String source;

    @Override
    public Integer call() throws Exception {
        if (!baseUrl.matches("(?i)https?://.+")) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                    "BASE_URL must be an http(s) URL, not '" + baseUrl + "'");
        }
        String id = CommonOptions.sourceId(source != null ? source : SourceId.fromUrl(baseUrl), this);
        try (Lumbung lumbung = Lumbung.start(common.settings(Map.of()))) {
            HarvestReport report = lumbung.send("direct:harvest",
                    new HarvestRequest(id, baseUrl, prefix, set, from, until), HarvestReport.class);
            System.out.println(report.summary());
            return report.complete() && report.failures().isEmpty() ? App.OK : App.FAILED;
        }
    }
}
