package org.lumbung.crosswalk;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lumbung.dc.DcRecord;
import org.lumbung.harvest.OaiHeader;
import org.lumbung.harvest.RawRecord;
import org.lumbung.index.DocumentMapper;
import org.lumbung.language.LanguageDetector;
import org.lumbung.testing.Golden;
import org.lumbung.xml.XmlElement;
import org.lumbung.xml.XmlTreeReader;

/**
 * Golden files per format: {@code fixtures/crosswalk/<metadataPrefix>/<case>.xml} is one record's metadata as a
 * repository sends it, {@code <case>.expected.json} the index document Lumbung makes of it. A new case is two files.
 */
class CrosswalkGoldenTest {

    private static final Path CASES = Path.of("src/test/resources/fixtures/crosswalk");
    private static final Crosswalks CROSSWALKS = Crosswalks.standard(new LanguageDetector(List.of("id", "en", "ms"), 400));

    static Stream<Path> cases() throws IOException {
        try (Stream<Path> files = Files.walk(CASES)) {
            return files.filter(f -> f.toString().endsWith(".xml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void crosswalksToTheExpectedDocument(Path file) throws Exception {
        String prefix = file.getParent().getFileName().toString();
        String name = file.getFileName().toString().replaceFirst("\\.xml$", "");
        RawRecord raw = new RawRecord(new OaiHeader("oai:repository.example.ac.id:" + name, "2026-01-05T00:00:00Z",
                List.of(), false), metadata(file), prefix);
        DcRecord record = CROSSWALKS.toDc("example", raw);
        Golden.assertMatches("crosswalk/" + prefix + "/" + name + ".expected.json",
                DocumentMapper.toDocument(record, Instant.EPOCH));
    }

    static XmlElement metadata(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader reader = XmlTreeReader.open(in);
            while (reader.getEventType() != XMLStreamConstants.START_ELEMENT) {
                reader.next();
            }
            return XmlTreeReader.read(reader, null);
        }
    }
}
