package org.lumbung.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.lumbung.crosswalk.Crosswalks;
import org.lumbung.dc.DcRecord;
import org.lumbung.harvest.OaiHeader;
import org.lumbung.harvest.RawRecord;
import org.lumbung.ingest.PageIngester;
import org.lumbung.landing.IngestReport;
import org.lumbung.landing.IngestRequest;
import org.lumbung.landing.PageInput;
import org.lumbung.language.LanguageDetector;
import org.lumbung.pipeline.Delivery;
import org.lumbung.pipeline.Outcome;
import org.lumbung.xml.XmlElement;
import org.lumbung.xml.XmlTreeReader;

/**
 * The records behind the golden files, made as the harvest and the ingest command make them: the crosswalk cases
 * ({@code fixtures/crosswalk/<metadataPrefix>/<case>.xml}) and the seed page ({@link SeedPage}).
 */
public final class GoldenInputs {

    public static final Path CROSSWALK_CASES = Path.of("src/test/resources/fixtures/crosswalk");

    private static final LanguageDetector LANGUAGES = new LanguageDetector(List.of("id", "en", "ms"), 400);
    private static final Crosswalks CROSSWALKS = Crosswalks.standard(LANGUAGES);

    private GoldenInputs() {
    }

    /** Every crosswalk case's metadata file, in order. */
    public static List<Path> crosswalkCases() {
        try (Stream<Path> files = Files.walk(CROSSWALK_CASES)) {
            return files.filter(f -> f.toString().endsWith(".xml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A case's name as its golden file is named: {@code <metadataPrefix>/<case>}. */
    public static String caseName(Path file) {
        return file.getParent().getFileName() + "/" + file.getFileName().toString().replaceFirst("\\.xml$", "");
    }

    /** The record a crosswalk case makes, under the header a repository would send with it. */
    public static DcRecord crosswalked(Path file) {
        String prefix = file.getParent().getFileName().toString();
        String name = file.getFileName().toString().replaceFirst("\\.xml$", "");
        RawRecord raw = new RawRecord(new OaiHeader("oai:repository.example.ac.id:" + name, "2026-01-05T00:00:00Z",
                List.of(), false), metadata(file), prefix);
        return CROSSWALKS.toDc("example", raw);
    }

    /** The seed page read exactly as the ingest command reads it. */
    public static DcRecord seedPage() {
        List<DcRecord> records = new ArrayList<>();
        PageIngester ingester = new PageIngester(null, LANGUAGES,
                batch -> {
                    records.addAll(batch.records());
                    return Delivery.done(new Outcome(batch.records().size(), 0, List.of()));
                }, batch -> {
                    throw new AssertionError("the seed is a page, not an OAI-PMH response");
                });
        IngestReport report = ingester.ingest(new IngestRequest("undip-jihi-pages",
                List.of(new PageInput(SeedPage.FILE.toString(), SeedPage.URL))));
        if (!report.failures().isEmpty() || records.size() != 1) {
            throw new AssertionError("the seed page gave " + records.size() + " records: " + report.failures());
        }
        return records.get(0);
    }

    private static XmlElement metadata(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader reader = XmlTreeReader.open(in);
            while (reader.getEventType() != XMLStreamConstants.START_ELEMENT) {
                reader.next();
            }
            return XmlTreeReader.read(reader, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (XMLStreamException e) {
            throw new IllegalStateException(file + " is not XML", e);
        }
    }
}
