package org.lumbung.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import org.lumbung.App;
import org.lumbung.config.Components;
import org.lumbung.harvest.HarvestException;
import org.lumbung.harvest.Identify;
import org.lumbung.harvest.MetadataFormat;
import org.lumbung.harvest.OaiInspector;
import org.lumbung.harvest.OaiSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** Prints what a repository says of itself: Identify, its metadata formats and its sets. No Elasticsearch needed. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Show a repository's Identify, metadata formats and sets.")
public final class InspectCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common = new CommonOptions();

    @Parameters(index = "0", paramLabel = "BASE_URL", description = "The repository's OAI-PMH base URL.")
    String baseUrl;

    @Override
    public Integer call() {
        OaiInspector inspector = new OaiInspector(Components.fetcher(common.settings(Map.of())));
        try {
            OaiInspector.Inspection i = inspector.inspect(baseUrl);
            Identify id = i.identify();
            System.out.println("Repository        " + id.repositoryName());
            System.out.println("Base URL          " + id.baseUrl() + (id.baseUrl() != null && !id.baseUrl().equals(baseUrl)
                    ? "  (asked at " + baseUrl + ")" : ""));
            System.out.println("Protocol          " + id.protocolVersion());
            System.out.println("Earliest          " + id.earliestDatestamp());
            System.out.println("Granularity       " + id.granularity());
            System.out.println("Deleted records   " + id.deletedRecord());
            System.out.println("Compression       " + (id.compression().isEmpty() ? "none" : String.join(", ", id.compression())));
            System.out.println("Administrators    " + String.join(", ", id.adminEmails()));
            System.out.println("Software          " + (id.software() == null ? "unknown" : id.software()));
            System.out.println("Metadata formats  " + i.formats().size());
            for (MetadataFormat f : i.formats()) {
                System.out.println("  " + f.metadataPrefix() + "  " + f.metadataNamespace());
            }
            System.out.println("Sets              " + i.sets().size());
            for (OaiSet s : i.sets()) {
                System.out.println("  " + s.setSpec() + "  " + (s.setName() == null ? "" : s.setName()));
            }
            return App.OK;
        } catch (HarvestException e) {
            System.err.println("lumbung: " + e.getMessage());
            return App.FAILED;
        }
    }
}
